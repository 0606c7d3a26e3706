'use client';

import type { ReactNode } from 'react';
import type { DeviceGuess } from '@/lib/http/touch';
import { TouchGuess } from './use-coarse-pointer';
import { WidthGuess } from './use-chart-width';

/** Hands the charts below the server's guess of the visitor's screen (lib/http/touch.ts), so the first render draws what the server drew. */
export function DeviceGuessProvider({ guess, children }: { guess: DeviceGuess; children: ReactNode }) {
  return (
    <TouchGuess.Provider value={guess.touch}>
      <WidthGuess.Provider value={guess.width}>{children}</WidthGuess.Provider>
    </TouchGuess.Provider>
  );
}
