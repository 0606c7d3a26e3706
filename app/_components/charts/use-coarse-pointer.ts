'use client';

import { startTransition, useEffect, useState } from 'react';

const QUERY = '(pointer: coarse)';

/**
 * Whether the main pointer is a finger (a touch screen): charts then lay out larger targets. The
 * server (and the first render, which hydrates the server's HTML) assumes a mouse. The answer
 * arrives in a transition: React lays the charts out again in small slices a phone's input can
 * interrupt, not in one long task right after hydration (as a synchronous store update would).
 */
export function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(false);
  useEffect(() => {
    const media = window.matchMedia(QUERY);
    const update = () => startTransition(() => setCoarse(media.matches));
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return coarse;
}

/**
 * False on the server and during hydration, true once the page runs JavaScript: for controls that
 * need it. Also set in a transition, for the same reason.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}
