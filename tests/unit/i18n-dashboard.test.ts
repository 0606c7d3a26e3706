/**
 * The dashboard in Spanish: the pickers, the notes and links around the charts, the embed's
 * credit and the headline figure cards are in Spanish under /es, with places named and sorted in
 * Spanish, and every address the dashboard writes keeps /es. English stays as it was.
 */
import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Controls, MeasureSwitch, placeChoices } from '@/app/_components/dashboard/controls';
import { Dashboard } from '@/app/_components/dashboard/dashboard';
import { EmbedChart } from '@/app/_components/dashboard/embed-chart';
import { ViewDataProvider } from '@/app/_components/dashboard/view-data-provider';
import { FigureCard } from '@/app/_components/figure-card';
import { packOptions, packRows } from '@/lib/charts/packed';
import { parseView, type IndicatorOption } from '@/lib/charts/view';
import { loadDashboard } from '@/lib/data/dashboard';
import type { Figure } from '@/lib/data/headline';
import type { Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';

// The state map's picker (drawn in the map section) asks for the app router.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push() {}, replace() {}, prefetch() {} }),
  usePathname: () => '/',
  useSearchParams: () => new URLSearchParams(),
}));

type Loaded = Awaited<ReturnType<typeof loadDashboard>>;
const render = (locale: Locale, node: ReactNode) =>
  renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>, node));
/** The provider that seeds the charts' data with the rows the server loaded. */
const withRows = (d: Loaded, node: ReactNode) =>
  createElement(ViewDataProvider, { packed: packRows(d.initial), guess: { touch: false, width: 720 } } as ComponentProps<typeof ViewDataProvider>, node);
/** The page's text, with tags as "|" (so words in separate elements stay apart). */
const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|').replace(/&quot;/g, '"');

const loaded = new Map<string, Loaded>();
async function dashboard(query: Record<string, string>, locale: Locale): Promise<Loaded> {
  const key = `${locale}:${JSON.stringify(query)}`;
  if (!loaded.has(key)) loaded.set(key, await loadDashboard(query, locale));
  return loaded.get(key)!;
}

function renderDashboard(locale: Locale, query: Record<string, string>, d: Loaded): string {
  const search = `?${new URLSearchParams(query).toString()}`;
  return render(
    locale,
    withRows(d, createElement(Dashboard, { packedOptions: packOptions(d.options), datasets: d.datasets, shapes: [], initialSearch: search })),
  );
}

const observation = (o: Partial<Observation>): Observation => ({
  indicator: 'sud_past_year',
  period: '2020',
  geography: 'US',
  age_group: '12+',
  unit: 'percent',
  estimate: 7.41,
  ci_lower: 7.2,
  ci_upper: 7.62,
  interval_type: 'confidence',
  series: 'DSM-5_2020',
  revision: 0,
  qualifiers: [],
  source: '2020 NSDUH Detailed Tables, Table 5.1B',
  note: '',
  ...o,
});

