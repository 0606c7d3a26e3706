import type { ReactNode } from 'react';
import { ageGroupLabel } from '@/lib/vocabulary/age-groups';
import { quotedVia, type Figure } from '@/lib/data/headline';
import { seriesByName } from '@/lib/vocabulary/series';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';

/** One published figure in every unit it was published in, with its interval, series and source. */
export function FigureCard({ figure, heading, children }: { figure: Figure; heading: string; children?: ReactNode }) {
  const [main, ...rest] = figure.values;
  const series = seriesByName(figure.series);
  const sources = [...new Set(figure.values.map((v) => v.source))];
  // Where the figure was read from, when that is a site quoting SAMHSA rather than SAMHSA itself.
  const via = [...new Set(figure.values.map(quotedVia).filter((v): v is string => v !== null))];
  return (
    <article className="card" aria-label={heading}>
      <h3>{heading}</h3>
      <p className="figure">
        <span data-testid="figure">{formatObservation(main).estimate}</span>
        {via.length ? (
          <>
            {' '}
            <span className="quoted-via" data-testid="quoted-via">
              quoted via {via.join('; ')}
            </span>
          </>
        ) : null}
      </p>
      <p className="context">
        {ageGroupLabel(main.age_group)}, {formatPeriod(figure.period)}
        {rest.length ? <> — {rest.map((o) => formatObservation(o).estimate).join(', ')}</> : null}
      </p>
      {figure.values.map((o) =>
        o.ci_lower !== null && o.ci_upper !== null ? (
          <p key={o.unit} className="context">
            95% {o.interval_type === 'credible' ? 'credible' : 'confidence'} interval: {formatObservation(o).interval}
          </p>
        ) : null,
      )}
      {figure.values.every((o) => o.ci_lower === null || o.ci_upper === null) ? <p className="context">No interval was published with this figure.</p> : null}
      {via.length ? <p className="context">Read from a site that quotes SAMHSA’s report, not from SAMHSA’s own publication.</p> : null}
      {children}
      <p className="source">
        Series: {series?.title ?? figure.series}. Source: {sources.join('; ')}
        {figure.values.some((o) => o.revision > 0) ? ' (revised figure)' : ''}
      </p>
    </article>
  );
}
