import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it, onTestFinished } from 'vitest';
import { packageReadme } from '@/lib/data/package-readme';
import { readPackage } from '@/lib/data/package';
import { applyFilter, parseFilter } from '@/lib/data/query';
import type { Observation } from '@/lib/vocabulary/schema';
import { createZip, crc32, readZip } from '@/lib/format/zip';
import { bodyCacheSize, cachedBody, conditionalResponse, etagOf, matches } from '@/lib/http/cache';
import { openApiDocument } from '@/lib/http/openapi';
import { siteCitation, sourceCitation } from '@/lib/site/citation';

const ROOT = path.join(__dirname, '..', '..');

describe('createZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes entries a ZIP reader gets back byte for byte, with UTF-8 names', () => {
    const files = [
      { name: 'datapackage.json', data: Buffer.from('{"a":1}') },
      { name: 'données.csv', data: Buffer.from('x,y\n1,2\n'.repeat(1000)) },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ];
    const zip = createZip(files, new Date('2026-11-26T12:00:00Z'));
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
    const back = readZip(zip);
    expect(back.map((f) => f.name)).toEqual(files.map((f) => f.name));
    back.forEach((f, i) => {
      expect(f.data.equals(files[i].data)).toBe(true);
      expect(f.crc).toBe(crc32(files[i].data));
    });
    expect(createZip(files, new Date('2026-11-26T12:00:00Z')).equals(zip)).toBe(true);
  });
});