describe('the headline figure cards', () => {
  const figure: Figure = {
    period: '2020',
    series: 'DSM-5_2020',
    values: [observation({ unit: 'millions', estimate: 40.3, ci_lower: null, ci_upper: null, interval_type: null }), observation({ revision: 1 })],
  };

  it('read in Spanish: the age group, the other unit, the interval, the series and a revised figure', () => {
    const html = text(render('es', createElement(FigureCard, { figure, heading: 'Estimación nacional más reciente (2020)' })));
    expect(html).toContain('|40.3 millones|');
    expect(html).toContain('|De 12 años o más, 2020 — 7.41%|');
    expect(html).toContain('|Intervalo de confianza del 95%: de 7.20% a 7.62%|');
    expect(html).toContain('|Serie: 2020 (DSM-5, año de la pandemia). Fuente: 2020 NSDUH Detailed Tables, Table 5.1B (cifra revisada)|');
    expect(html).not.toContain('Esta cifra se publicó sin intervalo.');
  });

  it('stay in English as before, the revision with its leading space', () => {
    const html = text(render('en', createElement(FigureCard, { figure, heading: 'Latest national estimate (2020)' })));
    expect(html).toContain('|Aged 12 or older, 2020 — 7.41%|');
    expect(html).toContain('|95% confidence interval: 7.20% to 7.62%|');
    expect(html).toContain('|Series: 2020 (DSM-5, pandemic year). Source: 2020 NSDUH Detailed Tables, Table 5.1B (revised figure)|');
  });

  it('say where a quoted figure was read from, with no interval, in both languages', () => {
    const quoted: Figure = {
      period: '2020',
      series: 'DSM-5_2020',
      values: [observation({ ci_lower: null, ci_upper: null, interval_type: null, qualifiers: ['federal_text_copy'], source: 'a copied federal text' })],
    };
    const es = text(render('es', createElement(FigureCard, { figure: quoted, heading: 'x' })));
    expect(es).toContain('|7.41%| |citada en otro sitio web|');
    expect(es).toContain('|Esta cifra se publicó sin intervalo.|');
    expect(es).toContain('|Tomada de un sitio que cita el informe de SAMHSA, no de la publicación de la propia SAMHSA.|');
    expect(es).toMatch(/Fuente: a copied federal text\|/);
    const en = text(render('en', createElement(FigureCard, { figure: quoted, heading: 'x' })));
    expect(en).toContain('|quoted via another website|');
    expect(en).toContain('|No interval was published with this figure.|');
  });
});

describe('the pickers', () => {
  let options: IndicatorOption[] = [];
  let english: IndicatorOption[] = [];
  beforeAll(async () => {
    options = (await dashboard({}, 'es')).options;
    english = (await dashboard({}, 'en')).options;
  }, 60_000);

  it('offer the nation first, then the states and DC in the order of their names in each language', () => {
    const states = GEOGRAPHIES.filter((g) => g.level === 'nation' || g.level === 'state');
    expect(placeChoices('en')).toEqual(states.map((g) => ({ code: g.code, name: g.name })));
    const es = placeChoices('es');
    expect(es[0]).toEqual({ code: 'US', name: 'Estados Unidos' });
    expect(es).toHaveLength(states.length);
    const names = es.slice(1).map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es-US')));
    expect(names.indexOf('Nueva York')).toBeGreaterThan(names.indexOf('Nevada'));
    expect(names.indexOf('Nueva York')).toBeLessThan(names.indexOf('Ohio'));
  });

  it('are labelled in Spanish, send the form to /es and name the measures in Spanish', () => {
    const view = parseView(new URLSearchParams('indicator=sud_past_year&geo=NY'), options);
    const html = render('es', createElement(Controls, { view, options, onChange: () => {} }));
    expect(html).toContain('action="/es"');
    expect(html).toContain('aria-label="Elija lo que muestran los gráficos"');
    expect(html).toContain('<optgroup label="Con estimaciones estatales">');
    expect(html).toContain('<optgroup label="Solo cifras nacionales">');
    expect(text(html)).toMatch(/\|Indicador\|.*\|Grupo de edad\|.*\|Lugar\|/);
    expect(html).toContain('<option value="NY" selected="">Nueva York</option>');
    expect(html).toMatch(/title="De 65 años o más: solo cifras nacionales, sin cifras estatales">65\+ \(solo nacional\)</);
    expect(html).toContain('Actualizar los gráficos');
    const measures = text(render('es', createElement(MeasureSwitch, { name: 'measure', measures: ['percent', 'percent_of_needing', 'count'], value: 'percent', onChange: () => {} })));
    expect(measures).toContain('|Mostrar como|Porcentaje del grupo de edad|Porcentaje de quienes necesitaban tratamiento|Número de personas|Mostrar|');
  });

  it('keep their English words and the root address in English', () => {
    const view = parseView(new URLSearchParams('indicator=sud_past_year&geo=NY'), english);
    const html = render('en', createElement(Controls, { view, options: english, onChange: () => {} }));
    expect(html).toContain('action="/"');
    expect(html).toContain('aria-label="Choose what the charts show"');
    expect(html).toMatch(/title="Aged 65 or older: national figures only, no state figures">65\+ \(national only\)</);
    const measures = text(render('en', createElement(MeasureSwitch, { name: 'measure', measures: ['percent', 'percent_of_needing', 'count'], value: 'percent', onChange: () => {} })));
    expect(measures).toContain('|Show as|Percent of the age group|Percent of those needing treatment|Number of people|Show|');
  });
});

