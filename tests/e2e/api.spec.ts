import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { ingest } from '../../lib/import/ingest';
import { readZip } from '../../lib/format/zip';
import { findRow, rows, STATE_FILE } from './data';

// Real HTTP against the production server (run in the desktop project only: no browser involved).
const DATA = path.join(__dirname, '..', '..', 'data');
const STATE = '/api/datasets/state-estimates-2002-2019';
/** The file the national source cites for the sentence behind every figure (a path beside datapackage.json). */
const QUOTES = 'sources/nsduh-national/quotes.md';

/** A GET with headers of our choosing (fetch and Playwright set their own Host and decode bodies), over real HTTP: the bytes as sent. */
function rawGet(base: string, pathname: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}
const getWithHost = (base: string, pathname: string, host: string) => rawGet(base, pathname, { host });
const knownIndicators = new Set(JSON.parse(readFileSync(path.join(DATA, 'datapackage.json'), 'utf8')).indicators.map((i: { name: string }) => i.name) as string[]);

test.describe('read API', () => {
  test('GET /api/datasets lists every dataset with its coverage', async ({ request }) => {
    const res = await request.get('/api/datasets');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.datasets.map((d: { id: string }) => d.id)).toEqual(['national-estimates', 'state-estimates-2002-2019', 'state-estimates-2021-on']);
    const state = body.datasets[1];
    expect(state.observations).toBe(rows(STATE_FILE).length);
    expect(state.geographies).toHaveLength(56);
    expect(state.csv).toBe(`${STATE}?format=csv`);
  });

  test('the retired 2018-2019 dataset address answers with its period of the dataset that holds every state release', async ({ request }) => {
    const res = await request.get('/api/datasets/state-estimates-2018-2019?indicator=sud_past_year', { maxRedirects: 0 });
    expect(res.status()).toBe(308);
    const to = new URL(res.headers().location, 'http://x');
    expect(to.pathname).toBe(STATE);
    expect(to.searchParams.get('period')).toBe('2018-2019');
    expect(to.searchParams.get('indicator')).toBe('sud_past_year');
    const followed = await (await request.get('/api/datasets/state-estimates-2018-2019?indicator=sud_past_year')).json();
    expect(new Set(followed.observations.map((o: { period: string }) => o.period))).toEqual(new Set(['2018-2019']));
    expect(followed.observations).toHaveLength(2 * 56 * 5);
  });

  test('every filter narrows the observations as the data says', async ({ request }) => {
    const all = rows(STATE_FILE);
    const cases: Array<[string, (r: Record<string, string>) => boolean]> = [
      ['indicator=sud_past_year', (r) => r.indicator === 'sud_past_year'],
      ['geography=CA,TX', (r) => ['CA', 'TX'].includes(r.geography)],
      ['age_group=18-25', (r) => r.age_group === '18-25'],
      ['age_group=12%2B', (r) => r.age_group === '12+'],
      ['period=2018-2019', (r) => r.period === '2018-2019'],
      ['unit=thousands', (r) => r.unit === 'thousands'],
      // from/to: periods that start on or after `from` and end on or before `to`.
      ['from=2018&to=2019', (r) => r.period === '2018-2019'],
      ['from=2019', () => false],
      ['to=2018', (r) => Number(r.period.slice(-4)) <= 2018],
      ['from=2009&to=2011', (r) => Number(r.period.slice(0, 4)) >= 2009 && Number(r.period.slice(-4)) <= 2011],
      ['indicator=sud_past_year,aud_past_year&geography=US&unit=percent', (r) => ['sud_past_year', 'aud_past_year'].includes(r.indicator) && r.geography === 'US' && r.unit === 'percent'],
    ];
    // Two states beside each filter that names no place: the same filters, answers of a few
    // thousand rows instead of 140,000 (the whole file is the CSV test's).
    for (const [query, keep] of cases) {
      const alone = query.includes('geography=');
      const asked = alone ? query : `${query}&geography=OH,TX`;
      const body = await (await request.get(`${STATE}?${asked}`)).json();
      expect(body.count, asked).toBe(all.filter((r) => keep(r) && (alone || ['OH', 'TX'].includes(r.geography))).length);
    }
  });

  test('values come back exactly, as JSON and as CSV that data:check accepts', async ({ request }) => {
    const row = findRow(STATE_FILE, { indicator: 'sud_past_year', period: '2018-2019', geography: 'TX', age_group: '12+', unit: 'thousands' });
    const json = await (await request.get(`${STATE}?indicator=sud_past_year&period=2018-2019&geography=TX&age_group=12%2B&unit=thousands`)).json();
    expect(json.observations).toEqual([
      expect.objectContaining({ estimate: Number(row.estimate), ci_lower: Number(row.ci_lower), ci_upper: Number(row.ci_upper), source: row.source, series: row.series }),
    ]);
    const res = await request.get(`${STATE}?indicator=sud_past_year&format=csv`);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="state-estimates-2002-2019_sud_past_year_v[\d.]+\.csv"$/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    const csv = await res.body();
    const checked = await ingest(csv, { knownIndicators, collect: true });
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toEqual(rows(STATE_FILE).filter((r) => r.indicator === 'sud_past_year').map(() => expect.anything()));
    const parsed = Papa.parse<Record<string, string>>(csv.toString('utf8'), { header: true, skipEmptyLines: true }).data;
    expect(parsed.find((r) => r.period === '2018-2019' && r.geography === 'TX' && r.age_group === '12+' && r.unit === 'thousands')).toEqual(row);
  });

  test('bad requests get 400 or 404 JSON naming the bad parameter', async ({ request }) => {
    for (const [url, status, parameter] of [
      ['/api/datasets/nope', 404, 'id'],
      ['/api/datasets?x=1', 400, 'x'],
      ['/api/datasets/national-estimates?geography=Texas', 400, 'geography'],
      ['/api/datasets/national-estimates?age_group=adults', 400, 'age_group'],
      ['/api/datasets/national-estimates?indicator=unknown_thing', 400, 'indicator'],
      ['/api/datasets/national-estimates?period=20x4', 400, 'period'],
      ['/api/datasets/national-estimates?unit=percents', 400, 'unit'],
      ['/api/datasets/national-estimates?from=20', 400, 'from'],
      ['/api/datasets/national-estimates?to=2024x', 400, 'to'],
      ['/api/datasets/national-estimates?from=2020&to=2010', 400, 'from'],
      ['/api/datasets/national-estimates?format=xml', 400, 'format'],
      ['/api/datasets/national-estimates?geography=CA&geography=TX', 400, 'geography'],
      ['/api/datasets/national-estimates?geography=', 400, 'geography'],
      ['/api/datasets/national-estimates?colour=red', 400, 'colour'],
      ['/data/nothing.csv', 404, 'file'],
    ] as const) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(status);
      expect(res.headers()['content-type'], url).toContain('application/json');
      const body = await res.json();
      expect(body.error.parameter, url).toBe(parameter);
      expect(body.error.message.length, url).toBeGreaterThan(10);
    }
  });

  test('strong ETags: the same answer gets 304 on If-None-Match, another answer a new tag', async ({ request }) => {
    for (const url of ['/api/datasets', `${STATE}?indicator=sud_past_year`, `${STATE}?indicator=sud_past_year&format=csv`, '/api/package', '/api/openapi.json', '/data/datapackage.json']) {
      const first = await request.get(url);
      const etag = first.headers().etag;
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      expect(first.headers()['cache-control'], url).toBe('public, no-cache');
      const again = await request.get(url, { headers: { 'If-None-Match': etag } });
      expect(again.status(), url).toBe(304);
      expect(await again.body(), url).toHaveLength(0);
      const stale = await request.get(url, { headers: { 'If-None-Match': '"something-else"' } });
      expect(stale.status(), url).toBe(200);
    }
    const a = (await request.get(`${STATE}?indicator=sud_past_year`)).headers().etag;
    const b = (await request.get(`${STATE}?indicator=aud_past_year`)).headers().etag;
    expect(a).not.toBe(b);
  });

  test('CSV and JSON come brotli- or gzip-compressed to a client that accepts it, and decode to the same bytes', async ({ baseURL }) => {
    for (const url of ['/api/datasets/national-estimates?format=csv', `${STATE}?indicator=sud_past_year&format=csv`, `${STATE}?indicator=sud_past_year`]) {
      const plain = await rawGet(baseURL as string, url, {});
      expect(plain.status, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      for (const [accept, coding, decode] of [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
      ] as const) {
        const packed = await rawGet(baseURL as string, url, { 'accept-encoding': accept });
        expect(packed.headers['content-encoding'], `${url} ${accept}`).toBe(coding);
        expect(packed.headers.vary, url).toContain('Accept-Encoding');
        expect(packed.headers.etag, url).toBe(plain.headers.etag);
        expect(packed.body.length, url).toBeLessThan(plain.body.length / 3);
        expect(decode(packed.body).equals(plain.body), `${url} ${coding}`).toBe(true);
      }
    }
  });

  test('CORS: any origin may GET, and a preflight is answered', async ({ request }) => {
    const res = await request.get(`${STATE}?indicator=sud_past_year`, { headers: { Origin: 'https://researcher.example' } });
    expect(res.headers()['access-control-allow-origin']).toBe('*');
    expect(res.headers()['access-control-expose-headers']).toContain('ETag');
    const pre = await request.fetch(`${STATE}`, { method: 'OPTIONS', headers: { Origin: 'https://researcher.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' } });
    expect(pre.status()).toBe(204);
    expect(pre.headers()['access-control-allow-methods']).toContain('GET');
    expect(pre.headers()['access-control-allow-headers']).toContain('If-None-Match');
  });

  test('GET /api/package is a ZIP of the live files, byte for byte, with a README', async ({ request }) => {
    const res = await request.get('/api/package');
    expect(res.headers()['content-type']).toBe('application/zip');
    expect(res.headers()['content-disposition']).toMatch(/attachment; filename="substance-use-atlas-data_v[\d.]+\.zip"/);
    const entries = readZip(await res.body());
    const csvs = ['national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv'];
    expect(entries.map((e) => e.name).sort()).toEqual(['README.md', 'datapackage.json', ...csvs.flatMap((c) => [c, `${c}-metadata.json`]), QUOTES].sort());
    for (const name of ['datapackage.json', ...csvs, QUOTES]) {
      expect(entries.find((e) => e.name === name)?.data.equals(readFileSync(path.join(DATA, name))), name).toBe(true);
    }
    // The CSVW files are the ones served beside the CSVs under /data/.
    for (const c of csvs) expect(entries.find((e) => e.name === `${c}-metadata.json`)?.data.equals(await (await request.get(`/data/${c}-metadata.json`)).body()), c).toBe(true);
    const readme = entries.find((e) => e.name === 'README.md')?.data.toString('utf8') ?? '';
    expect(readme).toContain('## Methodology breaks');
    expect(readme).toContain('DSM-5_2021+');
  });

  test('the package is readable from /data/datapackage.json, with its CSVs beside it', async ({ request }) => {
    const descriptor = await (await request.get('/data/datapackage.json')).json();
    for (const r of descriptor.resources) {
      const res = await request.get(`/data/${r.path}`);
      expect(res.status()).toBe(200);
      expect((await res.body()).equals(readFileSync(path.join(DATA, r.path)))).toBe(true);
    }
  });

  test('the quotes file the national citation names is served at /data/sources/…, and nothing else there is', async ({ request }) => {
    const descriptor = await (await request.get('/data/datapackage.json')).json();
    expect(descriptor.resources.find((r: { name: string }) => r.name === 'national-estimates').sources[0].title).toContain(QUOTES);
    const res = await request.get(`/data/${QUOTES}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect((await res.body()).equals(readFileSync(path.join(DATA, QUOTES)))).toBe(true);
    // Files in data/sources/ that no source cites stay private to the repository.
    for (const other of ['/data/sources/nsduh-national/headline-figures.csv', '/data/sources/nsduh-national/other.md', '/data/sources/indicators.json']) {
      expect((await request.get(other)).status(), other).toBe(404);
    }
  });

  test('each CSV has CSVW metadata beside it, generated from its Table Schema', async ({ request }) => {
    const descriptor = await (await request.get('/data/datapackage.json')).json();
    for (const r of descriptor.resources as Array<{ path: string; schema: { fields: Array<{ name: string; constraints?: { required?: boolean } }>; primaryKey: string[] } }>) {
      const res = await request.get(`/data/${r.path}-metadata.json`);
      expect(res.status(), r.path).toBe(200);
      expect(res.headers()['content-type']).toBe('application/csvm+json; charset=utf-8');
      const meta = await res.json();
      expect(meta['@context'][0]).toBe('http://www.w3.org/ns/csvw');
      expect(meta.url).toBe(r.path);
      const header = readFileSync(path.join(DATA, r.path), 'utf8').split('\n', 1)[0].split(',');
      expect(meta.tableSchema.columns.map((c: { titles: string }) => c.titles)).toEqual(header);
      expect(meta.tableSchema.columns.map((c: { required: boolean }) => c.required)).toEqual(r.schema.fields.map((f) => f.constraints?.required === true));
      expect(meta.tableSchema.primaryKey).toEqual(r.schema.primaryKey);
    }
  });

  test('age_group=12+ written without %2B means 12+; any other spaced value is refused with how to write +', async ({ request }) => {
    const escaped = await (await request.get('/api/datasets/national-estimates?indicator=sud_past_year&age_group=12%2B')).json();
    expect(escaped.count).toBeGreaterThan(0);
    const raw = await request.get('/api/datasets/national-estimates?indicator=sud_past_year&age_group=12+');
    expect(raw.status()).toBe(200);
    const body = await raw.json();
    expect(body.filter.age_group).toEqual(['12+']);
    expect(body.observations).toEqual(escaped.observations);
    const wrong = await request.get('/api/datasets/national-estimates?age_group=13+');
    expect(wrong.status()).toBe(400);
    expect((await wrong.json()).error.message).toContain('%2B');
  });

  test('revision filters to the figures as first published or as restated, and refuses anything but whole numbers', async ({ request }) => {
    const national = rows('national-estimates.csv');
    for (const revision of ['0', '1']) {
      const body = await (await request.get(`/api/datasets/national-estimates?revision=${revision}`)).json();
      expect(body.count, revision).toBe(national.filter((r) => r.revision === revision).length);
      expect(new Set(body.observations.map((o: { revision: number }) => o.revision))).toEqual(new Set([Number(revision)]));
    }
    const restated = await request.get('/api/datasets/national-estimates?revision=1&format=csv');
    expect(restated.headers()['content-disposition']).toContain('revision-1');
    for (const bad of ['latest', '-1', '1.5', '']) {
      const res = await request.get(`/api/datasets/national-estimates?revision=${bad}`);
      expect(res.status(), bad).toBe(400);
      expect((await res.json()).error.parameter).toBe('revision');
    }
    const doc = await (await request.get('/api/openapi.json')).json();
    expect(doc.paths['/api/datasets/{id}'].get.parameters.map((p: { name: string }) => p.name)).toContain('revision');
  });

  test('with no SITE_URL, citations, API examples and the package README name the address the request came to', async ({ baseURL }) => {
    // Three pages and a package ZIP built afresh for a new address (30 MB of CSV to deflate).
    test.setTimeout(60_000);
    const host = 'example.test:8080';
    const api = (await getWithHost(baseURL as string, '/api', host)).body.toString('utf8');
    expect(api).toContain(`'http://example.test:8080/api/datasets/`);
    expect(api).not.toContain('localhost:3000/api/datasets');
    const data = (await getWithHost(baseURL as string, '/data', host)).body.toString('utf8');
    expect(data).toContain('http://example.test:8080/data (accessed');
    expect(data).toContain(`http://example.test:8080/data/${QUOTES}`);
    expect(data).toContain('<link rel="canonical" href="http://example.test:8080/data"/>');
    expect(data).not.toContain('localhost:3000');
    const robots = (await getWithHost(baseURL as string, '/robots.txt', host)).body.toString('utf8');
    expect(robots).toContain('Sitemap: http://example.test:8080/sitemap.xml');
    const zip = await getWithHost(baseURL as string, '/api/package', host);
    const readme = readZip(zip.body).find((e) => e.name === 'README.md')?.data.toString('utf8') ?? '';
    expect(readme).toContain(`http://example.test:8080/data/${QUOTES}`);
    expect(readme).not.toContain('localhost:3000');
  });

  test('GET /api/openapi.json documents the API', async ({ request }) => {
    const doc = await (await request.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api/datasets', '/api/datasets/{id}', '/api/package', '/api/openapi.json']);
  });
});
