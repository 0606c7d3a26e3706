/**
 * The charts in Spanish: summaries written as whole Spanish sentences from the data (with the
 * numbers in US Spanish: "21.5 millones", "de 7.20% a 7.62%"), tooltips, accessible names, table
 * views, keyboard hints, actions, file names and links to the Spanish pages; and, over every
 * indicator in data/, no English left in a Spanish summary. English stays as it was (the other
 * chart tests and snapshots check it); here only that the English default is unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, Fragment, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import enMessages from '@/messages/en/charts.json';
import es from '@/messages/es/charts.json';
import { ageText } from '@/app/_components/charts/age-chart';
import { ChartActions, fileBase } from '@/app/_components/charts/chart-actions';
import { RankingChart } from '@/app/_components/charts/ranking-chart';
import { MapLegend, StateMap, stateText } from '@/app/_components/charts/state-map';
import { stateTrendText } from '@/app/_components/charts/state-trend-chart';
import { StateTrendFigure } from '@/app/_components/charts/state-trend-figure';
import { breakTooltip, trendPointText } from '@/app/_components/charts/trend-chart';
import { summarizeAge, toAgeModel } from '@/lib/charts/age';
import { formatTick, measureById, measureLabel } from '@/lib/charts/measure';
import { countsOnlySentence, summarizeStateTrend, summarizeStateVsUs, toStateTrendModel } from '@/lib/charts/state-trend';
import { mapClasses, summarizeStates, toStatesModel, usBesideStates } from '@/lib/charts/states';
import { summarizeTrend, toTrendModel } from '@/lib/charts/trend';
import { layoutTrend } from '@/lib/charts/trend-layout';
import { indicatorOptions, nationalMeasuresFor, periodsFor, type IndicatorOption } from '@/lib/charts/view';
import type { ChartsT } from '@/lib/charts/words';
import { readPackage } from '@/lib/data/package';
import { stateShapes } from '@/lib/geo/state-shapes';
import { ingest } from '@/lib/import/ingest';
import type { Observation } from '@/lib/vocabulary/schema';
import { chartFixtures } from './chart-fixtures';

const { o, pct, NATIONAL } = chartFixtures('Fuente de prueba');

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

const t = createTranslator({ locale: 'es', messages: { charts: es }, namespace: 'charts' }) as unknown as ChartsT;
const english = createTranslator({ locale: 'en', messages: { charts: enMessages }, namespace: 'charts' }) as unknown as ChartsT;
/** Props of the provider, its children passed as createElement's third argument. */
type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;
/** Rendered as on a Spanish page. */
const inSpanish = (node: ReactNode) => renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'es', messages: { charts: es }, timeZone: 'UTC' } as ProviderProps, node));
const labels = (html: string) => [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);


const TITLE = 'Trastorno por consumo de sustancias en el último año';
const STATES = [
  pct('US', 7.41, 7.2, 7.62),
  pct('CO', 11.18, 9.68, 12.89),
  pct('FL', 5.81, 5.18, 6.52),
  pct('NY', 7.46, 6.27, 8.87),
  pct('DC', 11.94, 10.24, 13.87),
  pct('NY', 21.01, 18, 24.38, '18-25'),
  pct('US', 14.59, 14.12, 15.08, '18-25'),
  pct('NY', 4.2, 3.1, 5.3, '12-17'),
  pct('US', 4.1, 3.9, 4.3, '12-17'),
];
const trendOptions = { indicator: 'sud_past_year', indicatorTitle: TITLE, geography: 'US', ageGroup: '12+', measure: 'count' };
const statesOptions = { indicator: 'sud_past_year', indicatorTitle: TITLE, ageGroup: '12+', measure: 'percent', period: '2018-2019' };
const ageOptions = { indicator: 'sud_past_year', indicatorTitle: TITLE, geography: 'NY', measure: 'percent', period: '2018-2019' };
const OHIO = [
  pct('OH', 7.6, 6.9, 8.4, '12+', '2016-2017'),
  pct('OH', 8.3, 7.5, 9.2, '12+', '2017-2018'),
  pct('US', 7.5, 7.3, 7.7, '12+', '2017-2018'),
  o({ period: '2021-2022', geography: 'OH', unit: 'thousands', estimate: 1819, ci_lower: 1674, ci_upper: 1974, series: 'DSM-5_2021+' }),
];
const ohioOptions = { indicator: 'sud_past_year', indicatorTitle: TITLE, geography: 'OH', ageGroup: '12+', measure: 'percent', periods: ['2016-2017', '2017-2018', '2021-2022'] };

