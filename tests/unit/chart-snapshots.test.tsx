import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup as render } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import charts from '@/messages/en/charts.json';
import { AgeChart } from '@/app/_components/charts/age-chart';
import { RankingChart } from '@/app/_components/charts/ranking-chart';
import { StateMap } from '@/app/_components/charts/state-map';
import { TrendChart } from '@/app/_components/charts/trend-chart';
import { toAgeModel } from '@/lib/charts/age';
import { mapClasses, toStatesModel } from '@/lib/charts/states';
import { toTrendModel } from '@/lib/charts/trend';
import { chartFixtures } from './chart-fixtures';

const { pct, NATIONAL } = chartFixtures('Test source');
import { stateShapes } from '@/lib/geo/state-shapes';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

/** Rendered as on an English page: the charts read their words from the `charts` messages. */
const renderToStaticMarkup = (node: ReactNode) =>
  render(
    <NextIntlClientProvider locale="en" messages={{ charts }} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );


/** Rounds long decimals so the snapshot shows structure, not floating-point noise. */
const normalize = (svg: string) => svg.replace(/(\d+\.\d{2})\d+/g, '$1').replace(/></g, '>\n<');


const STATES = [pct('US', 7.41, 7.2, 7.62), pct('CO', 11.18, 9.68, 12.89), pct('FL', 5.81, 5.18, 6.52), pct('AL', 7.46, 6.27, 8.87), pct('DC', 11.94, 10.24, 13.87), pct('CO', 21.01, 18, 24.38, '18-25'), pct('US', 14.59, 14.12, 15.08, '18-25')];
const statesModel = toStatesModel(STATES, { indicator: 'sud_past_year', indicatorTitle: 'SUD', ageGroup: '12+', measure: 'percent', period: '2018-2019' });

describe('chart SVG snapshots (720 px, the server-rendered width)', () => {
  it('TrendChart: three series, a pooled figure with its interval, gaps', async () => {
    const model = toTrendModel(NATIONAL, { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'US', ageGroup: '12+', measure: 'count' });
    await expect(normalize(renderToStaticMarkup(<TrendChart model={model} label="Trend" />))).toMatchFileSnapshot('__snapshots__/trend.svg.html');
  });

  it('RankingChart: states against the U.S. estimate', async () => {
    await expect(normalize(renderToStaticMarkup(<RankingChart model={statesModel} label="Ranking" highlight="CO" />))).toMatchFileSnapshot('__snapshots__/ranking.svg.html');
  });

  it('AgeChart: a state beside the U.S.', async () => {
    const model = toAgeModel(STATES, { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'CO', measure: 'percent', period: '2018-2019' });
    await expect(normalize(renderToStaticMarkup(<AgeChart model={model} label="Ages" />))).toMatchFileSnapshot('__snapshots__/age.svg.html');
  });

  it('StateMap: every state a link, gaps hatched, DC marked off the coast', () => {
    const html = renderToStaticMarkup(<StateMap shapes={stateShapes()} model={statesModel} classes={mapClasses(statesModel)} label="Map" />);
    const [svg, callouts] = html.split('</svg>');
    expect((svg.match(/<a /g) ?? []).length).toBe(51);
    // Beside the map, a box for each state too small to tap, and DC, each linking to its profile.
    expect([...callouts.matchAll(/data-callout="(\w+)"/g)].map((m) => m[1])).toEqual(['VT', 'NH', 'MA', 'RI', 'CT', 'NJ', 'DE', 'MD', 'DC']);
    expect(callouts).toContain('href="/states/RI"');
    expect(html).toContain('href="/states/DC"');
    expect(html).toMatch(/data-state="TX"[^>]*>\s*<path d="[^"]+" fill="url\(#no-data\)"/);
    expect(html).toMatch(/data-state="CO"[^>]*>\s*<path d="[^"]+" fill="var\(--map-5\)"/);
    expect(html).toContain('>DC</text>');
  });
});
