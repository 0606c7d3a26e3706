'use client';

import { createContext, startTransition, useContext, useEffect, useState } from 'react';

const QUERY = '(pointer: coarse)';

/**
 * The server's guess that the pointer is a finger (lib/http/touch.ts), for the first render, which
 * must draw what the server drew. Without a provider: a mouse.
 */
export const TouchGuess = createContext(false);

/**
 * Whether the main pointer is a finger (a touch screen): charts then lay out larger targets. The
 * server (and the first render, which hydrates the server's HTML) uses the request's guess. The
 * browser's own answer replaces a wrong guess in a transition: React lays the charts out again in
 * small slices a phone's input can interrupt, not in one long task right after hydration.
 */
export function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(useContext(TouchGuess));
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