describe('Spanish chart summaries', () => {
  it('the national trend: series by series, never across a methodology break, gaps named', () => {
    const model = toTrendModel(NATIONAL, trendOptions, t, 'es');
    expect(summarizeTrend(model, trendOptions, t, 'es')).toBe(
      'Trastorno por consumo de sustancias en el último año, personas de 12 años o más, número de personas. ' +
        '2002–2014 (DSM-IV): 5 cifras, de 2002 (22.0 millones) a 2014 (21.5 millones); la última es más baja que la primera. ' +
        '2015–2019 (DSM-IV, cuestionario rediseñado): 2 cifras, de 2016 (20.1 millones) a 2018–2019 (20,331 mil (intervalo del 95%: de 19,774 mil a 20,903 mil)); la última es más alta que la primera. ' +
        '2021 en adelante (DSM-5, por internet y en persona) (2021 según se publicó por primera vez; no se compara con los años posteriores, que SAMHSA solo compara con su cifra revisada): 2021, 46.3 millones. ' +
        '2021 en adelante (DSM-5, por internet y en persona): 2022, 48.7 millones. ' +
        'Las series usan métodos distintos, por lo que no se comparan cifras de una serie con otra. ' +
        '14 de los años que se muestran aún no tienen cifra anual en este conjunto de datos; quedan como huecos y nunca se rellenan.',
    );
    // One gap: the verb agrees.
    const one = [o({ period: '2002', estimate: 22 }), o({ period: '2004', estimate: 22.5 })];
    expect(summarizeTrend(toTrendModel(one, trendOptions, t, 'es'), trendOptions, t, 'es')).toContain('1 de los años que se muestran aún no tiene cifra anual en este conjunto de datos; queda como un hueco y nunca se rellena.');
  });

  it('the map and the ranking: extremes, the U.S. figure, the intervals above and below, the places without a figure in Spanish order', () => {
    const model = toStatesModel(STATES, statesOptions, t, 'es');
    const ranking = summarizeStates(model, statesOptions, 'ranking', t, 'es');
    expect(ranking).toContain(
      'Trastorno por consumo de sustancias en el último año, personas de 12 años o más, 2018–2019 (promedio anual de dos años): 3 estados y DC. ' +
        'Cifra más alta: Distrito de Columbia, 11.94% (intervalo del 95%: de 10.24% a 13.87%). Cifra más baja: Florida, 5.81% (intervalo del 95%: de 5.18% a 6.52%). ' +
        'Estados Unidos: 7.41% (intervalo del 95%: de 7.20% a 7.62%). ' +
        '2 estados tienen todo su intervalo por encima de la estimación de EE. UU. (Distrito de Columbia, Colorado); 1, por debajo (Florida); los intervalos de los demás se superponen con ella. ' +
        'No hay cifra para Alabama, Alaska,',
    );
    expect(ranking).toContain('Luisiana, Maine, Maryland, Massachusetts, Míchigan');
    // Alphabetical by the Spanish names: the Carolinas under C, North Dakota under D.
    expect(ranking.indexOf('Carolina del Norte')).toBeLessThan(ranking.indexOf('Connecticut'));
    expect(ranking.indexOf('Dakota del Sur')).toBeLessThan(ranking.indexOf('Delaware'));
    const map = summarizeStates(model, statesOptions, 'map', t, 'es');
    expect(map).not.toContain('por encima');
    // One state above: singular verb.
    const one = toStatesModel(STATES.filter((x) => x.geography !== 'DC'), statesOptions, t, 'es');
    expect(summarizeStates(one, statesOptions, 'ranking', t, 'es')).toContain('1 estado tiene todo su intervalo por encima de la estimación de EE. UU. (Colorado); 1, por debajo (Florida)');
    // In numbers of people, states are not compared with the nation.
    expect(toStatesModel(STATES, { ...statesOptions, measure: 'count' }, t, 'es').usOmitted).toBe(
      'En números de personas, los estados no se comparan con Estados Unidos: la cifra de un estado siempre es una parte pequeña de la del país, y un número de personas muestra sobre todo dónde vive mucha gente. Elija un porcentaje para comparar los estados entre sí y con Estados Unidos.',
    );
  });

  it('age groups, and a state beside the United States, each group a sentence of its own', () => {
    const model = toAgeModel(STATES, ageOptions, t, 'es');
    expect(summarizeAge(model, ageOptions, t, 'es')).toBe(
      'Trastorno por consumo de sustancias en el último año en Nueva York, 2018–2019, por grupo de edad. ' +
        'La cifra más alta corresponde a las personas de 18 a 25 años: 21.01% (intervalo del 95%: de 18.00% a 24.38%); la más baja, a las personas de 12 a 17 años: 4.2% (intervalo del 95%: de 3.1% a 5.3%). ' +
        'Todas las personas de 12 años o más: 7.46% (intervalo del 95%: de 6.27% a 8.87%).',
    );
    expect(summarizeStateVsUs(model, TITLE, t, 'es')).toBe(
      'Trastorno por consumo de sustancias en el último año, Nueva York junto a Estados Unidos, 2018–2019, porcentaje del grupo de edad con intervalos del 95%. ' +
        'De 12 a 17 años: Nueva York 4.2% (de 3.1% a 5.3%), Estados Unidos 4.1% (de 3.9% a 4.3%). ' +
        'De 18 a 25 años: Nueva York 21.01% (de 18.00% a 24.38%), Estados Unidos 14.59% (de 14.12% a 15.08%). ' +
        'De 12 años o más: Nueva York 7.46% (de 6.27% a 8.87%), Estados Unidos 7.41% (de 7.20% a 7.62%). ' +
        'Todo el intervalo del 95% de Nueva York está por encima de la estimación de EE. UU. para las personas de 18 a 25 años. ' +
        'Para las personas de 12 a 17 años y de 12 años o más, el intervalo de Nueva York incluye la estimación de EE. UU., por lo que la encuesta no puede distinguir entre ambas cifras. ' +
        'Comparar un intervalo con la estimación de EE. UU. no es una prueba formal de significación estadística.',
    );
    // "del Distrito de Columbia": the article comes with the name.
    const dc = toAgeModel(STATES, { ...ageOptions, geography: 'DC' }, t, 'es');
    expect(summarizeStateVsUs(dc, TITLE, t, 'es')).toContain('Todo el intervalo del 95% del Distrito de Columbia está por encima de la estimación de EE. UU. para las personas de 12 años o más.');
    expect(summarizeAge(toAgeModel([], { ...ageOptions, geography: 'DC' }, t, 'es'), { ...ageOptions, geography: 'DC' }, t, 'es')).toBe(
      'No se publican cifras de “Trastorno por consumo de sustancias en el último año” por grupo de edad para el Distrito de Columbia como porcentaje del grupo de edad en 2018–2019.',
    );
  });

  it('a state’s trend: the two latest comparable estimates, the shared year, SAMHSA’s own test or none, the counts-only periods', () => {
    const model = toStateTrendModel(OHIO, ohioOptions, t, 'es');
    expect(summarizeStateTrend(model, ohioOptions, t, 'es')).toBe(
      'Trastorno por consumo de sustancias en el último año, Ohio, personas de 12 años o más, porcentaje del grupo de edad: 2 estimaciones publicadas, de 2016–2017 a 2017–2018, cada una un promedio anual de dos años de encuesta. ' +
        'Estimación más reciente, 2017–2018: 8.3% (intervalo del 95%: de 7.5% a 9.2%). ' +
        'La estimación anterior de la misma serie de la encuesta, 2016–2017: 7.6% (intervalo del 95%: de 6.9% a 8.4%). Los dos períodos comparten 2017, por lo que las estimaciones no son independientes. ' +
        'Los datos no incluyen ninguna prueba de SAMHSA sobre esta diferencia, por lo que no se afirma que haya un cambio. ' +
        'Estados Unidos, 2017–2018: 7.5% (intervalo del 95%: de 7.3% a 7.7%).',
    );
    const tested = [OHIO[0], { ...OHIO[1], qualifiers: ['change_significant'] as Observation['qualifiers'], note: 'p = 0.012' }];
    expect(summarizeStateTrend(toStateTrendModel(tested, ohioOptions, t, 'es'), ohioOptions, t, 'es')).toContain(
      'La propia prueba de SAMHSA encontró que el cambio respecto al período anterior es estadísticamente significativo al nivel de 0.05 (p = 0.012).',
    );
    const across = [pct('OH', 7.6, 6, 8, '12+', '2018-2019'), o({ period: '2021', geography: 'OH', unit: 'percent', estimate: 16.9, ci_lower: 15.1, ci_upper: 18.8, series: 'DSM-5_2021+' })];
    const acrossOptions = { ...ohioOptions, periods: ['2018-2019', '2021'] };
    expect(summarizeStateTrend(toStateTrendModel(across, acrossOptions, t, 'es'), acrossOptions, t, 'es')).toContain(
      'La estimación anterior, de 2018–2019 (7.6%; intervalo del 95%: de 6.0% a 8.0%), pertenece a una serie anterior de la encuesta: los métodos cambiaron en 2021, por lo que no se comparan.',
    );
    expect(model.countsOnly).toEqual(['2021-2022']);
    expect(countsOnlySentence(['2009-2010', '2021-2022'], t, 'es')).toBe(
      'Para 2009–2010 y 2021–2022, las tablas de SAMHSA de este conjunto de datos solo dan números de personas; no se calcula ningún porcentaje a partir de ellos.',
    );
    const counts = { ...ohioOptions, measure: 'count' };
    expect(summarizeStateTrend(toStateTrendModel(OHIO, counts, t, 'es'), counts, t, 'es')).toBe(
      'Trastorno por consumo de sustancias en el último año, Ohio, personas de 12 años o más, número de personas: 1 estimación publicada, que es un promedio anual de dos años de encuesta. ' +
        'Estimación más reciente, 2021–2022: 1,819 mil (intervalo del 95%: de 1,674 mil a 1,974 mil). ' +
        'Estados Unidos no se muestra en números de personas: la cifra de un estado junto a la del país no dice nada.',
    );
  });

  it('empty charts say why in Spanish', () => {
    const options = { ...trendOptions, geography: 'DC', measure: 'percent' };
    expect(summarizeTrend(toTrendModel([], options, t, 'es'), options, t, 'es')).toBe(
      'Este conjunto de datos aún no tiene ninguna cifra del Distrito de Columbia de “Trastorno por consumo de sustancias en el último año” como porcentaje del grupo de edad para las personas de 12 años o más.',
    );
    const states = { ...statesOptions, ageGroup: '65+', measure: 'percent_of_needing' };
    expect(summarizeStates(toStatesModel([], states, t, 'es'), states, 'map', t, 'es')).toBe(
      'No se publican cifras estatales de “Trastorno por consumo de sustancias en el último año” para las personas de 65 años o más como porcentaje de quienes necesitaban tratamiento en 2018–2019.',
    );
  });

  it('English is the default, word for word', () => {
    const model = toTrendModel(NATIONAL, trendOptions);
    expect(summarizeTrend(model, trendOptions)).toBe(summarizeTrend(toTrendModel(NATIONAL, trendOptions, english, 'en'), trendOptions, english, 'en'));
    expect(summarizeTrend(model, trendOptions)).toContain('14 of the years shown have no annual figure in this dataset yet; they are left as gaps, never filled in.');
  });
});

