/**
 * An interval whisker as one SVG path: the span and its two caps. One element instead of three
 * lines, for the ranking's 51 rows and every other chart's points, so there is less to hydrate.
 */

/** A horizontal whisker from x0 to x1 at y, with caps `cap` px above and below. */
export function horizontalWhisker(x0: number, x1: number, y: number, cap: number): string {
  return `M${x0},${y}H${x1}M${x0},${y - cap}V${y + cap}M${x1},${y - cap}V${y + cap}`;
}

/** A vertical whisker from y0 to y1 at x, with caps `cap` px left and right. */
export function verticalWhisker(x: number, y0: number, y1: number, cap: number): string {
  return `M${x},${y0}V${y1}M${x - cap},${y0}H${x + cap}M${x - cap},${y1}H${x + cap}`;
}
