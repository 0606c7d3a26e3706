import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvwFileOf, csvwMetadata } from '@/lib/data/csvw';
import { documentPaths, readDocument } from '@/lib/data/documents';
import { readPackage } from '@/lib/data/package';
import { packageReadme } from '@/lib/data/package-readme';
import { siteCitation, sourceCitations } from '@/lib/site/citation';
import { siteUrlFromHeaders } from '@/lib/site/site-url';

const ROOT = path.join(__dirname, '..', '..');
const SITE = 'http://example.test:8080';
const pkgPromise = readPackage(path.join(ROOT, 'data'));

describe('sourceCitations(resource, site)', () => {
  it('gives every BibTeX entry a year and every RIS entry a PY, and no title is a sentence about a file', async () => {
    const pkg = await pkgPromise;
    const citations = pkg.resources.flatMap((r) => sourceCitations(r, SITE));
    expect(citations.length).toBeGreaterThanOrEqual(pkg.resources.length);
    for (const c of [...citations, siteCitation(pkg, SITE, new Date('2026-12-02T00:00:00Z'))]) {
      expect(c.bibtex, c.label).toMatch(/\n {2}year = \{\d{4}(--\d{4})?\},\n/);
      expect(c.ris, c.label).toMatch(/\nPY {2}- \d{4}\n/);
      const title = /\n {2}title = \{(.*)\},\n/.exec(c.bibtex)?.[1] ?? '';
      expect(title, c.label).not.toMatch(/quotes\.md|\.md\b|;/);
      expect(/\nTI {2}- (.*)\n/.exec(c.ris)?.[1], c.label).not.toMatch(/quotes\.md|;/);
    }
  });

  it('names the national figures’ quotes file by its address on the site, and the years the data cover', async () => {
    const pkg = await pkgPromise;
    const national = pkg.resources.find((r) => r.name === 'national-estimates');
    if (!national) throw new Error('no national dataset');
    const [c] = sourceCitations(national, SITE);
    const years = national.coverage?.periods ?? [];
    const first = years[0].slice(0, 4);
    const last = years.at(-1)?.slice(-4);
    expect(c.bibtex).toContain(`  year = {${first}--${last}},`);
    expect(c.bibtex).toContain(`  note = {The quotation for every figure is in ${SITE}/data/sources/nsduh-national/quotes.md},`);
    expect(c.ris).toContain(`N1  - The quotation for every figure is in ${SITE}/data/sources/nsduh-national/quotes.md\n`);
    expect(c.text).toContain(`${SITE}/data/sources/nsduh-national/quotes.md`);
    expect(c.text).not.toContain(' sources/nsduh-national');
  });
});

describe('documentPaths(pkg)', () => {
  it('lists the quotes file the national source names, and it can be read', async () => {
    const pkg = await pkgPromise;
    expect(documentPaths(pkg)).toEqual(['sources/nsduh-national/quotes.md']);
    const bytes = await readDocument(pkg, 'sources/nsduh-national/quotes.md');
    expect(bytes?.equals(readFileSync(path.join(ROOT, 'data', 'sources', 'nsduh-national', 'quotes.md')))).toBe(true);
  });

  it('reads nothing the sources do not name', async () => {
    const pkg = await pkgPromise;
    expect(await readDocument(pkg, 'sources/nsduh-national/headline-figures.csv')).toBeNull();
    expect(await readDocument(pkg, 'sources/../datapackage.json')).toBeNull();
  });

  it('the package README lists the documents and the CSVW files, and cites with the site address', async () => {
    const pkg = await pkgPromise;
    const readme = packageReadme(pkg, SITE, new Date('2026-12-02T00:00:00Z'));
    expect(readme).toContain('`sources/nsduh-national/quotes.md`');
    for (const r of pkg.resources) expect(readme).toContain(`\`${csvwFileOf(r)}\``);
    expect(readme).toContain(`${SITE}/data/sources/nsduh-national/quotes.md`);
  });
});