describe('Spanish tooltips, axes and measures', () => {
  it('a national figure, a methodology break, a state, an age group and a state’s period', () => {
    const trend = toTrendModel(NATIONAL, trendOptions, t, 'es');
    expect(trendPointText(trend.points.find((p) => p.period === '2018-2019')!, t, 'es')).toEqual({
      title: '2018–2019',
      lines: ['20,331 mil (intervalo del 95%: de 19,774 mil a 20,903 mil)', 'Promedio de 2018 y 2019', 'Serie: 2015–2019 (DSM-IV, cuestionario rediseñado)', 'Fuente: Fuente de prueba'],
    });
    const layout = layoutTrend(trend, 720, 340, t);
    expect(layout.yTicks.map((x) => x.label)).toEqual(['0', '10 M', '20 M', '30 M', '40 M', '50 M']);
    expect(breakTooltip(layout, 0, t, 'es')?.content).toEqual({
      title: '2015: cambió el método',
      lines: [
        'En 2015 se rediseñó en parte el cuestionario (por ejemplo, las preguntas sobre el uso indebido de medicamentos recetados), por lo que algunas estimaciones no son comparables con las de 2014 y años anteriores. Los trastornos seguían basándose en los criterios del DSM-IV.',
        'Nueva serie desde 2015: 2015–2019 (DSM-IV, cuestionario rediseñado)',
        'Las cifras de antes y después de esta línea no se comparan.',
      ],
    });
    const states = toStatesModel(STATES, statesOptions, t, 'es');
    expect(stateText(states.states[0], '2018-2019', t, 'es')).toEqual({
      title: 'Distrito de Columbia',
      lines: ['11.94% (intervalo del 95%: de 10.24% a 13.87%)', 'Promedio de 2018–2019', 'Todo el intervalo está por encima de la estimación de Estados Unidos'],
    });
    const ages = toAgeModel(STATES, ageOptions, t, 'es');
    expect(ageText(ages.rows[0], ages, t, 'es')).toEqual({
      title: 'De 12 a 17 años',
      lines: ['Nueva York: 4.2% (intervalo del 95%: de 3.1% a 5.3%)', 'Estados Unidos: 4.1% (intervalo del 95%: de 3.9% a 4.3%)', '2018–2019'],
    });
    const ohio = toStateTrendModel(OHIO, ohioOptions, t, 'es');
    expect(stateTrendText(ohio.periods[1], 'OH', t, 'es')).toEqual({
      title: '2017–2018 (promedio de dos años)',
      lines: [
        'Ohio: 8.3% (intervalo del 95%: de 7.5% a 9.2%)',
        'Estados Unidos: 7.5% (intervalo del 95%: de 7.3% a 7.7%)',
        'Promedio anual de 2017 y 2018',
        'Serie: 2015–2019 (DSM-IV, cuestionario rediseñado)',
        'Fuente: Fuente de prueba',
      ],
    });
  });

  it('measures and ticks: words change, digits do not', () => {
    expect(measureLabel('count', t, 'es')).toBe('Número de personas');
    expect(measureLabel('percent', t, 'es')).toBe('Porcentaje del grupo de edad');
    expect(measureLabel('percent_of_needing', t, 'es')).toBe('Porcentaje de quienes necesitaban tratamiento');
    expect(measureLabel('percent_of_needing')).toBe('Percent of those needing treatment');
    expect(formatTick(2_500_000, measureById('count'), t)).toBe('2.5 M');
    expect(formatTick(500_000, measureById('count'), t)).toBe('500 mil');
    expect(formatTick(7.5, measureById('percent'), t)).toBe('7.5%');
    expect(formatTick(20_000_000, measureById('count'))).toBe('20M');
  });
});

