/**
 * The IOP explainer in both languages: the page rendered in English and in Spanish (with the live
 * data, the help lines and the data notice stubbed), its citations, and the Spanish sentences
 * written around live figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en/iop.json';
import es from '@/messages/es/iop.json';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { citationLabel, citationText, IOP_SOURCES, sourceUrl, type IopSourceId } from '@/lib/data/iop';

vi.mock('next-intl/server', () => ({
  getTranslations: async ({ locale, namespace }: { locale: Locale; namespace: 'iop' }) =>
    createTranslator({ locale, messages: { iop: locale === 'es' ? es : en }, namespace }),
}));
vi.mock('@/app/_components/help-lines', () => ({ HelpLines: () => createElement('div', { className: 'help-lines-stub' }) }));
vi.mock('@/app/_components/data-notice', () => ({ DataNotice: () => null }));
let linkLocale: Locale = 'en';
vi.mock('@/lib/i18n/navigation', () => ({
  Link: ({ href, children, prefetch: _prefetch, ...rest }: { href: string; children: ReactNode; prefetch?: boolean }) =>
    createElement('a', { href: localePath(linkLocale, href), ...rest }, children),
}));

const PAGE_FILE = path.join(__dirname, '..', '..', 'app', '[locale]', '(site)', 'iop', 'page.tsx');

async function render(locale: Locale): Promise<string> {
  linkLocale = locale;
  const { default: IopPage } = await import('@/app/[locale]/(site)/iop/page');
  return renderToStaticMarkup(await IopPage({ params: Promise.resolve({ locale }) }));
}

/** The text of an HTML fragment, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

/** The text of every element of a class (the paragraphs of the figures, the source lines). */
const byClass = (html: string, tag: string, cls: string) => [...html.matchAll(new RegExp(`<${tag} class="${cls}">(.*?)</${tag}>`, 'g'))].map((m) => text(m[1]));

const esT = createTranslator({ locale: 'es', messages: { iop: es }, namespace: 'iop' });

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('IOP messages', () => {
  it('has the same keys in English and Spanish, no ICU number formatting and no ASCII apostrophe (ICU quoting)', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
    for (const file of ['en', 'es']) {
      const raw = readFileSync(path.join(__dirname, '..', '..', 'messages', file, 'iop.json'), 'utf8');
      expect(raw).not.toMatch(/#|, number|'/);
    }
  });

  it('names each publisher in English exactly as the source list does', () => {
    for (const [id, s] of Object.entries(IOP_SOURCES)) expect(en.publishers[id as IopSourceId], id).toBe(s.publisher);
  });
});

describe('citations in both languages', () => {
  it('keep the English citations as they were', () => {
    expect(citationText('narcanOtc')).toBe(
      'U.S. Food and Drug Administration (FDA), “FDA Approves First Over-the-Counter Naloxone Nasal Spray (press release, March 29, 2023)” (2023)',
    );
    expect(citationText('tip47')).toBe('SAMHSA, “Substance Abuse: Clinical Issues in Intensive Outpatient Treatment (TIP 47)” (2006)');
    expect(citationText('helpline')).toBe('SAMHSA, “National Helpline” (web page)');
    expect([citationLabel(1), citationLabel(2)]).toEqual(['Source: ', 'Sources: ']);
    for (const id of Object.keys(IOP_SOURCES) as IopSourceId[]) expect(sourceUrl(id), id).toBe(IOP_SOURCES[id].url);
  });

  it('name the publisher in Spanish, keep the published title, and say when the source is only in English', () => {
    expect(citationText('tip47', 'es')).toBe('SAMHSA, “Substance Abuse: Clinical Issues in Intensive Outpatient Treatment (TIP 47)” (2006, en inglés)');
    expect(citationText('narcanOtc', 'es')).toBe(
      'Administración de Alimentos y Medicamentos de los EE. UU. (FDA), “FDA Approves First Over-the-Counter Naloxone Nasal Spray (comunicado de prensa, 29 de marzo de 2023)” (2023, en inglés)',
    );
    expect(citationText('overdoseResponse', 'es')).toBe('Departamento de Salud y Servicios Humanos de los EE. UU., “How to Respond to an Opioid Overdose” (página web, en inglés)');
    // The Helpline's page and FindTreatment.gov serve Spanish readers; 988 has a Spanish site.
    expect(citationText('helpline', 'es')).toBe('SAMHSA, “National Helpline” (página web)');
    expect(citationText('lifeline988', 'es')).toBe('988 Línea de Prevención del Suicidio y Crisis, “988lifeline.org” (página web)');
    expect(sourceUrl('lifeline988', 'es')).toBe('https://988lifeline.org/es');
    expect(sourceUrl('tip47', 'es')).toBe(IOP_SOURCES.tip47.url);
    expect([citationLabel(1, 'es'), citationLabel(3, 'es')]).toEqual(['Fuente: ', 'Fuentes: ']);
  });

  it('cites every source on the page', () => {
    const page = readFileSync(PAGE_FILE, 'utf8');
    const cited = new Set([...page.matchAll(/<Cite ids=\{\[([^\]]+)\]\}/g)].flatMap((m) => [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1])));
    expect([...cited].sort()).toEqual(Object.keys(IOP_SOURCES).sort());
  });
});

