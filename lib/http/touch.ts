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
  return /\b(Mobi|Android|iPhone|iPad|iPod)\b/.test(headers.get('user-agent') ?? '');
}
