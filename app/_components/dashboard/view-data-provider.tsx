'use client';

import { useMemo, type ReactNode } from 'react';
import { SWRConfig, unstable_serialize } from 'swr';
import { unpackRows, type PackedRows } from '@/lib/charts/packed';
import { viewDataKey } from '@/lib/charts/view';
import type { DeviceGuess } from '@/lib/http/touch';
import { DeviceGuessProvider } from '../charts/device-guess';

/**
 * Seeds the dashboard's data cache with the rows the server loaded for the first view, so it
 * appears without a loading state. The rows arrive packed (lib/charts/packed.ts): a fraction of
 * the bytes in the page, unpacked once here. It also hands the charts the server's guess of the
 * visitor's screen, touch or not and how wide (lib/http/touch.ts), so the first render matches the server's.
 */
export function ViewDataProvider({ packed, guess, children }: { packed: PackedRows; guess: DeviceGuess; children: ReactNode }) {
  const fallback = useMemo(() => {
    const initial = unpackRows(packed);
    return { [unstable_serialize(viewDataKey(initial.map((i) => i.url)))]: initial };
  }, [packed]);
  return (
    <DeviceGuessProvider guess={guess}>
      <SWRConfig value={{ fallback }}>{children}</SWRConfig>
    </DeviceGuessProvider>
  );
}