describe('Spanish sentences around live figures', () => {
  it('agree with the unit of the count: "millones de personas", "mil personas"', () => {
    expect(esT('numbers.reference', { period: '2014', unit: 'millions' })).toBe(
      'de personas de 12 años o más tuvieron un trastorno por consumo de sustancias en el último año, en 2014.',
    );
    expect(esT('numbers.gap', { needed: '43.7 millones', period: '2021', unit: 'millions' })).toMatch(/^de los 43\.7 millones de personas de 12 años o más que necesitaban/);
    expect(esT('numbers.gap', { needed: '306 mil', period: '2021', unit: 'other' })).toMatch(/^de las 306 mil personas de 12 años o más que necesitaban/);
  });

  it('name a pooled period as an annual average and give the District of Columbia its article', () => {
    const values = { lowest: '11.14%', lowestPlace: 'Utah', lowestCode: 'UT', highest: '22.91%', highestPlace: 'Distrito de Columbia', highestCode: 'DC' };
    expect(esT('numbers.stateGap', { ...values, period: '2018–2019', pooled: 'yes' })).toBe(
      'de las personas de 12 años o más en los Estados Unidos necesitaban tratamiento pero no lo recibieron en un centro especializado (promedio anual de 2018–2019). Entre los estados, esta cifra fue desde el 11.14% en Utah hasta el 22.91% en el Distrito de Columbia.',
    );
    expect(esT('numbers.stateGap', { ...values, period: '2021', pooled: 'no' })).toContain('centro especializado (2021).');
  });
});

describe('the page', () => {
  let english = '';
  let spanish = '';
  beforeAll(async () => {
    english = await render('en');
    spanish = await render('es');
  });

  it('reads in English as before', () => {
    expect(english).toContain('<h1>Intensive Outpatient Programs (IOP)</h1>');
    expect(english).toContain('<h2 id="help">Find help now</h2>');
    expect(english).toContain('<li><strong>Adults:</strong> at least 9 hours of treatment a week.</li>');
    expect(english).toContain('(see <a href="#assessment">getting an assessment</a>).');
    expect(english).toContain('<td role="cell" data-label="Where you live">At home</td>');
    const cites = byClass(english, 'p', 'cite');
    for (const c of cites) expect(c).toMatch(/^Sources?: .+, “.+” \((\d{4}|web page)\)/);
    const figures = byClass(english, 'p', 'stat-figure');
    expect(figures[0]).toMatch(/^\d+\.\d million$/);
    expect(english).toContain('people aged 12 or older had a substance use disorder in the past year in 2014.</p>');
    expect(english).toMatch(/people aged 12 or older had a substance use disorder in \d{4}( — \d+\.\d+% of everyone that age)?\.<\/p>/);
    expect(english).toMatch(/Across the states this ranged from [\d.]+% in [A-Z][A-Za-z ]+ to [\d.]+% in [A-Z][A-Za-z ]+\.<\/p>/);
    for (const s of byClass(english, 'p', 'source')) expect(s).toMatch(/^Source: /);
    expect(english).toContain('<a href="/?indicator=needing_not_receiving_specialty_tx">See the map of the treatment gap by state</a>');
  });

  it('reads wholly in Spanish, except the titles of English sources and the data’s source lines', () => {
    expect(spanish).toContain('<h1>Programas intensivos ambulatorios (IOP)</h1>');
    expect(spanish).toContain('<h2 id="contents">En esta página</h2>');
    expect(spanish).toContain('<td role="cell" data-label="Dónde vive">En su casa</td>');
    const cites = byClass(spanish, 'p', 'cite');
    for (const c of cites) expect(c).toMatch(/^Fuentes?: .+, “.+” \((\d{4}|página web)(, en inglés)?\)/);
    expect(spanish).toContain('href="https://988lifeline.org/es"');
    const figures = byClass(spanish, 'p', 'stat-figure');
    expect(figures[0]).toMatch(/^\d+\.\d millones$/);
    expect(spanish).toContain('de personas de 12 años o más tuvieron un trastorno por consumo de sustancias en el último año, en 2014.</p>');
    expect(spanish).toMatch(/Entre los estados, esta cifra fue desde el [\d.]+% en .+ hasta el [\d.]+% en .+\.<\/p>/);
    for (const s of byClass(spanish, 'p', 'source')) expect(s).toMatch(/^Fuente: /);
    expect(spanish).toContain('<a href="/es?indicator=needing_not_receiving_specialty_tx">Vea el mapa de la brecha de tratamiento por estado</a>');
    // Apart from the citations, the data's own source lines and two names given as published, no English is left.
    const prose = text(spanish.replace(/<p class="(cite|source)">.*?<\/p>/g, ''))
      .replace('(Mental Health Parity and Addiction Equity Act)', '')
      .replace('“intensive outpatient services”', '');
    expect(prose).not.toMatch(/\b(the|and|of|with|people|treatment|Source|Sources|See|you|your|web page)\b/);
  });

  it('writes its metadata in the language of the address', async () => {
    const { generateMetadata } = await import('@/app/[locale]/(site)/iop/page');
    const meta = await generateMetadata({ params: Promise.resolve({ locale: 'es' }) });
    expect(meta.title).toBe('Programas intensivos ambulatorios (IOP)');
    expect(meta.alternates?.canonical).toBe('/es/iop');
    const english = await generateMetadata({ params: Promise.resolve({ locale: 'en' }) });
    expect(english.title).toBe('Intensive Outpatient Programs (IOP)');
    expect(english.description).toMatch(/^What an Intensive Outpatient Program is, how many hours it takes/);
    expect(english.alternates?.canonical).toBe('/iop');
  });
});
