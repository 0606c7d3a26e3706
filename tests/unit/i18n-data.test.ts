/**
 * The data catalog, the dataset pages, the citations and the unavailable-data notice in Spanish
 * (and English unchanged): citations from lib/site/citation.ts directly, pages rendered with
 * next-intl's translator standing in for the request's.
 */
import path from 'node:path';
import { createElement, type ComponentProps, type ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLabel } from '@/lib/admin/changes';
import { readPackage } from '@/lib/data/package';
import { localizePackage } from '@/lib/data/localize';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { fieldWords } from '@/lib/i18n/columns';
import { clientMessages, MESSAGES } from '@/lib/i18n/messages';
import { siteCitation, sourceCitations } from '@/lib/site/citation';

const current = vi.hoisted(() => ({ locale: 'en' as 'en' | 'es', broken: 0 }));

vi.mock('next-intl/server', () => ({
  getLocale: async () => current.locale,
  getTranslations: async (arg?: string | { locale?: Locale; namespace?: string }) => {
    const { locale = current.locale, namespace } = typeof arg === 'string' ? { namespace: arg } : (arg ?? {});
    return createTranslator({ locale, messages: MESSAGES[locale] as never, namespace: namespace as never });
  },
}));
vi.mock('@/lib/i18n/navigation', () => ({
  Link: ({ href, children, prefetch: _p, ...rest }: { href: string; children: ReactNode; prefetch?: boolean }) =>
    createElement('a', { href: href.startsWith('/') ? localePath(current.locale, href) : href, ...rest }, children),
}));
vi.mock('@/lib/site/site-url', () => ({ requestSiteBase: async () => 'https://example.org' }));
vi.mock('@/lib/store/live', async (orig) => {
  const real = await orig<typeof import('@/lib/store/live')>();
  return {
    ...real,
    getDataset: async (id: string) => {
      if (id === 'broken') {
        const d = await real.getDataset('national-estimates');
        return d && { ...d, observations: [], problem: 'Its file national-estimates.csv is missing.' };
      }
      return real.getDataset(id);
    },
    getPackage: async (locale: Locale = 'en') => {
      const pkg = await real.getPackage('en');
      const changed = {
        ...pkg,
        resources: pkg.resources.map((r) =>
          r.name === 'state-estimates-2021-on'
            ? {
                ...r,
                changes: [
                  { version: '1.3.0', date: '2026-11-20T10:00:00Z', kind: 'publish' as const, added: 1200, removed: 1, changed: 3, note: 'Added 2022.', hash: 'x' },
                  { version: '1.2.1', date: '2026-11-10T10:00:00Z', kind: 'metadata' as const, added: 0, removed: 0, changed: 0, note: 'Title fixed.', hash: 'y' },
                  { version: '1.2.0', date: '2026-11-01T10:00:00Z', kind: 'publish' as const, added: 0, removed: 2, changed: 1, note: 'Fix.', hash: 'z' },
                  { version: '1.1.0', date: '2026-10-01T10:00:00Z', kind: 'rollback' as const, added: 0, removed: 0, changed: 0, note: 'Back.', hash: 'w' },
                ],
              }
            : r,
        ),
      };
      return localizePackage(changed, locale);
    },
    unavailableDatasets: async () => (await real.getPackage()).resources.slice(0, current.broken).map((resource) => ({ resource, problem: 'x' })),
  };
});

const ROOT = path.join(__dirname, '..', '..');
const SITE = 'https://example.org';
const pkgPromise = readPackage(path.join(ROOT, 'data'));

async function render(locale: 'en' | 'es', el: ReactNode): Promise<string> {
  const { prelude } = await prerender(createElement(NextIntlClientProvider, { locale, messages: clientMessages(locale), timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>, el));
  return (await new Response(prelude).text()).replace(/<!-- -->/g, '');
}

type Page = (p: unknown) => Promise<ReactNode>;

async function dataPage(locale: 'en' | 'es'): Promise<string> {
  current.locale = locale;
  current.broken = 0;
  const { default: DataPage } = await import('@/app/[locale]/(site)/data/page');
  return render(locale, await (DataPage as unknown as Page)({ params: Promise.resolve({ locale }) }));
}

async function datasetPage(locale: 'en' | 'es', id: string, query: Record<string, string> = {}): Promise<string> {
  current.locale = locale;
  current.broken = 0;
  const { default: DatasetPage } = await import('@/app/[locale]/(site)/datasets/[id]/page');
  return render(locale, await (DatasetPage as unknown as Page)({ params: Promise.resolve({ locale, id }), searchParams: Promise.resolve(query) }));
}

async function notice(locale: 'en' | 'es', broken: number): Promise<string> {
  current.locale = locale;
  current.broken = broken;
  const { DataNotice } = await import('@/app/_components/data-notice');
  const el = await DataNotice();
  return el ? render(locale, el) : '';
}

const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
});
afterAll(() => vi.useRealTimers());

