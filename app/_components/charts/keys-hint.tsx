/**
 * A visible line saying which keys move inside a chart, shown while a point of the chart has
 * keyboard focus (CSS: .chart-body:has(:focus-visible)). Screen readers hear each point's label
 * instead, so the hint is hidden from them.
 */
export function KeysHint({ children }: { children: string }) {
  return (
    <p className="keys-hint" aria-hidden="true" data-testid="keys-hint">
      {children}
    </p>
  );
}

export const POINT_KEYS = '← → move between points · Home / End: first and last · Esc hides the figure';
export const ROW_KEYS = '↑ ↓ move between states · Home / End: top and bottom · Enter opens the profile';
export const AGE_KEYS = '↑ ↓ move between age groups · Esc hides the figure';
export const MAP_KEYS = 'Arrow keys move to the nearest state in that direction · Enter opens the profile';