describe('the dashboard around the charts', () => {
  it('names the place in Spanish and links to its profile under /es', async () => {
    const query = { indicator: 'sud_past_year', geo: 'NY' };
    const html = renderDashboard('es', query, await dashboard(query, 'es'));
    expect(text(html)).toContain(
      '|Nueva York se muestra en la tendencia estatal y en el gráfico por edad, y se marca en la clasificación: |tendencia de Nueva York| · |Nueva York por grupo de edad| · |perfil de Nueva York|',
    );
    expect(html).toMatch(/<a href="\/es\/states\/NY\?[^"]*geo=NY[^"]*">perfil de Nueva York<\/a>/);
  });

  it('invites a choice of state when the place is the nation', async () => {
    const query = { indicator: 'sud_past_year' };
    const html = text(renderDashboard('es', query, await dashboard(query, 'es')));
    expect(html).toContain('|Elija un estado como lugar para verlo en la tendencia estatal y en el gráfico por edad, y marcado en la clasificación.|');
  });

  it('says which age groups have state figures, as a Spanish list of links', async () => {
    const query = { indicator: 'sud_past_year', age: '65+' };
    const html = renderDashboard('es', query, await dashboard(query, 'es'));
    const note = text(/<p class="chart-note no-state-figures">(.*?)<\/p>/.exec(html)?.[1] ?? '');
    expect(note).toMatch(/^Las tablas estatales no dan ninguna cifra de “[^”]+” para las personas de 65 años o más, por lo que no hay mapa, clasificación ni tendencia estatal para este grupo de edad\. Hay cifras estatales para \|[^|]+\|(, \|[^|]+\|)* y \|[^|]+\|\.$/);
    expect(html).toMatch(/<a href="\?indicator=sud_past_year[^"]*age=18-25[^"]*">18–25<\/a>/);
    const english = renderDashboard('en', query, await dashboard(query, 'en'));
    expect(text(/<p class="chart-note no-state-figures">(.*?)<\/p>/.exec(english)?.[1] ?? '')).toMatch(/for people aged 65 or older, .* State figures exist for \|[^|]+\|(, \|[^|]+\|)* and \|[^|]+\|\.$/);
  });
});

describe('an embedded chart', () => {
  it('credits the survey in Spanish and opens the Spanish dashboard', async () => {
    const query = { indicator: 'sud_past_year', geo: 'OH' };
    const d = await dashboard(query, 'es');
    const embed = (locale: Locale) =>
      render(
        locale,
        withRows(d, createElement(EmbedChart, { kind: 'trend', search: new URLSearchParams(query).toString(), packedOptions: packOptions(d.options), datasets: d.datasets, shapes: [] })),
      );
    const es = embed('es');
    expect(es).toContain('<span>Datos: SAMHSA, Encuesta Nacional sobre el Consumo de Drogas y la Salud</span>');
    expect(es).toMatch(/<a href="\/es\?indicator=sud_past_year[^"]*#trend" target="_blank" rel="noopener">Abrir este gráfico en Substance Use Atlas<\/a>/);
    const en = embed('en');
    expect(en).toMatch(/<a href="\/\?indicator=sud_past_year[^"]*#trend" target="_blank" rel="noopener">Open this chart on Substance Use Atlas<\/a>/);
  });
});
