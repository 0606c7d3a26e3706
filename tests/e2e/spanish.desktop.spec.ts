import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { rows, STATE_FILES } from './data';
import { PAGES } from './pages';

/** Every public page in Spanish (the English list with /es in front), plus more state pages and embeds. */
export const SPANISH_PAGES = [
  ...PAGES.map((p) => (p === '/' ? '/es' : p.startsWith('/?') ? `/es${p.slice(1)}` : `/es${p}`)),
  '/es/states/NY',
  '/es/datasets/state-estimates-2021-on',
  '/es/embed/ranking',
  '/es/embed/state-trend?geo=CO',
];

/**
 * Words that are English and not Spanish (so not "alcohol", "mental", "comparable", "ranking",
 * "cite" or "use", which Spanish writes too). A Spanish page may show English only in the names,
 * codes and sources allowed below, or where it marks it with lang="en" (what a screen reader needs
 * to pronounce it). Code (<code>, <pre>, <kbd>, <samp>) is not prose.
 */
const ENGLISH = new Set(
  `the and of with for from by this that these those are is was were been have had will would
  could should might must not or at on in it its they their them we our you your which who what
  when where how why people aged older years year than more less most each every only also about
  after before between during over under through into out data source sources estimate estimates
  percent million millions thousand thousands state states national survey treatment disorder
  disorders past month chart charts table tables download downloads show hide view see read next
  previous back select choose measure measures age group groups trend trends share copy
  close open skip content page found help find call free click tap keyboard press highlighted
  lower upper interval intervals published methodology average annual received needed
  needing drug drugs illicit health dashboard image link embed code citation
  details detail values value shown missing gap unavailable available latest first last`.split(/\s+/),
);

/** Names, codes and marks that are the same on Spanish pages. */
const ALLOWED = [
  /Substance Use Atlas/g,
  /FindTreatment\.gov/g,
  /Substance Abuse and Mental Health Services Administration|Center for Behavioral Health Statistics and Quality|National Survey on Drug Use and Health/g,
  /Frictionless Data Package|CSV on the Web|Table Schema/g,
  // Names of laws, journals and SAMHSA's publications, given beside their Spanish.
  /Mental Health Parity and Addiction Equity Act|JMIR Mental Health|Psychiatric Services|Detailed Tables/g,
  /\b(SAMHSA|NSDUH|CORGIS|DSM-IV|DSM-5|IOP|CSV|JSON|ZIP|PNG|SVG|API|URL|UTC|CSVW|RIS|BibTeX|CSL)\b/g,
  /https?:\/\/\S+/g,
  /\/[\w\-/.?=&]+/g,
  // Codes: dataset and indicator identifiers (national-estimates, sud_past_year) and file names.
  /\b[a-z0-9]+(-[a-z0-9]+)+\b/g,
  /\b[a-z0-9]+(_[a-z0-9]+)+\b/g,
  /\b[\w-]+\.(csv|json|md|zip|png|svg)\b/g,
  // Titles of works and quotations, which the site always writes in curly quotes.
  /“[^”]*”/g,
];

/**
 * Sources as published: every observation's source and every dataset's, and SAMHSA's quotations
 * and their sources in the comparability registry. They are English, and stay so on Spanish pages.
 */
const SOURCES: string[] = (() => {
  const found = new Set<string>();
  for (const file of ['national-estimates.csv', ...STATE_FILES]) for (const r of rows(file)) found.add(r.source);
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'datapackage.json'), 'utf8')) as { resources: Array<{ sources: Array<{ title: string }> }>; comparability: unknown };
  for (const r of pkg.resources) for (const x of r.sources) found.add(x.title);
  JSON.stringify(pkg.comparability, (key, value: unknown) => {
    if ((key === 'quote' || key === 'source') && typeof value === 'string') found.add(value);
    return value;
  });
  // A page may show a source up to its first colon ("…, Table 25. Substance Use Disorder in the Past Year").
  for (const x of [...found]) if (x.includes(': ')) found.add(x.slice(0, x.indexOf(': ')));
  return [...found].filter((x) => x.length > 3).sort((a, b) => b.length - a.length);
})();