describe('Spanish charts on the page', () => {
  it('the ranking: each row’s name in Spanish, its tag, its rank, a link to the Spanish profile', () => {
    const model = toStatesModel(STATES, statesOptions, t, 'es');
    const html = inSpanish(createElement(RankingChart, { model, label: 'Clasificación' }));
    expect(labels(html)).toContain(
      'Distrito de Columbia, más alto: 11.94% (intervalo del 95%: de 10.24% a 13.87%). Promedio de 2018–2019. Todo el intervalo está por encima de la estimación de Estados Unidos. Puesto 1 de 4. Abrir el perfil.',
    );
    expect(html).toContain('href="/es/states/NY"');
    expect(html).toContain('> más bajo</text>');
    expect(html).toContain('EE. UU. 7.41%');
    expect(html).toContain('↑ ↓ pasar de un estado a otro · Inicio / Fin: el primero y el último · Entrar abre el perfil');
  });

  it('the map: Spanish names in Spanish order, the Spanish profile, the colour key', () => {
    const model = toStatesModel(STATES, statesOptions, t, 'es');
    const html = inSpanish(
      createElement(
        Fragment,
        null,
        createElement(StateMap, { shapes: stateShapes(), model, classes: mapClasses(model), label: 'Mapa' }),
        createElement(MapLegend, { classes: mapClasses(model), format: (v: number) => formatTick(v, model.measure, t), missing: true, caption: '2018–2019, porcentaje del grupo de edad:' }),
      ),
    );
    const names = labels(html);
    expect(names).toContain('Alabama: sin cifra publicada. Abrir el perfil de Alabama.');
    expect(names).toContain(
      'DC, Distrito de Columbia: 11.94% (intervalo del 95%: de 10.24% a 13.87%). Promedio de 2018–2019. Todo el intervalo está por encima de la estimación de Estados Unidos. Abrir el perfil del Distrito de Columbia.',
    );
    // Tab order follows the names shown: Carolina del Norte comes right after California.
    const order = [...html.matchAll(/data-state="(\w+)"/g)].map((m) => m[1]);
    expect(order.indexOf('NC')).toBe(order.indexOf('CA') + 1);
    expect(html).toContain('href="/es/states/DC"');
    expect(names).toContain('Clave de colores del mapa: 2018–2019, porcentaje del grupo de edad');
    expect(html).toContain('de 5.81% a 7.04%');
    expect(html).toContain('Sin cifra publicada');
  });

  it('a state’s trend: subtitle, key, table and summary in Spanish, whoever built the model', () => {
    // Built with no translator, as a server page that passes none would: the figure writes its own words.
    const model = toStateTrendModel(OHIO, ohioOptions);
    const html = inSpanish(
      createElement(StateTrendFigure, { id: 't', model, options: ohioOptions, title: 'Con el tiempo: Ohio', universe: 'Personas de 12 años o más de la población civil no institucionalizada' }),
    );
    expect(html).toContain(
      'Personas de 12 años o más de la población civil no institucionalizada, Ohio y Estados Unidos. Porcentaje del grupo de edad, con intervalos del 95% cuando se publicaron. Cada cifra es un promedio anual de dos años de encuesta y se dibuja a lo largo de ambos años. Una línea por cada método de la encuesta; un hueco es un período sin cifra en este conjunto de datos.',
    );
    expect(html).toContain('Estados Unidos, mismos períodos');
    expect(html).toContain('Punteado bajo el eje: solo números de personas');
    expect(html).toContain('Para 2021–2022, las tablas de SAMHSA de este conjunto de datos solo dan números de personas');
    expect(html).toContain('<th scope="col">Lugar y período</th><th scope="col">Estimación</th><th scope="col">Intervalo del 95%</th>');
    expect(html).toContain('Estimación más reciente, 2017–2018');
    expect(html).toContain('Tabla de los datos de este gráfico');
    expect(html).toContain('Fuente: <span lang="en">Fuente de prueba</span>');
    expect(labels(html)).toContain('Recorrer las cifras una a una');
  });

  it('actions: Spanish words, a link to the Spanish view, Spanish file names', () => {
    const view = { indicator: 'aud_past_year', age: '18-25', trend: 'count', measure: 'percent', geo: 'CO', period: '2018-2019' };
    const html = inSpanish(createElement(ChartActions, { kind: 'map', title: 'Mapa', view, rows: STATES }));
    expect(html).toContain('<summary>Descargar o compartir este gráfico</summary>');
    expect(html).toContain('href="/es?indicator=aud_past_year&amp;age=18-25&amp;trend=count&amp;measure=percent&amp;geo=CO&amp;period=2018-2019#map">Enlace a esta vista</a>');
    expect(fileBase('ranking', view, t, 'es')).toBe('aud_past_year_clasificacion_18-25_porcentaje_2018-2019');
    expect(fileBase('trend', { ...view, age: '12+' }, t, 'es')).toBe('aud_past_year_tendencia_12mas_personas');
    expect(fileBase('ages', view, t, 'es')).toBe('aud_past_year_edades_18-25_porcentaje_2018-2019_CO');
    expect(fileBase('map', { ...view, measure: 'percent_of_needing' }, t, 'es')).toBe('aud_past_year_mapa_18-25_porcentaje-de-quienes-necesitaban-tratamiento_2018-2019');
    expect(fileBase('ranking', view)).toBe('aud_past_year_ranking_18-25_percent_2018-2019');
  });
});

