'use client';

import { useTranslations } from 'next-intl';
import useSWR from 'swr';
import { viewDataKey } from '@/lib/charts/view';
import type { LoadedRows } from '@/lib/charts/packed';
import type { Observation } from '@/lib/vocabulary/schema';

export type { LoadedRows };

/** Words for an answer with no message of its own: "The server answered 503." */
type StatusWords = (status: number) => string;

/** Fetches one API URL as JSON; throws with the API's own message when the answer is not OK. */
async function fetchObservations(url: string, statusWords: StatusWords): Promise<LoadedRows> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let message = statusWords(res.status);
    try {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the status message
    }
    throw new Error(message);
  }
  const body = (await res.json()) as { observations: Observation[] };
  return { url, observations: body.observations };
}

async function fetchAll(key: string[], statusWords: StatusWords): Promise<LoadedRows[]> {
  return Promise.all(key.slice(1).map((url) => fetchObservations(url, statusWords)));
}

/**
 * The observations a view needs. Seeded by the server (SWRConfig fallback), so the first view
 * appears without a loading state; while a new selection loads, the previous charts stay up.
 */
export function useViewData(urls: string[]) {
  const t = useTranslations('dashboard');
  return useSWR(viewDataKey(urls), (key: string[]) => fetchAll(key, (status) => t('status.serverAnswered', { status: String(status) })), { keepPreviousData: true, revalidateOnFocus: false, revalidateIfStale: false });
}