/** Every word on the page a reader or a screen reader meets, outside lang="en" parts and code. */
async function spanishText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title, document.querySelector('meta[name="description"]')?.getAttribute('content') ?? ''];
    const skip = (el: Element | null) => !!el && (!!el.closest('script, style, template, noscript, code, pre, kbd, samp') || (el.closest('[lang]')?.getAttribute('lang') ?? 'es').startsWith('en'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) parts.push(n.textContent ?? '');
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-roledescription], [aria-description]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription', 'aria-description']) parts.push(el.getAttribute(attr) ?? '');
    }
    return parts.join('\n');
  });
}

function englishWords(text: string): string[] {
  let rest = text;
  for (const source of SOURCES) if (rest.includes(source)) rest = rest.split(source).join(' ');
  for (const re of ALLOWED) rest = rest.replace(re, ' ');
  const found = new Map<string, string>();
  for (const line of rest.split('\n')) {
    for (const word of line.split(/[^A-Za-zÀ-ÿ'’]+/)) {
      if (ENGLISH.has(word.toLowerCase())) found.set(word.toLowerCase(), line.trim().slice(0, 120));
    }
  }
  return [...found].map(([w, line]) => `${w}: “${line}”`);
}

test.describe('every Spanish page', () => {
  test.describe.configure({ timeout: 90_000 });
  for (const path of SPANISH_PAGES) {
    test(`${path} is in Spanish: <html lang="es">, no English outside lang="en", no message key shown`, async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      const text = await spanishText(page);
      expect(englishWords(text)).toEqual([]);
      // A missing message shows its key ("charts.trend.title"): never on a page.
      expect(text.match(/\b(common|format|charts|dashboard|cite|states|iop|methodology|data|api)\.[a-z]\w*(\.\w+)*\b/g) ?? []).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});

test('each page names its other language (hreflang), and its canonical address is its own', async ({ page }) => {
  for (const [path, en] of [
    ['/es/states/CO', '/states/CO'],
    ['/es/iop', '/iop'],
  ] as const) {
    await page.goto(path);
    const origin = new URL(page.url()).origin;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}${path}`);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `${origin}${en}`);
    await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', `${origin}${path}`);
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute('href', `${origin}${en}`);
  }
});

test('the language switch keeps the view: page, measure, place and years', async ({ page }) => {
  const query = '?indicator=mde_past_year&geo=CO';
  await page.goto(`/${query}`);
  const here = () => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };
  await page.getByRole('link', { name: 'Esta página en español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(here()).toBe(`/es${query}`);
  await expect(page.getByLabel('Lugar')).toHaveValue('CO');
  await page.getByRole('link', { name: 'This page in English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(here()).toBe(`/${query}`);
});

test.describe('a browser that asks for Spanish', () => {
  test.use({ locale: 'es-MX', extraHTTPHeaders: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } });
  test('is offered the Spanish page, never redirected to it', async ({ page }) => {
    const response = await page.goto('/states/CO');
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    await expect(page).toHaveURL(/\/states\/CO$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const offer = page.locator('.language-suggestion');
    await expect(offer).toHaveAttribute('lang', 'es');
    await expect(offer.getByRole('link', { name: 'Ver en español' })).toHaveAttribute('href', '/es/states/CO');
  });
});

test('a browser that asks for English is offered nothing, and /en/… goes to the English address', async ({ page, request }) => {
  await page.goto('/states/CO');
  await expect(page.locator('.language-suggestion')).toHaveCount(0);
  const res = await request.get('/en/states/CO', { maxRedirects: 0 });
  expect([307, 308]).toContain(res.status());
  expect(new URL(res.headers().location!, 'http://x').pathname).toBe('/states/CO');
});

test('an unknown Spanish address is a Spanish 404', async ({ page }) => {
  const response = await page.goto('/es/no-existe');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
  await expect(page.getByRole('link', { name: 'Vaya al panel' })).toHaveAttribute('href', '/es');
});

test('staff pages say they are in English only', async ({ page }) => {
  await page.goto('/admin/login');
  await expect(page.locator('.language-absent')).toHaveText('Staff pages are in English only.');
});

test('the sitemap lists every page in both languages, each with its alternates', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const path of ['/', '/states', '/states/CO', '/iop', '/methodology', '/data', '/api', '/datasets/national-estimates']) {
    expect(locs).toContain(path);
    expect(locs).toContain(path === '/' ? '/es' : `/es${path}`);
  }
  expect(xml).toContain('hreflang="es"');
});