describe('every indicator in data/, in Spanish', () => {
  let observations: Observation[] = [];
  let options: IndicatorOption[] = [];
  const titles = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data/sources/translations/es/catalogue.json'), 'utf8')).indicators as Record<string, { title: string }>;

  beforeAll(async () => {
    const data = path.join(__dirname, '..', '..', 'data');
    const pkg = await readPackage(data);
    const known = new Set(pkg.indicators.map((i) => i.name));
    for (const r of pkg.resources) {
      const result = await ingest(readFileSync(path.join(data, r.path)), { knownIndicators: known, collect: true, encoding: 'utf-8' });
      observations = observations.concat(result.rows);
    }
    options = indicatorOptions(observations, new Map(pkg.indicators.map((i) => [i.name, { title: titles[i.name]?.title ?? i.title, definition: '' }])));
    // Reads and validates every row of data/ (a few seconds; allow for a busy machine).
  }, 60_000);

  /** Words of the English summaries that a Spanish one must never contain. */
  const ENGLISH = /\b(the|and|of|with|for|from|people|figures?|estimates?|interval|published|states?|United|aged|average|higher|lower|above|below|highest|lowest|dataset|yet|none)\b/;
  /** SAMHSA's own notes are quoted as published: the parenthesis after its test's words is theirs. */
  const withoutQuotes = (text: string) => text.replace(/0\.05 \([^)]*\)/g, '0.05');
  const problems = (text: string) => {
    const found = ENGLISH.exec(withoutQuotes(text));
    return [found ? `English word “${found[0]}”` : '', /EE\. UU\.\./.test(text) ? '“EE. UU..”' : '', /[{}]|undefined|NaN/.test(text) ? 'unformatted' : ''].filter(Boolean);
  };

  it('no English in any national trend, map, ranking, age or state-trend summary', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const option of options) {
      const rows = observations.filter((x) => x.indicator === option.name);
      const beside = usBesideStates(rows);
      for (const age of option.ages) {
        for (const measure of nationalMeasuresFor(option, age)) {
          const opts = { indicator: option.name, indicatorTitle: option.title, geography: 'US', ageGroup: age, measure };
          const text = summarizeTrend(toTrendModel(rows, opts, t, 'es'), opts, t, 'es');
          for (const p of problems(text)) bad.push(`${option.name} trend ${age} ${measure}: ${p} in ${text}`);
          checked++;
        }
        for (const measure of option.stateMeasures) {
          const period = periodsFor(option, measure, age)[0];
          if (!period) continue;
          const opts = { indicator: option.name, indicatorTitle: option.title, ageGroup: age, measure, period };
          const model = toStatesModel(rows, opts, t, 'es');
          for (const focus of ['map', 'ranking'] as const) {
            const text = `${summarizeStates(model, opts, focus, t, 'es')} ${model.usOmitted ?? ''}`;
            for (const p of problems(text)) bad.push(`${option.name} ${focus} ${age} ${measure} ${period}: ${p} in ${text}`);
          }
          const ageOpts = { indicator: option.name, indicatorTitle: option.title, geography: 'CA', measure, period };
          const ages = toAgeModel(beside, ageOpts, t, 'es');
          const text = `${summarizeAge(ages, ageOpts, t, 'es')} ${summarizeStateVsUs(ages, option.title, t, 'es')}`;
          for (const p of problems(text)) bad.push(`${option.name} ages ${measure} ${period}: ${p} in ${text}`);
          const trendOpts = { indicator: option.name, indicatorTitle: option.title, geography: 'TX', ageGroup: age, measure, periods: option.statePeriods };
          const stateTrend = summarizeStateTrend(toStateTrendModel(beside, trendOpts, t, 'es'), trendOpts, t, 'es');
          for (const p of problems(stateTrend)) bad.push(`${option.name} state trend ${age} ${measure}: ${p} in ${stateTrend}`);
          checked += 4;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });
});
