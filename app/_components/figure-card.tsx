import type { ReactNode } from 'react';
import { ageGroupLabel } from '@/lib/vocabulary/age-groups';
import type { Figure } from '@/lib/data/headline';
import { seriesByName } from '@/lib/vocabulary/series';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';

/** One published figure in every unit it was published in, with its interval, series and source. */
export function FigureCard({ figure, heading, children }: { figure: Figure; heading: string; children?: ReactNode }) {
  const [main, ...rest] = figure.values;
  const series = seriesByName(figure.series);
  const sources = [...new Set(figure.values.map((v) => v.source))];
  return (
    <article className="card" aria-label={heading}>
      <h3>{heading}</h3>
      <p className="figure" data-testid="figure">
        {formatObservation(main).estimate}
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
      {children}
      <p className="source">
        Series: {series?.title ?? figure.series}. Source: {sources.join('; ')}
        {figure.values.some((o) => o.revision > 0) ? ' (revised figure)' : ''}
        {figure.values.some((o) => o.qualifiers.includes('federal_text_copy')) ? ' (federal text reposted on another site)' : ''}
      </p>
    </article>
  );
}
