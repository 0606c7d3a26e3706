/**
 * The methodology and API pages in Spanish: every word of prose, table and label is Spanish under
 * /es, except what stays as published (SAMHSA's quotations, publication titles, code, URLs, field
 * and parameter names); the series and qualifiers come from the Spanish vocabulary and the
 * comparability claims from the localized package. English stays as it was.
 */
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { qualifierWords, seriesWords } from '@/lib/i18n/vocabulary';
import { getPackage } from '@/lib/store/live';
import { QUALIFIERS } from '@/lib/vocabulary/qualifiers';
import { SERIES } from '@/lib/vocabulary/series';

const current = globalThis as { __i18nMethodologyLocale?: Locale };
vi.mock('next-intl/server', () => ({
  getTranslations: async (o: { locale: Locale; namespace: string }) => createTranslator({ locale: o.locale, messages: MESSAGES[o.locale], namespace: o.namespace } as never),
}));
vi.mock('@/lib/i18n/navigation', () => ({
  Link: ({ href, children, prefetch: _p, ...rest }: { href: string; children: ReactNode; prefetch?: boolean }) =>
    createElement('a', { href: localePath(current.__i18nMethodologyLocale ?? 'en', href), ...rest }, children),
}));
vi.mock('@/lib/site/site-url', () => ({ requestSiteBase: async () => 'https://example.org' }));

type Page = (p: { params: Promise<{ locale: string }> }) => Promise<ReactNode>;
type Meta = (p: { params: Promise<{ locale: string }> }) => Promise<{ title?: unknown; description?: unknown; alternates?: { canonical?: unknown } }>;

const html: Record<string, string> = {};
const pages: Record<string, { page: Page; meta: Meta }> = {};

async function render(name: 'methodology' | 'api', locale: Locale): Promise<string> {
  current.__i18nMethodologyLocale = locale;
  return renderToStaticMarkup(await pages[name].page({ params: Promise.resolve({ locale }) }));
}

/** The page's text, with tags as "|" (so words in separate elements stay apart). */
const text = (s: string) =>
  s
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, '|')
    .replace(/\|+/g, '|')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Prose only: drops what may stay English (code, code samples, citations, SAMHSA's quotations in
 * “…”, the name of the survey and of the site, SAMHSA's table names and HTTP status words).
 */
const prose = (s: string) =>
  text(
    s
      .replace(/<code[^>]*>[\s\S]*?<\/code>/g, '')
      .replace(/<pre[\s\S]*?<\/pre>/g, '')
      .replace(/<blockquote[\s\S]*?<\/blockquote>/g, ''),
  )
    .replace(/“[^”]*”/g, '')
    .replace(/National Survey on Drug Use and Health|Substance Use Atlas|State-Specific Tables|Detailed Tables/g, '');

/** Common English words, as whole words (a Spanish word such as “orígenes” does not count). */
const ENGLISH_WORDS = /(?<![\p{L}\p{N}_])(the|this|that|which|with|every|figures?|when|where|are|is|of|and|or|in|to|for|not|see)(?![\p{L}\p{N}_])/giu;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
  const methodology = await import('@/app/[locale]/(site)/methodology/page');
  const api = await import('@/app/[locale]/(site)/api/page');
  pages.methodology = { page: methodology.default as unknown as Page, meta: methodology.generateMetadata as unknown as Meta };
  pages.api = { page: api.default as unknown as Page, meta: api.generateMetadata as unknown as Meta };
  for (const name of ['methodology', 'api'] as const) for (const locale of ['en', 'es'] as const) html[`${name}:${locale}`] = await render(name, locale);
});
afterAll(() => {
  vi.useRealTimers();
});