describe('conditional requests', () => {
  it('etagOf is strong and changes with its inputs; If-None-Match matches weakly and in lists', () => {
    const tag = etagOf('a', 'b');
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(etagOf('a', 'c')).not.toBe(tag);
    const req = (h: string) => new Request('http://x/', { headers: { 'if-none-match': h } });
    expect(matches(req(tag), tag)).toBe(true);
    expect(matches(req(`W/${tag}`), tag)).toBe(true);
    expect(matches(req(`"other", ${tag}`), tag)).toBe(true);
    expect(matches(req('*'), tag)).toBe(true);
    expect(matches(req('"other"'), tag)).toBe(false);
  });

  it('builds a body once per ETag, keeps the cache within its byte budget, and answers 304 without a body', async () => {
    let built = 0;
    const make = () => {
      built++;
      return 'x'.repeat(1024 * 1024);
    };
    const first = cachedBody('t "a"', make);
    expect(cachedBody('t "a"', make)).toBe(first);
    expect(built).toBe(1);
    expect(new TextDecoder().decode(cachedBody('t "b"', () => 'é'))).toBe('é');
    // 250 different 1 MB bodies: the budget (192 MB) holds, and the oldest went first.
    for (let i = 0; i < 250; i++) cachedBody(`t "${i}"`, make);
    expect(bodyCacheSize().bytes).toBeLessThanOrEqual(192 * 1024 * 1024);
    expect(bodyCacheSize().entries).toBeGreaterThan(150);
    built = 0;
    cachedBody('t "a"', make);
    expect(built).toBe(1);

    const tag = etagOf('representation');
    const rep = { etag: tag, contentType: 'text/csv; charset=utf-8', filename: 'a b+c.csv', body: () => 'indicator\n' };
    const ok = await conditionalResponse(new Request('http://x/'), rep);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="a_b_c.csv"');
    expect(await ok.text()).toBe('indicator\n');
    const notModified = await conditionalResponse(new Request('http://x/', { headers: { 'if-none-match': tag } }), rep);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(tag);
    expect(await notModified.text()).toBe('');
  });

  it('sends text brotli- or gzip-compressed when the client accepts it, compressed once per ETag, and anything else as it is', async () => {
    // Compression needs the production server, which restores the Content-Encoding Next drops.
    const before = process.env.ATLAS_SERVER_ENCODES;
    delete process.env.ATLAS_SERVER_ENCODES;
    const unserved = await conditionalResponse(new Request('http://x/', { headers: { 'accept-encoding': 'br' } }), { etag: etagOf('unserved'), contentType: 'text/csv', body: () => 'x,'.repeat(4000) });
    expect(unserved.headers.get('content-encoding')).toBeNull();
    process.env.ATLAS_SERVER_ENCODES = '1';
    onTestFinished(() => {
      if (before === undefined) delete process.env.ATLAS_SERVER_ENCODES;
      else process.env.ATLAS_SERVER_ENCODES = before;
    });
    const csv = 'indicator,period,geography\n' + 'sud_past_year,2021,OH\n'.repeat(5000);
    let built = 0;
    const rep = { etag: etagOf('compressible'), contentType: 'text/csv; charset=utf-8', body: () => (built++, csv) };
    const ask = (accept?: string) => conditionalResponse(new Request('http://x/', { headers: accept === undefined ? {} : { 'accept-encoding': accept } }), rep);
    const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

    const br = await ask('gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('x-atlas-content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = await bytes(br);
    expect(brBody.length).toBeLessThan(csv.length / 20);
    expect(brotliDecompressSync(brBody).toString('utf8')).toBe(csv);

    const gz = await ask('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString('utf8')).toBe(csv);

    // q=0 refuses a coding; no header, or only unknown codings, get the bytes as they are.
    expect((await ask('br;q=0, gzip;q=0.5')).headers.get('content-encoding')).toBe('gzip');
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'compress']) {
      const plain = await ask(accept);
      expect(plain.headers.get('content-encoding'), String(accept)).toBeNull();
      expect((await bytes(plain)).toString('utf8')).toBe(csv);
    }
    // The same compressed bytes each time, from one build of the body.
    expect(await bytes(await ask('br'))).toEqual(brBody);
    expect(built).toBe(1);

    // A ZIP is compressed already, and a tiny body is not worth it.
    const zip = await conditionalResponse(new Request('http://x/', { headers: { 'accept-encoding': 'br, gzip' } }), { etag: etagOf('zip'), contentType: 'application/zip', body: () => new Uint8Array(4096) });
    expect(zip.headers.get('content-encoding')).toBeNull();
    const tiny = await conditionalResponse(new Request('http://x/', { headers: { 'accept-encoding': 'br, gzip' } }), { etag: etagOf('tiny'), contentType: 'application/json', body: () => '{}' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
  });
});

describe('the OpenAPI document', () => {
  it('validates against the OpenAPI 3.1 schema (ajv, via @seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument('1.0.0') as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator is not a rubber stamp: a response without a description fails.
    const broken = await new Validator().validate({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: { '/a': { get: { responses: { '200': {} } } } } });
    expect(broken.valid).toBe(false);
  });

  it('documents every filter the API accepts', () => {
    const params = (openApiDocument('1').paths['/api/datasets/{id}'].get.parameters as Array<{ name: string }>).map((p) => p.name);
    for (const name of ['id', 'indicator', 'geography', 'age_group', 'period', 'unit', 'from', 'to', 'format', 'If-None-Match']) expect(params).toContain(name);
  });
});

describe('citations and the package README', () => {
  it('cite SAMHSA and this site in plain text, BibTeX and RIS', async () => {
    const pkg = await readPackage(path.join(ROOT, 'data'));
    const state = pkg.resources.find((r) => r.name.startsWith('state-')) as (typeof pkg.resources)[number];
    const source = sourceCitation(state);
    expect(source.text).toMatch(/^Substance Abuse and Mental Health Services Administration, Center for Behavioral Health Statistics and Quality\. .*State-Specific Tables/);
    expect(source.bibtex).toMatch(/^@misc\{samhsa_state_estimates_2002_2019,[\s\S]*title = \{.*\},[\s\S]*\}$/);
    expect(source.ris.split('\n')[0]).toBe('TY  - DATA');
    expect(source.ris.split('\n').at(-1)).toBe('ER  - ');
    const site = siteCitation(pkg, 'https://example.org', new Date('2026-11-26T00:00:00Z'));
    expect(site.text).toContain('(accessed 2026-11-26)');
    expect(site.bibtex).toContain('urldate = {2026-11-26}');
    expect(site.ris).toContain('Y2  - 2026-11-26');
  });

  it('the package README lists the files, the columns, every methodology break and every indicator', async () => {
    const pkg = await readPackage(path.join(ROOT, 'data'));
    const readme = packageReadme(pkg, 'https://example.org', new Date());
    for (const r of pkg.resources) expect(readme).toContain(`\`${r.path}\``);
    for (const s of pkg.series) expect(readme).toContain(`\`${s.name}\``);
    for (const i of pkg.indicators) expect(readme).toContain(`(\`${i.name}\`)`);
    expect(readme).toContain('`ci_lower`');
    // The per-measure registry travels with the data: every listed indicator, and the restated-2021 rule.
    for (const m of pkg.comparability.measures) for (const i of m.indicators) expect(readme).toContain(`\`${i}\``);
    expect(readme).toContain('Which series each measure follows');
    expect(readme).toContain('updated 2021 estimates presented in the 2022 Detailed Tables');
  });
});

describe('filtering', () => {
  const o = (p: Partial<Observation>) => ({ indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'percent', ...p }) as Observation;
  it('combines every filter with AND and lists with OR', () => {
    const rows = [o({}), o({ geography: 'CA' }), o({ geography: 'TX', unit: 'thousands' }), o({ geography: 'CA', age_group: '18-25' }), o({ geography: 'CA', period: '2018-2019' })];
    const filter = (q: string) => applyFilter(rows, (parseFilter(new URLSearchParams(q), new Set(['sud_past_year'])) as { filter: object }).filter);
    expect(filter('geography=CA,TX')).toHaveLength(4);
    expect(filter('geography=CA,TX&unit=percent')).toHaveLength(3);
    expect(filter('geography=CA&age_group=18-25')).toHaveLength(1);
    expect(filter('from=2018')).toEqual([rows[4]]);
    expect(filter('to=2014')).toHaveLength(4);
    expect(filter('period=2014,2018-2019&geography=CA')).toHaveLength(3);
  });
});
