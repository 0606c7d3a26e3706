import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { DataNotice } from '@/app/_components/data-notice';
import { HelpLines } from '@/app/_components/help-lines';
import { citationLabel, citationText, iopStatistics, sourceUrl, type IopSourceId } from '@/lib/data/iop';
import type { Observation } from '@/lib/vocabulary/schema';
import { getAllObservations } from '@/lib/store/live';
import { oncePerRows } from '@/lib/data/per-version';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, type Locale } from '@/lib/i18n/locales';
import { placeName, seriesWords } from '@/lib/i18n/vocabulary';
import { periodYears } from '@/lib/vocabulary/series';
import { pageMetadata } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'iop' });
  return pageMetadata(t('metaTitle'), t('metaDescription'), '/iop', false, locale);
}

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

/** The figures the page quotes: they scan every observation, so once per version of the data. */
const statisticsOf = oncePerRows((observations: readonly Observation[]) => iopStatistics(observations, REFERENCE_PERIOD));

/** The page's sections, in order: help and what IOP is first, the numbers last (labels in messages iop.contents). */
const CONTENTS = ['help', 'what', 'hours', 'assessment', 'paying', 'medication', 'teens', 'virtual', 'naloxone', 'levels', 'numbers'] as const;

/** The levels-of-care table (words in messages iop.levels). */
const LEVEL_COLUMNS = ['level', 'home', 'hours', 'fit'] as const;
const LEVELS = ['outpatient', 'intensive', 'partial', 'residential'] as const;

/** What research finds about treatment for young people (messages iop.teens.findings). */
const TEEN_FINDINGS = ['fitted', 'wholeLife', 'family', 'together', 'duration'] as const;

/**
 * Which Spanish wording a count takes: one written in millions ("N millones") is followed by
 * "de personas", any other by "personas" (one too small to print reads "menos de …" instead).
 */
const unitOf = (o: Observation) => (o.unit === 'millions' && !(o.estimate === 0 && o.qualifiers.includes('rounded_to_zero')) ? 'millions' : 'other');

/** Names the document a fact comes from, right beside the fact, with a link to it. */
function Cite({ ids, locale }: { ids: IopSourceId[]; locale: Locale }) {
  return (
    <p className="cite">
      {citationLabel(ids.length, locale)}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? '; ' : ''}
          <a href={sourceUrl(id, locale)}>{citationText(id, locale)}</a>
        </span>
      ))}
      .
    </p>
  );
}

/** Where the observations behind a figure were read, each source once. */
const sourcesOf = (observations: Observation[]) => [...new Set(observations.map((o) => o.source))].join('; ');

/** A period of several survey years ("2018-2019"), as opposed to a single year. */
const isPooled = (period: string) => {
  const years = periodYears(period);
  return years !== null && years[0] !== years[1];
};

