'use client';

import { useMemo, type ReactNode } from 'react';
import { SWRConfig, unstable_serialize } from 'swr';
import { unpackRows, type PackedRows } from '@/lib/charts/packed';
import { viewDataKey } from '@/lib/charts/view';

/**
 * Seeds the dashboard's data cache with the rows the server loaded for the first view, so it
 * appears without a loading state. The rows arrive packed (lib/charts/packed.ts): a fraction of
 * the bytes in the page, unpacked once here.
 */
export function ViewDataProvider({ packed, children }: { packed: PackedRows; children: ReactNode }) {
  const fallback = useMemo(() => {
    const initial = unpackRows(packed);
    return { [unstable_serialize(viewDataKey(initial.map((i) => i.url)))]: initial };
  }, [packed]);
  return <SWRConfig value={{ fallback }}>{children}</SWRConfig>;
}
