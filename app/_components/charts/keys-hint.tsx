/**
 * A visible line saying which keys move inside a chart (its words: charts keys.*), shown while a point of the chart has
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