describe('citations in Spanish', () => {
  it('cite this site in APA form with the access date in words and the Spanish data page', async () => {
    const pkg = localizePackage(await pkgPromise, 'es');
    const c = siteCitation(pkg, `${SITE}/`, new Date('2026-12-03T12:00:00Z'), 'es');
    const year = pkg.resources.map((r) => r.lastModified).sort().at(-1)?.slice(0, 4);
    expect(c.text).toBe(
      `Substance Use Atlas. (${year}). ${pkg.title}, versión ${pkg.version} [Conjunto de datos]. Compilado a partir de la Encuesta Nacional sobre el Consumo de Drogas y la Salud (NSDUH) de SAMHSA. Consultado el 3 de diciembre de 2026, de ${SITE}/es/data`,
    );
    expect(c.label).toBe(`Substance Use Atlas (datos compilados, versión ${pkg.version})`);
    // Field names and machine formats as in English; only the words change.
    expect(c.bibtex).toContain('  author = {{Colaboradores de Substance Use Atlas}},');
    expect(c.bibtex).toContain('  urldate = {2026-12-03},');
    expect(c.bibtex).toContain(`  url = {${SITE}/es/data},`);
    expect(c.bibtex).toContain('  note = {Compilado a partir de la Encuesta Nacional sobre el Consumo de Drogas y la Salud (NSDUH) de SAMHSA},');
    expect(c.ris.split('\n')).toEqual([
      'TY  - DATA',
      'AU  - Colaboradores de Substance Use Atlas',
      `TI  - ${pkg.title}`,
      `ET  - ${pkg.version}`,
      `PY  - ${year}`,
      `UR  - ${SITE}/es/data`,
      'Y2  - 2026-12-03',
      'N1  - Compilado a partir de la Encuesta Nacional sobre el Consumo de Drogas y la Salud (NSDUH) de SAMHSA',
      'ER  - ',
    ]);
  });

  it('leave English as it was', async () => {
    const pkg = await pkgPromise;
    const c = siteCitation(pkg, SITE, new Date('2026-12-03T12:00:00Z'));
    const year = pkg.resources.map((r) => r.lastModified).sort().at(-1)?.slice(0, 4);
    expect(c.label).toBe(`Substance Use Atlas (compiled data, version ${pkg.version})`);
    expect(c.text).toBe(`Substance Use Atlas. ${pkg.title}, version ${pkg.version} (${year}). Compiled from SAMHSA's National Survey on Drug Use and Health. ${SITE}/data (accessed 2026-12-03).`);
    expect(c.bibtex).toContain("  author = {{Substance Use Atlas contributors}},\n");
    expect(c.bibtex).toContain("  note = {Compiled from SAMHSA's National Survey on Drug Use and Health},\n");
    expect(c.ris).toContain("\nAU  - Substance Use Atlas contributors\n");
    expect(c.ris).toContain("\nN1  - Compiled from SAMHSA's National Survey on Drug Use and Health\n");
    const state = pkg.resources.find((r) => r.name === 'state-estimates-2002-2019');
    if (!state) throw new Error('no state dataset');
    const [samhsa, corgis] = sourceCitations(state, SITE);
    expect(samhsa.label).toBe('SAMHSA data: State estimates, 2002–2019');
    expect(samhsa.text).toBe(`Substance Abuse and Mental Health Services Administration, Center for Behavioral Health Statistics and Quality. ${/TI {2}- (.*)\n/.exec(samhsa.ris)?.[1]}. Rockville, MD: SAMHSA. ${state.sources[0].path}`);
    expect(samhsa.ris).toContain('\nN1  - Survey years 2009–2019\n');
    expect(corgis.label).toBe('Derived re-publication used in State estimates, 2002–2019');
    expect(corgis.text).toMatch(/^CORGIS Dataset Project .* \(commit c3f0bf0\)\. https:\/\/\S+ A derived re-publication of SAMHSA data; cite SAMHSA too\.$/);
    expect(corgis.bibtex).toContain('  note = {Derived re-publication of data from the Substance Abuse and Mental Health Services Administration. The figures are SAMHSA');
  });

  it('cite SAMHSA with its own names and titles as published, in Spanish words around them', async () => {
    const pkg = localizePackage(await pkgPromise, 'es');
    const state = pkg.resources.find((r) => r.name === 'state-estimates-2002-2019');
    if (!state) throw new Error('no state dataset');
    const english = sourceCitations((await pkgPromise).resources.find((r) => r.name === 'state-estimates-2002-2019') as typeof state, SITE);
    const [samhsa, corgis] = sourceCitations(state, SITE, 'es');
    expect(samhsa.label).toBe(`Datos de SAMHSA: ${state.title}`);
    expect(state.title).toBe('Estimaciones estatales, 2002–2019');
    const title = /TI {2}- (.*)\n/.exec(samhsa.ris)?.[1];
    expect(title).toBe(/TI {2}- (.*)\n/.exec(english[0].ris)?.[1]); // SAMHSA's title as published
    expect(samhsa.text).toBe(`Substance Abuse and Mental Health Services Administration, Center for Behavioral Health Statistics and Quality. ${title} [Conjunto de datos]. Rockville, MD: SAMHSA. ${state.sources[0].path}`);
    expect(samhsa.ris).toContain('\nN1  - Años de encuesta: 2009–2019\n');
    expect(samhsa.bibtex).toBe(english[0].bibtex);
    expect(corgis.label).toBe(`Republicación derivada usada en ${state.title}`);
    expect(corgis.text).toMatch(/^CORGIS Dataset Project .* \(commit c3f0bf0\) \[Conjunto de datos\]\. https:\/\/\S+ Republicación derivada de datos de SAMHSA; cite también a SAMHSA\.$/);
    expect(corgis.bibtex).toContain('  note = {Republicación derivada de datos de la Administración de Servicios de Salud Mental y Abuso de Sustancias (SAMHSA). The figures are SAMHSA');
    expect(corgis.bibtex.replace(/ {2}note = .*\n/, '')).toBe(english[1].bibtex.replace(/ {2}note = .*\n/, ''));
  });
});