describe('csvwMetadata(pkg, resource)', () => {
  it('describes the CSV’s columns in its header order, and the live files’ rows (the first 5,000 of each) fit the declared datatypes', async () => {
    const pkg = await pkgPromise;
    for (const resource of pkg.resources) {
      const meta = csvwMetadata(pkg, resource) as { url: string; tableSchema: { columns: Array<{ name: string; titles: string; required: boolean; datatype: { base: string; format?: string; minimum?: number; maxLength?: number } }>; primaryKey: string[] } };
      expect(meta.url).toBe(resource.path);
      const { data } = Papa.parse<string[]>(readFileSync(path.join(ROOT, 'data', resource.path), 'utf8').trimEnd(), { dynamicTyping: false, preview: 5000 });
      const [header, ...rows] = data;
      expect(meta.tableSchema.columns.map((c) => c.titles)).toEqual(header);
      expect(meta.tableSchema.primaryKey).toEqual(resource.schema.primaryKey);
      // Checked by hand, not by one expect per cell (70,000 cells).
      const problems: string[] = [];
      meta.tableSchema.columns.forEach((column, i) => {
        const format = column.datatype.format ? new RegExp(column.datatype.format) : null;
        const { base, minimum, maxLength } = column.datatype;
        for (const row of rows) {
          const cell = row[i];
          const bad =
            cell === ''
              ? column.required
              : (format !== null && !format.test(cell)) ||
                (base === 'integer' && !/^\d+$/.test(cell)) ||
                (base === 'double' && !Number.isFinite(Number(cell))) ||
                (minimum !== undefined && Number(cell) < minimum) ||
                (maxLength !== undefined && cell.length > maxLength);
          if (bad && problems.length < 5) problems.push(`${resource.path} ${column.name}: “${cell}”`);
        }
      });
      expect(problems).toEqual([]);
    }
  });

  it('turns an enum into an anchored pattern that refuses other values', async () => {
    const pkg = await pkgPromise;
    const meta = csvwMetadata(pkg, pkg.resources[0]) as { tableSchema: { columns: Array<{ name: string; datatype: { format?: string } }> } };
    const age = new RegExp(meta.tableSchema.columns.find((c) => c.name === 'age_group')?.datatype.format ?? '');
    expect(age.test('12+')).toBe(true);
    expect(age.test('12')).toBe(false);
    expect(age.test('12++')).toBe(false);
  });
});

describe('siteUrlFromHeaders(headers)', () => {
  afterEach(() => vi.unstubAllEnvs());
  const h = (init: Record<string, string>) => new Headers(init);

  it('uses the Host the request came to when SITE_URL is not set', () => {
    vi.stubEnv('SITE_URL', '');
    expect(siteUrlFromHeaders(h({ host: 'example.test:8080' })).origin).toBe('http://example.test:8080');
  });

  it('believes X-Forwarded-Host and -Proto only behind trusted proxies', () => {
    vi.stubEnv('SITE_URL', '');
    const forwarded = h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'atlas.example.org', 'x-forwarded-proto': 'https' });
    vi.stubEnv('ATLAS_TRUSTED_PROXIES', '0');
    expect(siteUrlFromHeaders(forwarded).origin).toBe('http://127.0.0.1:3000');
    vi.stubEnv('ATLAS_TRUSTED_PROXIES', '1');
    expect(siteUrlFromHeaders(forwarded).origin).toBe('https://atlas.example.org');
  });

  it('prefers SITE_URL, and falls back to it for a Host that is not a host name', () => {
    vi.stubEnv('SITE_URL', 'https://atlas.example.org');
    expect(siteUrlFromHeaders(h({ host: 'example.test:8080' })).origin).toBe('https://atlas.example.org');
    vi.stubEnv('SITE_URL', '');
    for (const host of ['evil.test/"><script>', 'user@evil.test', 'a b']) expect(siteUrlFromHeaders(h({ host })).origin).toBe('http://localhost:3000');
  });
});
