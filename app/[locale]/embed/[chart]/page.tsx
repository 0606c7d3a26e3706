import '@/lib/charts/english'; // English defaults for the chart functions this module calls
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ChartKind } from '@/app/_components/charts/chart-actions';
import { EmbedChart } from '@/app/_components/dashboard/embed-chart';
import { packOptions, packRows } from '@/lib/charts/packed';
import { ViewDataProvider } from '@/app/_components/dashboard/view-data-provider';
import { loadDashboard } from '@/lib/data/dashboard';
import { stateShapes } from '@/lib/geo/state-shapes';
import { deviceGuess } from '@/lib/http/touch';
import { pageLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

const KINDS: readonly ChartKind[] = ['trend', 'state-trend', 'map', 'ranking', 'ages'];

type Props = { params: Promise<{ locale: string; chart: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, chart } = await params;
  if (!KINDS.includes(chart as ChartKind)) notFound();
  const t = await getTranslations({ locale: pageLocale(locale), namespace: 'dashboard' });
  return { title: t('embed.metaTitle'), robots: { index: false, follow: true } };
}

/** /embed/{trend|map|ranking|ages}?view… — one chart, nothing else, for an <iframe>. */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { locale, chart } = await params;
  if (!KINDS.includes(chart as ChartKind)) notFound();
  const lang = pageLocale(locale);
  const query = await searchParams;
  const dashboard = await loadDashboard(query, lang);
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  return (
    <ViewDataProvider packed={packRows(dashboard.initial)} guess={deviceGuess(await headers())}>
      <EmbedChart kind={chart as ChartKind} search={search} packedOptions={packOptions(dashboard.options)} datasets={dashboard.datasets} shapes={chart === 'map' ? stateShapes() : []} />
    </ViewDataProvider>
  );
}