describe('the data page', () => {
  it('in Spanish: words, Spanish metadata links and download names, the Spanish citation', async () => {
    const html = await dataPage('es');
    const words = text(html);
    for (const s of ['Datos', 'Descargar todo (ZIP)', 'Cómo citar', 'Columnas (todos los conjuntos de datos)', 'Estimaciones estatales, 2002–2019', 'Lugares (56)', 'Estados Unidos, Noreste, Medio Oeste, Sur, Oeste, Alabama y 50 más', 'Series de comparabilidad', 'la indica la columna unit', 'string, obligatoria', 'Copiar BibTeX', 'Copiar el texto sin formato'])
      expect(words).toContain(s);
    expect(words).toContain('Licencia: Obra del Gobierno de los EE. UU. en el dominio público; cite a SAMHSA como fuente.');
    expect(words).toMatch(/Observaciones[\d,]+ \(de ellas, [\d,]+ derivadas: tomadas de una republicación/);
    expect(words).toContain('Consultado el 3 de diciembre de 2026, de https://example.org/es/data');
    expect(html).toContain('href="/api/package?lang=es"');
    expect(html).toContain('href="/api/datasets/national-estimates?lang=es" download="estimaciones-nacionales-2002-2024_v');
    expect(html).toContain('href="/api/datasets/national-estimates?format=csv"');
    expect(html).toContain('href="/es/datasets/national-estimates"');
    expect(html).toContain('href="/es/api"');
    expect(html).toContain('<span lang="en"><a href="https://www.samhsa.gov/');
    expect(html).toContain(`<td>number</td><td>la indica la columna unit</td><td>${fieldWords('estimate', 'es')?.description}</td>`);
    expect(words).not.toMatch(/\b(Observations|Download everything|How to cite|Last updated|Browse the observations)\b/);
  });

  it('in English: as before', async () => {
    const html = await dataPage('en');
    expect(html).toContain('<a href="/api/package" download="">Download everything (ZIP): datapackage.json, the CSVs and a README</a>');
    expect(html).toContain('<code>{dataset}.csv-metadata.json</code>');
    expect(html).toContain('href="/api/datasets/national-estimates" download="national-estimates_v');
    expect(html).toContain('<td>number</td><td>given by the unit column</td><td>The published estimate.');
    expect(html).toContain('<td>string, required</td>');
    expect(text(html)).toContain('Cite SAMHSA for the figures; cite this site too if you used its compiled files.');
    expect(text(html)).toContain('(accessed 2026-12-03).');
    expect(html).not.toContain('lang="en"');
  });
});

describe('a dataset page', () => {
  it('in Spanish: filters, table, pages and changes', async () => {
    const html = await datasetPage('es', 'state-estimates-2021-on', { geography: 'NY' });
    const words = text(html);
    for (const s of ['← Todos los conjuntos de datos', 'Estimaciones estatales, de 2021 en adelante', 'Todos los indicadores', 'Todos los lugares', 'Mostrar', 'Observaciones de Estimaciones estatales, de 2021 en adelante', 'Intervalo del 95%', 'Nueva York', 'Archivos originales', 'Cambios'])
      expect(words).toContain(s);
    expect(words).toMatch(/Última actualización: \d{1,2} de [a-z]+ de \d{4}\. Qué cambió · Descargar el CSV · Cita y otros formatos/);
    expect(words).toMatch(/[\d,]+ observaciones(, página 1 de \d+)?\./);
    expect(words).toContain(
      '20 de noviembre de 2026 (versión 1.3.0 del paquete de datos, correcciones de cifras ya publicadas, datos nuevos y una cifra retirada): Added 2022. — observaciones: 1,200 agregadas, 1 eliminada, 3 modificadas',
    );
    expect(words).toContain('10 de noviembre de 2026 (versión 1.2.1 del paquete de datos, edición del título o la descripción): Title fixed.');
    expect(words).toContain('(versión 1.2.0 del paquete de datos, una corrección de cifras ya publicadas y cifras retiradas)');
    expect(html).toContain('<td class="source" lang="en">');
    expect(html).toMatch(/<td class="num">[\d.]+%<\/td><td class="num">de [\d.]+% a [\d.]+%<\/td>/);
    expect(html).toContain('href="/es/data"');
    // States in the order of their Spanish names, after the nation and the regions.
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => m[2]);
    expect(options.indexOf('Estados Unidos')).toBeLessThan(options.indexOf('Noreste'));
    expect(options.indexOf('Oeste')).toBeLessThan(options.indexOf('Alabama'));
    expect(options.indexOf('Carolina del Norte')).toBeLessThan(options.indexOf('Nueva York'));
    expect(options.indexOf('Misuri')).toBeLessThan(options.indexOf('Montana'));
  });

  it('in English: the change labels are changeLabel’s, and the words are as before', async () => {
    const html = await datasetPage('en', 'state-estimates-2021-on', { geography: 'NY' });
    const words = text(html);
    const label = changeLabel({ kind: 'publish', added: 1200, removed: 1, changed: 3 });
    expect(words).toContain(`November 20, 2026 (data package version 1.3.0, ${label}): Added 2022. — 1,200 added, 1 removed, 3 changed`);
    expect(words).toContain(`(data package version 1.2.1, ${changeLabel({ kind: 'metadata', added: 0, removed: 0, changed: 0 })}): Title fixed.`);
    expect(words).toContain(`(data package version 1.2.0, ${changeLabel({ kind: 'publish', added: 0, removed: 2, changed: 1 })}): Fix.`);
    expect(html).toContain('<th scope="col">Geography</th><th scope="col">Age</th><th scope="col">Period</th><th scope="col">Estimate</th><th scope="col">95% interval</th>');
    expect(html).not.toContain('lang="en"');
  });

  it('says in Spanish when the dataset cannot be shown, keeping the reason in English', async () => {
    const html = await datasetPage('es', 'broken');
    expect(text(html)).toContain('Este conjunto de datos no se puede mostrar en este momento. Its file national-estimates.csv is missing.');
    expect(html).toContain('<span lang="en">Its file national-estimates.csv is missing.</span>');
    expect(text(html)).toContain('El resto del atlas no se ve afectado. Vuelva a intentarlo más tarde.');
  });
});

