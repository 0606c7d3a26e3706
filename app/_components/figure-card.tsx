import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { quotedVia, type Figure } from '@/lib/data/headline';
import { ageLabel, seriesWords } from '@/lib/i18n/vocabulary';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';

/** One published figure in every unit it was published in, with its interval, series and source. */
export function FigureCard({ figure, heading, children }: { figure: Figure; heading: string; children?: ReactNode }) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const [main, ...rest] = figure.values;
  const series = seriesWords(figure.series, locale);
  const sources = [...new Set(figure.values.map((v) => v.source))];
  // Where the figure was read from, when that is a site quoting SAMHSA rather than SAMHSA itself.
  const via = [...new Set(figure.values.map((o) => quotedVia(o, t('card.anotherWebsite'))).filter((v): v is string => v !== null))];
  return (
    <article className="card" aria-label={heading}>
      <h3>{heading}</h3>
      <p className="figure">
        <span data-testid="figure">{formatObservation(main, 'published', locale).estimate}</span>
        {via.length ? (
          <>
            {' '}
            <span className="quoted-via" data-testid="quoted-via">
              {t('card.quotedVia', { sites: via.join('; ') })}
            </span>
          </>
        ) : null}
      </p>
      <p className="context">
        {ageLabel(main.age_group, locale)}, {formatPeriod(figure.period)}
        {rest.length ? <> — {rest.map((o) => formatObservation(o, 'published', locale).estimate).join(', ')}</> : null}
      </p>
      {figure.values.map((o) =>
        o.ci_lower !== null && o.ci_upper !== null ? (
          <p key={o.unit} className="context">
            {t('card.interval', { kind: o.interval_type === 'credible' ? 'credible' : 'confidence', interval: formatObservation(o, 'published', locale).interval ?? '' })}
          </p>
        ) : null,
      )}
      {figure.values.every((o) => o.ci_lower === null || o.ci_upper === null) ? <p className="context">{t('card.noInterval')}</p> : null}
      {via.length ? <p className="context">{t('card.readFromQuote')}</p> : null}
      {children}
      <p className="source">
        {t('card.source', { series: series?.title ?? figure.series, sources: sources.join('; '), revised: figure.values.some((o) => o.revision > 0) ? 'yes' : 'no' })}
      </p>
    </article>
  );
}