export default async function IopPage({ params }: Props) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'iop' });
  const stats = statisticsOf(await getAllObservations());
  const { reference, latest, gap, receivedAny, stateGap } = stats;
  const latestCount = latest?.values.find((o) => o.unit !== 'percent');
  const latestPercent = latest?.values.find((o) => o.unit === 'percent');
  const referenceCount = reference?.values[0];
  const latestSeries = latest ? seriesWords(latest.series, locale) : undefined;

  const value = (o: Observation) => formatObservation(o, 'published', locale).estimate;
  const source = (observations: Observation[]) => <p className="source">{t('numbers.source', { sources: sourcesOf(observations) })}</p>;
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

  return (
    <article className="prose iop">
      <DataNotice />
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <nav aria-labelledby="contents" className="iop-toc">
        <h2 id="contents">{t('contents.heading')}</h2>
        <ol>
          {CONTENTS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`contents.${id}`)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="help" className="help-panel iop-help">
        <h2 id="help">{t('help.heading')}</h2>
        <p>{t('help.alone')}</p>
        <HelpLines />
        <p>{t.rich('help.overdose', { naloxone: (chunks) => <a href="#naloxone">{chunks}</a> })}</p>
        <Cite ids={['helpline', 'findTreatment', 'lifeline988', 'overdoseResponse']} locale={locale} />
      </section>

      <section aria-labelledby="what">
        <h2 id="what">{t('what.heading')}</h2>
        <p>{t('what.schedule')}</p>
        <p>{t('what.steps')}</p>
        <p>{t('what.skills')}</p>
        <Cite ids={['tip47']} locale={locale} />
        <p>{t.rich('what.fit', { assessment: (chunks) => <a href="#assessment">{chunks}</a> })}</p>
      </section>

      <section aria-labelledby="hours">
        <h2 id="hours">{t('hours.heading')}</h2>
        <ul>
          <li>{t.rich('hours.adults', { strong })}</li>
          <li>{t.rich('hours.teens', { strong })}</li>
          <li>{t('hours.partial')}</li>
          <li>{t('hours.times')}</li>
        </ul>
        <p>{t('hours.asam')}</p>
        <Cite ids={['asam', 'asamAbout']} locale={locale} />
      </section>

      <section aria-labelledby="assessment">
        <h2 id="assessment">{t('assessment.heading')}</h2>
        <p>{t('assessment.areas')}</p>
        <Cite ids={['asamAbout']} locale={locale} />
        <p>{t('assessment.where')}</p>
        <ul>
          <li>{t.rich('assessment.helpline', { help: (chunks) => <a href="#help">{chunks}</a> })}</li>
          <li>{t('assessment.findTreatment')}</li>
          <li>{t('assessment.crisis')}</li>
        </ul>
        <Cite ids={['helpline', 'findTreatment', 'lifeline988']} locale={locale} />
      </section>

      <section aria-labelledby="paying">
        <h2 id="paying">{t('paying.heading')}</h2>
        <ul>
          <li>
            {t.rich('paying.parity', { strong })}
            <Cite ids={['parity']} locale={locale} />
          </li>
          <li>
            {t.rich('paying.marketplace', { strong })}
            <Cite ids={['marketplace']} locale={locale} />
          </li>
          <li>
            {t.rich('paying.medicaid', { strong })}
            <Cite ids={['medicaid']} locale={locale} />
          </li>
          <li>
            {t.rich('paying.medicaidCovers', { strong })}
            <Cite ids={['macpac']} locale={locale} />
          </li>
          <li>
            {t.rich('paying.uninsured', { strong })}
            <Cite ids={['helpline']} locale={locale} />
          </li>
        </ul>
        <p>{t('paying.ask')}</p>
      </section>

      <section aria-labelledby="medication">
        <h2 id="medication">{t('medication.heading')}</h2>
        <p>{t.rich('medication.opioids', { strong })}</p>
        <Cite ids={['tip63']} locale={locale} />
        <p>{t.rich('medication.alcohol', { strong })}</p>
        <Cite ids={['niaaa']} locale={locale} />
        <p>{t('medication.ask')}</p>
      </section>

      <section aria-labelledby="teens">
        <h2 id="teens">{t('teens.heading')}</h2>
        <p>{t('teens.hours')}</p>
        <Cite ids={['asam']} locale={locale} />
        <p>{t('teens.research')}</p>
        <ul>
          {TEEN_FINDINGS.map((id) => (
            <li key={id}>{t(`teens.findings.${id}`)}</li>
          ))}
        </ul>
        <Cite ids={['nidaTeens']} locale={locale} />
      </section>

      <section aria-labelledby="virtual">
        <h2 id="virtual">{t('virtual.heading')}</h2>
        <p>{t('virtual.study')}</p>
        <Cite ids={['virtualIop']} locale={locale} />
        <p>{t('virtual.review')}</p>
        <Cite ids={['telehealthReview']} locale={locale} />
        <p>{t('virtual.ask')}</p>
      </section>

      <section aria-labelledby="naloxone">
        <h2 id="naloxone">{t('naloxone.heading')}</h2>
        <p>{t('naloxone.otc')}</p>
        <Cite ids={['narcanOtc']} locale={locale} />
        <p>{t('naloxone.act')}</p>
        <Cite ids={['overdoseResponse']} locale={locale} />
      </section>

      <section aria-labelledby="levels">
        <h2 id="levels">{t('levels.heading')}</h2>
        <p>{t('levels.intro')}</p>
        <table className="data stack" role="table">
          <caption>{t('levels.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {LEVEL_COLUMNS.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {t(`levels.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {LEVELS.map((level) => (
              <tr key={level} role="row">
                <th scope="row" role="rowheader">
                  {t(`levels.rows.${level}.level`)}
                </th>
                {LEVEL_COLUMNS.slice(1).map((c) => (
                  <td key={c} role="cell" data-label={t(`levels.columns.${c}`)}>
                    {t(`levels.rows.${level}.${c}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Cite ids={['asam', 'tip47']} locale={locale} />
      </section>

      <section aria-labelledby="numbers" className="stat-panel">
        <h2 id="numbers">{t('numbers.heading')}</h2>
        <p>{t('numbers.intro')}</p>
        <ul className="stats">
          {referenceCount ? (
            <li>
              <p className="stat-figure">{value(referenceCount)}</p>
              <p>{t('numbers.reference', { period: formatPeriod(REFERENCE_PERIOD), unit: unitOf(referenceCount) })}</p>
              {source([referenceCount])}
              <p>
                <Link prefetch={false} href="/?indicator=sud_past_year&trend=count">
                  {t('numbers.trendLink')}
                </Link>
              </p>
            </li>
          ) : null}
          {latest && latestCount ? (
            <li>
              <p className="stat-figure">{value(latestCount)}</p>
              <p>
                {latestPercent
                  ? t('numbers.latestWithPercent', { period: formatPeriod(latest.period), percent: value(latestPercent), unit: unitOf(latestCount) })
                  : t('numbers.latest', { period: formatPeriod(latest.period), unit: unitOf(latestCount) })}
              </p>
              {latestSeries ? <p className="caveat">{t('numbers.notComparable', { reference: formatPeriod(REFERENCE_PERIOD), change: latestSeries.change })}</p> : null}
              {source(latest.values)}
            </li>
          ) : null}
          {gap ? (
            <li>
              <p className="stat-figure">{value(gap.receivedSpecialty)}</p>
              <p>{t('numbers.gap', { needed: value(gap.needed), period: formatPeriod(gap.period), unit: unitOf(gap.needed) })}</p>
              {source([gap.needed, gap.receivedSpecialty])}
              <p>
                <Link prefetch={false} href="/?indicator=needed_tx_any&trend=count">
                  {t('numbers.neededLink')}
                </Link>
              </p>
            </li>
          ) : null}
          {receivedAny ? (
            <li>
              <p className="stat-figure">{value(receivedAny)}</p>
              <p>{t('numbers.receivedAny', { period: formatPeriod(receivedAny.period) })}</p>
              {source([receivedAny])}
            </li>
          ) : null}
          {stateGap ? (
            <li>
              <p className="stat-figure">{value(stateGap.us)}</p>
              <p>
                {t('numbers.stateGap', {
                  period: formatPeriod(stateGap.period),
                  pooled: isPooled(stateGap.period) ? 'yes' : 'no',
                  lowest: value(stateGap.lowest.observation),
                  lowestPlace: placeName(stateGap.lowest.code, locale),
                  lowestCode: stateGap.lowest.code,
                  highest: value(stateGap.highest.observation),
                  highestPlace: placeName(stateGap.highest.code, locale),
                  highestCode: stateGap.highest.code,
                })}
              </p>
              {source([stateGap.us, stateGap.lowest.observation, stateGap.highest.observation])}
              <p>
                <Link prefetch={false} href="/?indicator=needing_not_receiving_specialty_tx">
                  {t('numbers.mapLink')}
                </Link>
              </p>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="thanks">
        <h2 id="thanks">{t('thanks.heading')}</h2>
        <p>{t('thanks.body')}</p>
      </section>
    </article>
  );
}
