import { DEFAULT_WIDTH, PHONE_WIDTH } from '@/lib/charts/constants';

/**
 * A guess, from the request, that the visitor is on a phone or tablet, so the server can draw the
 * charts with touch-sized targets from the start. Chromium sends `Sec-CH-UA-Mobile: ?1` on every
 * request from a phone; Safari and Firefox send no client hints, so their user agent is read
 * instead. Only the layout depends on it (never a figure), and the browser corrects a wrong guess
 * once it can ask `(pointer: coarse)` itself: a right guess saves a phone laying the charts out a
 * second time just after the page loads.
 */
export function likelyTouch(headers: { get(name: string): string | null }): boolean {
  const hint = headers.get('sec-ch-ua-mobile');
  if (hint === '?1') return true;
  if (hint === '?0') return false;
  return /\b(Mobi|Android|iPhone|iPad|iPod)/.test(headers.get('user-agent') ?? '');
}

/**
 * A guess that the visitor is on a phone, not a tablet: Chromium sends `Sec-CH-UA-Mobile: ?1` on
 * phones only, and phone browsers say "Mobi" (Android, Firefox) or "iPhone"/"iPod" in their user
 * agent, which tablets do not.
 */
export function likelyPhone(headers: { get(name: string): string | null }): boolean {
  const hint = headers.get('sec-ch-ua-mobile');
  if (hint === '?1') return true;
  if (hint === '?0') return false;
  return /\b(Mobi|iPhone|iPod)/.test(headers.get('user-agent') ?? '');
}

/** What the server guesses of the visitor's screen, to draw charts the browser will likely keep. */
export interface DeviceGuess {
  /** A finger, not a mouse: touch-sized targets. */
  touch: boolean;
  /** The width charts are drawn at before the browser measures them. */
  width: number;
}

export function deviceGuess(headers: { get(name: string): string | null }): DeviceGuess {
  return { touch: likelyTouch(headers), width: likelyPhone(headers) ? PHONE_WIDTH : DEFAULT_WIDTH };
}