describe('the methodology page', () => {
  it('keeps its English', () => {
    const en = text(html['methodology:en']);
    expect(en).toContain('|Methodology|How the numbers on this site are made, what they cover, and how to read them honestly.|');
    expect(en).toContain('|Past year|At least once in the 12 months before the survey interview.|');
    expect(en).toContain('Every figure on this site carries its |comparability series|. Charts draw each series as its own line');
    expect(en).toContain('|2021–present|');
    expect(en).toContain('SAMHSA pooled 2014 with 2015 in its 2014-2015 state estimates only for measures it found comparable (“estimates for measures that were not comparable between the 2 years could not be produced for this publication”)');
    // The quotation and its source are marked lang="en" (their own text nodes, hence the bars).
    expect(en).toContain('|“|Table 1. Marijuana Use in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs|” (|SAMHSA, 2014-2015 NSDUH State-Specific Tables (NSDUHsaeTotals2015.xlsx), table title|)|');
    expect(en).toContain('|Rounds to 0|');
    expect(en).toContain('https://example.org/data (accessed 2026-12-03).');
    expect(html['methodology:en']).toContain('<a href="/data">data</a>');
    expect(html['methodology:en']).toContain('aria-label="Measures comparable across 2015"');
  });

  it('is Spanish under /es, quoting SAMHSA in English with a Spanish explanation', async () => {
    const es = text(html['methodology:es']);
    expect(es).toContain('|Metodología|Cómo se obtienen las cifras de este sitio, qué abarcan y cómo leerlas con honestidad.|');
    expect(es).toContain('|En el último año|Al menos una vez en los 12 meses anteriores a la entrevista de la encuesta.|');
    expect(es).toContain('Cada cifra de este sitio lleva su |serie de comparabilidad|.');
    // The quotation stays as SAMHSA wrote it, with its meaning in Spanish beside it.
    expect(es).toContain(
      'en esa publicación no pudo dar estimaciones de las medidas que no eran comparables entre los dos años (“estimates for measures that were not comparable between the 2 years could not be produced for this publication”)',
    );
    expect(es).toContain('|De 2021 en adelante|');
    expect(es).toContain('|2002–2014|');
    expect(es).toContain('https://example.org/es/data (consultado el 2026-12-03).');
    expect(html['methodology:es']).toContain('<a href="/es/data">datos</a>');
    expect(html['methodology:es']).toContain('aria-label="Medidas comparables tras el rediseño de 2015"');
    expect(html['methodology:es']).toContain('aria-label="Series de comparabilidad"');
    // Series and qualifiers in the Spanish vocabulary.
    for (const s of SERIES) {
      const words = seriesWords(s.name, 'es');
      expect(es).toContain(`|${words?.title}|${s.name}|`);
      expect(es).toContain(`|${words?.comparability}|`);
    }
    for (const q of QUALIFIERS) expect(es).toContain(`|${qualifierWords(q.code, 'es')?.label}|${qualifierWords(q.code, 'es')?.description}|`);
    // Each table title is introduced by the package's claim in Spanish, and cites its table without ", table title".
    const pkg = await getPackage('es');
    const claim = pkg.comparability.measures[0].evidence[1].claim;
    expect(claim).not.toMatch(/^Comparable between/);
    expect(es).toContain(`|${claim} Título de la tabla de SAMHSA: “|Table 1. Marijuana Use in the Past Year`);
    expect(es).toContain('(|SAMHSA, 2014-2015 NSDUH State-Specific Tables (NSDUHsaeTotals2015.xlsx)|)|');
    expect(es).not.toContain('table title');
    expect(es).toContain(`|Substance Use Atlas. ${pkg.title}, versión ${pkg.version}.`);
  });

  it('has no English prose under /es', () => {
    expect(prose(html['methodology:es']).match(ENGLISH_WORDS)).toBeNull();
  });

  it('names itself in each language, with alternates', async () => {
    const en = await pages.methodology.meta({ params: Promise.resolve({ locale: 'en' }) });
    const es = await pages.methodology.meta({ params: Promise.resolve({ locale: 'es' }) });
    expect(en.title).toBe('Methodology');
    expect(en.alternates?.canonical).toBe('/methodology');
    expect(es.title).toBe('Metodología');
    expect(es.description).toMatch(/^Qué es la Encuesta Nacional sobre el Consumo de Drogas y la Salud/);
    expect(es.alternates?.canonical).toBe('/es/methodology');
  });
});

describe('the API page', () => {
  it('keeps its English, and documents lang', () => {
    const en = text(html['api:en']);
    expect(en).toContain('|API|Every figure on this site, as JSON or CSV, over plain HTTP.');
    expect(html['api:en']).toContain('(see <a href="/data#cite">how to cite</a>)');
    expect(en).toContain('|Parameters of /api/datasets/{id}|');
    expect(en).toContain('|lang|en (default) or es: the language of the answer’s metadata words (see |Language|).|');
    expect(en).toContain('|Language|Add |lang=es| to |/api/package|, |/api/datasets| or |/api/datasets/{id}| to get the metadata words in Spanish');
    expect(en).toContain('Data values and column names do not change.');
    expect(en).toContain('# intervals are columns ci_lower, ci_upper; never compare rows of different series');
    expect(html['api:en']).toContain('aria-label="curl example"');
    // English examples are as before: no lang.
    expect(html['api:en']).not.toContain('from=2021&amp;lang');
    expect(en).toContain("curl -sS 'https://example.org/api/datasets/national-estimates?indicator=sud_past_year&from=2021'");
  });

  it('is Spanish under /es, with ?lang=es in the examples that return metadata', () => {
    const es = text(html['api:es']);
    expect(es).toContain('|API|Todas las cifras de este sitio, en JSON o CSV, por HTTP simple.');
    expect(html['api:es']).toContain('(vea <a href="/es/data#cite">cómo citar</a>)');
    expect(es).toContain('|Parámetros de /api/datasets/{id}|');
    expect(es).toContain('|Idioma|Agregue |lang=es| a |/api/package|, |/api/datasets| o |/api/datasets/{id}| para recibir en español');
    expect(es).toContain('Los valores de los datos y los nombres de las columnas no cambian.');
    expect(html['api:es']).toContain('<a href="/api/datasets?lang=es">/api/datasets?lang=es</a>');
    expect(es).toContain("curl -sS 'https://example.org/api/datasets/national-estimates?indicator=sud_past_year&from=2021&lang=es'");
    expect(es).toContain('fromJSON("https://example.org/api/datasets/national-estimates?indicator=sud_past_year&from=2021&lang=es")');
    // The CSV is the same in every language, so its URL takes no lang.
    expect(es).toContain('age_group=18-25&format=csv');
    expect(es).not.toContain('format=csv&lang');
    expect(es).toContain('# los intervalos están en las columnas ci_lower y ci_upper; nunca compare filas de series distintas');
    expect(html['api:es']).toContain('aria-label="Ejemplo en Python"');
    expect(html['api:es']).toContain('aria-label="Puntos de conexión de la API de lectura"');
  });

  it('has no English prose under /es', () => {
    const words = prose(html['api:es'])
      // Parameter values, names and HTTP words that stay as the API writes them.
      .replace(/Northeast, Midwest, South, West|Not Modified|Cache-Control: public, no-cache/g, '');
    expect(words.match(ENGLISH_WORDS)).toBeNull();
  });

  it('names itself in each language, with alternates', async () => {
    const es = await pages.api.meta({ params: Promise.resolve({ locale: 'es' }) });
    expect(es.title).toBe('API');
    expect(es.description).toMatch(/^Una API de solo lectura/);
    expect(es.alternates?.canonical).toBe('/es/api');
  });
});
