'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { en } from '@/lib/format/numbers';

export interface ChartFrameProps {
  id: string;
  title: string;
  /** Universe, unit and period. */
  subtitle: string;
  /** Plain-language description of the data in view; also the chart's accessible description. */
  summary: string;
  sources: string[];
  /** The plotted data as a table. */
  table: ReactNode;
  /** Shown while new data load or when they fail. */
  status?: ReactNode;
  /** Extra notes under the chart (legends, caveats). */
  notes?: ReactNode;
  /** Chart-specific controls, under the subtitle. */
  controls?: ReactNode;
  /** Download and share actions, under the table. */
  actions?: ReactNode;
  /** 3 inside the dashboard; 1 when the chart is the whole page (an embed); 5 in the staff preview. */
  headingLevel?: 1 | 3 | 5;
  /**
   * Why the chart has nothing to draw (the model's `emptyReason`). When given, or when no figure is
   * in view (no sources), the frame says so once, where the chart would be, and offers no table,
   * downloads or source line: there is nothing to download or cite.
   */
  emptyReason?: string | null;
  children: ReactNode;
}

/** Text as its publisher wrote it (a source's title): English on every page, and marked so. */
const published = (chunks: ReactNode) => <span lang="en">{chunks}</span>;

/** Beyond this many distinct sources, the source line names the first few and points to the table. */
const MAX_SOURCES = 3;

/** Title, subtitle, chart, summary, table view and source: the same frame for every chart. */
export function ChartFrame({ id, title, subtitle, summary, sources, table, status, notes, controls, actions, headingLevel = 3, emptyReason, children }: ChartFrameProps) {
  const t = useTranslations('charts');
  const Heading = (['h1', 'h2', 'h3', 'h4', 'h5'] as const)[headingLevel - 1];
  // An empty view: the chart would print its reason, and the summary the same words again.
  // Say it once, in the summary's live region, in place of the chart. One tree for both cases, so
  // an open table stays open while a new view loads (its rows are briefly not in the view).
  const empty = Boolean(emptyReason) || sources.length === 0;
  return (
    <section className={empty ? 'chart chart-empty-view' : 'chart'} id={id} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="chart-title">
        {title}
      </Heading>
      <p className="chart-subtitle">{subtitle}</p>
      {controls}
      {status}
      {empty ? null : children}
      {notes}
      <p id={`${id}-summary`} className={empty ? 'chart-summary chart-empty' : 'chart-summary'} aria-live="polite">
        {(empty && emptyReason) || summary}
      </p>
      <TableView hidden={empty}>{table}</TableView>
      {empty ? null : actions}
      {empty ? null : (
        <p className="source">
          {/* Sources are titles as published, in English: marked so for screen readers on a Spanish page. */}
          {sources.length <= MAX_SOURCES
            ? t.rich('frame.source', { sources: sources.join('; '), en: published })
            : t.rich('frame.sourcesMore', { sources: sources.slice(0, MAX_SOURCES - 1).join('; '), count: sources.length - MAX_SOURCES + 1, countText: en(sources.length - MAX_SOURCES + 1), en: published })}
        </p>
      )}
    </section>
  );
}

/**
 * The chart's table behind a disclosure. With JavaScript the table is built when first opened
 * (it would otherwise double the page's DOM); without JavaScript it comes inside <noscript>.
 */
function TableView({ hidden, children }: { hidden?: boolean; children: ReactNode }) {
  const t = useTranslations('charts');
  const [opened, setOpened] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive (a quick tap on a slow phone): build the table now.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className="chart-table" hidden={hidden} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('frame.table')}</summary>
      {opened ? children : <noscript>{children}</noscript>}
    </details>
  );
}

export interface TableRow {
  key: string;
  label: string;
  estimate: string;
  interval: string | null;
  period: string;
  series: string;
  source: string;
  note?: string;
}

/** The rows a chart plots, as text. */
export function DataTable({ caption, labelHeading, rows }: { caption: string; labelHeading: string; rows: TableRow[] }) {
  const t = useTranslations('charts');
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{t('table.estimate')}</th>
            <th scope="col">{t('table.interval')}</th>
            <th scope="col">{t('table.period')}</th>
            <th scope="col">{t('table.series')}</th>
            <th scope="col">{t('table.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">
                {r.estimate}
                {r.note ? <span className="table-note"> {r.note}</span> : null}
              </td>
              <td className="num">{r.interval ?? '—'}</td>
              <td>{r.period}</td>
              <td>{r.series}</td>
              <td className="source" lang="en">
                {r.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Shown instead of a chart when the model says there is nothing to draw. */
export function EmptyChart({ reason, height }: { reason: string; height: number }) {
  return (
    <div className="chart-empty" style={{ minHeight: height }}>
      <p>{reason}</p>
    </div>
  );
}