describe('the unavailable-data notice', () => {
  it('agrees in number in both languages and names the datasets in the page’s language', async () => {
    expect(await notice('es', 0)).toBe('');
    expect(text(await notice('es', 1))).toBe('Un conjunto de datos no está disponible en este momento, así que sus cifras no aparecen en esta página: Estimaciones nacionales, 2002–2024. El resto de la página no se ve afectado.');
    expect(text(await notice('es', 2))).toBe(
      '2 conjuntos de datos no están disponibles en este momento, así que sus cifras no aparecen en esta página: Estimaciones nacionales, 2002–2024, Estimaciones estatales, 2002–2019. El resto de la página no se ve afectado.',
    );
    expect(await notice('es', 1)).toContain('href="/es/datasets/national-estimates"');
    expect(text(await notice('en', 1))).toBe('One dataset is unavailable right now, so figures from it are left out of this page: National estimates, 2002–2024. Everything else on the page is unaffected.');
    expect(text(await notice('en', 2))).toBe(
      '2 datasets are unavailable right now, so figures from them are left out of this page: National estimates, 2002–2024, State estimates, 2002–2019. Everything else on the page is unaffected.',
    );
  });
});

describe('the messages of data and cite', () => {
  const keys = (o: unknown, prefix = ''): string[] =>
    Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

  it('have the same keys in both languages, and no ICU number formatting', () => {
    for (const ns of ['data', 'cite'] as const) {
      expect(keys(MESSAGES.es[ns]).sort(), ns).toEqual(keys(MESSAGES.en[ns]).sort());
      for (const locale of ['en', 'es'] as const) expect(JSON.stringify(MESSAGES[locale][ns]), `${locale}/${ns}`).not.toMatch(/#|, ?number/);
    }
  });
});
