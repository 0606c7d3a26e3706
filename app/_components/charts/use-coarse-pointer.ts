'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(pointer: coarse)';

const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/**
 * Whether the main pointer is a finger (a touch screen): charts then lay out larger targets. The
 * server (and the first render before hydration) assumes a mouse.
 */
export function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

const noop = () => () => undefined;

/** False on the server and during hydration, true once the page runs JavaScript: for controls that need it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
