/**
 * The states pages in Spanish: the search finds Spanish names (and still English names and
 * codes), the lists sort by the Spanish name, and the page's generated text reads as whole
 * Spanish sentences — while the English text stays exactly what the pages wrote before.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { findStates } from '@/app/[locale]/(site)/states/links';
import enStates from '@/messages/en/states.json';
import esStates from '@/messages/es/states.json';
import { measureById } from '@/lib/charts/measure';
import { formatPeriodList } from '@/lib/format/numbers';
import { ageLabel, comparePlaces, placeName, unitWords } from '@/lib/i18n/vocabulary';
import { STATE_CODES } from '@/lib/vocabulary/geography';
import { UNITS } from '@/lib/vocabulary/units';

const en = createTranslator({ locale: 'en', messages: { states: enStates }, namespace: 'states' });
const es = createTranslator({ locale: 'es', messages: { states: esStates }, namespace: 'states' });

describe('findStates(text, locale) in Spanish', () => {
  const codes = (text: string) => findStates(text, 'es').matches.map((s) => s.code);
  it('matches Spanish names, English names and codes', () => {
    expect(codes('nueva').sort()).toEqual(['NJ', 'NY']);
    expect(codes('nuev').sort()).toEqual(['NH', 'NJ', 'NM', 'NY']);
    expect(codes('new')).toEqual(['NH', 'NJ', 'NM', 'NY']);
    expect(codes('misisipi')).toEqual(['MS']);
    expect(codes('mississippi')).toEqual(['MS']);
    expect(codes('michigan')).toEqual(['MI']);
    expect(codes('Míchigan')).toEqual(['MI']);
    expect(codes('oh')).toEqual(['OH']);
    expect(codes('occidental')).toEqual(['WV']);
    expect(codes('distrito de col')).toEqual(['DC']);
  });
  it('names the one state a Spanish or English name names outright', () => {
    expect(findStates('Nueva York', 'es').exact?.code).toBe('NY');
    expect(findStates('New York', 'es').exact?.code).toBe('NY');
    expect(findStates('Virginia', 'es').exact?.code).toBe('VA');
    expect(findStates('Hawai', 'es').exact?.code).toBe('HI');
    expect(findStates('nueva', 'es').exact).toBeUndefined();
  });
  it('leaves the English page as it was: Spanish names are not searched there', () => {
    expect(findStates('nueva').matches).toEqual([]);
    expect(findStates('new').matches.map((s) => s.code)).toEqual(['NH', 'NJ', 'NM', 'NY']);
  });
});

describe('the state list in Spanish', () => {
  it('sorts by the Spanish name', () => {
    const names = [...STATE_CODES].sort(comparePlaces('es')).map((c) => placeName(c, 'es'));
    expect(names.indexOf('Nueva York')).toBeGreaterThan(names.indexOf('Nevada'));
    expect(names.indexOf('Nueva York')).toBeLessThan(names.indexOf('Ohio'));
    expect(names.slice(0, 3)).toEqual(['Alabama', 'Alaska', 'Arizona']);
    expect(names.indexOf('Carolina del Norte')).toBeLessThan(names.indexOf('Colorado'));
  });
});

describe('states messages', () => {
  it('write the English the pages wrote before', () => {
    expect(en('index.matches', { count: 4, countText: '4', q: 'new' })).toBe('4 states match “new”.');
    expect(en('profile.trendTitle', { place: 'Ohio', us: 'yes', hasSpan: 'yes', span: '2002–2023' })).toBe('Over time: Ohio beside the United States, 2002–2023');
    expect(en('profile.trendTitle', { place: 'Ohio', us: 'no', hasSpan: 'no', span: '' })).toBe('Over time: Ohio');
    expect(en('profile.universe', { age: ageLabel('12+', 'en').toLowerCase() })).toBe('People aged 12 or older in the civilian, noninstitutionalized population');
    expect(en('table.caption', { title: 'Alcohol use', place: 'Ohio', period: '2022–2023', percent: 'yes', measure: 'percent of the age group' })).toBe(
      'Alcohol use, Ohio and the United States, 2022–2023, percent of the age group',
    );
    expect(en('table.caption', { title: 'Alcohol use', place: 'Ohio', period: '2022–2023', percent: 'no', measure: '' })).toBe('Alcohol use, Ohio and the United States, 2022–2023');
    expect(en('profile.countsOnly', { place: 'Ohio', dc: 'no' })).toBe(
      'SAMHSA’s tables in this dataset give Ohio’s figures for this indicator as numbers of people only, so there is no comparison with the United States: a state’s count beside the nation’s says nothing.',
    );
  });

  it('name every measure in English as lib/charts/measure does', () => {
    for (const u of UNITS.filter((x) => x.kind === 'percent' && x.name !== 'percent')) {
      expect(en('measure', { kind: 'other', base: unitWords(u.name, 'en')!.label.replace(/^% /, '') })).toBe(measureById(u.name).label);
    }
    expect(en('measure', { kind: 'count', base: '' })).toBe(measureById('count').label);
    expect(en('measure', { kind: 'group', base: '' })).toBe(measureById('percent').label);
  });

  it('write whole Spanish sentences, with the article the District of Columbia takes', () => {
    expect(es('profile.lead', { place: 'Nueva York', dc: 'no' })).toMatch(/^Estimaciones publicadas por SAMHSA para Nueva York, a lo largo del tiempo/);
    expect(es('profile.lead', { place: 'Distrito de Columbia', dc: 'yes' })).toMatch(/^Estimaciones publicadas por SAMHSA para el Distrito de Columbia,/);
    expect(es('profile.countsOnly', { place: 'Distrito de Columbia', dc: 'yes' })).toContain('las cifras del Distrito de Columbia para este indicador');
    expect(es('table.peopleIn', { place: 'Ohio', dc: 'no' })).toBe('Personas en Ohio');
    expect(es('profile.trendTitle', { place: 'Nueva York', us: 'yes', hasSpan: 'yes', span: '2002–2023' })).toBe('A lo largo del tiempo: Nueva York junto a Estados Unidos, 2002–2023');
    expect(es('profile.universe', { age: ageLabel('18-25', 'es').toLowerCase() })).toBe('Personas de 18 a 25 años en la población civil no institucionalizada');
    expect(es('profile.latestWithPercentages', { periods: formatPeriodList(['2021-2022', '2022-2023'], 'es') })).toBe(
      'Este es el período más reciente con porcentajes. Para 2021–2022 y 2022–2023, las tablas de SAMHSA en este conjunto de datos solo dan números de personas.',
    );
    expect(es('index.matches', { count: 4, countText: '4', q: 'nuev' })).toBe('4 estados coinciden con “nuev”.');
    expect(es('measure', { kind: 'other', base: unitWords('percent_of_needing', 'es')!.label.replace(/^% /, '') })).toBe('Porcentaje de quienes necesitaban tratamiento');
    expect(es('comparison.overlaps')).toBe('No se distingue de EE. UU.');
  });
});
