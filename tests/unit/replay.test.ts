/**
 * The read API's replay cache (lib/cli/replay.mjs) in front of a real HTTP server: what it keeps,
 * what it sends again, and that a changed datapackage.json ends every kept answer.
 */
import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterStamp, createReplay } from '../../lib/cli/replay.mjs';

let dir: string;
let server: Server;
let base: string;
let calls: string[];
let version: number;
let replay: ReturnType<typeof createReplay>;
let clockOffset: number;

/** Writes datapackage.json as a publish does (a new file renamed into place), dated `agoMs` back. */
function publish(agoMs = 5_000) {
  version += 1;
  const file = path.join(dir, 'datapackage.json');
  writeFileSync(`${file}.tmp`, JSON.stringify({ version }));
  const when = (Date.now() - agoMs) / 1000;
  utimesSync(`${file}.tmp`, when, when);
  renameSync(`${file}.tmp`, file);
}

/** Stands in for Next: answers from the current version, in two writes, as a stream would. */
function app(req: IncomingMessage, res: ServerResponse) {
  calls.push(req.url ?? '');
  const url = new URL(req.url ?? '/', 'http://x');
  const body = `v${version} ${url.pathname}${url.search} ${req.headers['accept-encoding'] ?? '-'}\n`.repeat(url.searchParams.has('big') ? 400 : 1);
  if (url.pathname === '/api/missing') {
    res.statusCode = 404;
    res.setHeader('Cache-Control', 'public, no-cache');
    res.setHeader('ETag', '"missing"');
    res.end('no');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (!url.searchParams.has('no-etag')) res.setHeader('ETag', `"v${version}-${url.pathname}${url.search}"`);
  res.setHeader('Cache-Control', url.searchParams.has('private') ? 'private, no-store' : 'public, no-cache');
  if (url.searchParams.has('cookie')) res.setHeader('Set-Cookie', 'a=b');
  res.write(body.slice(0, 3));
  res.end(body.slice(3));
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-replay-'));
  version = 0;
  calls = [];
  clockOffset = 0;
  publish();
  replay = createReplay({ packageFile: () => path.join(dir, 'datapackage.json'), maxBytes: 64 * 1024, maxBody: 8 * 1024, now: () => Date.now() + clockOffset });
  server = createServer((req, res) => {
    if (!replay.serve(req, res)) app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('replay cache', () => {
  it('sends a kept answer again with the same status, headers and body, without asking the app', async () => {
    const first = await get('/api/datasets/a?format=csv');
    const firstBody = await first.text();
    const second = await get('/api/datasets/a?format=csv');
    expect(await second.text()).toBe(firstBody);
    expect(firstBody).toBe('v1 /api/datasets/a?format=csv identity\n');
    expect(second.status).toBe(200);
    for (const name of ['content-type', 'etag', 'cache-control', 'vary', 'access-control-allow-origin']) expect(second.headers.get(name)).toBe(first.headers.get(name));
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)));
    expect(calls).toEqual(['/api/datasets/a?format=csv']);
    expect(replay.stats()).toMatchObject({ entries: 1, hits: 1 });
  });

  it('answers If-None-Match with 304 and no body, keeping the ETag and CORS headers', async () => {
    const etag = (await get('/api/datasets/a')).headers.get('etag')!;
    const again = await get('/api/datasets/a', { 'if-none-match': `W/${etag}, "other"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('content-type')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('keeps answers to different Accept-Encoding headers apart', async () => {
    await get('/api/datasets/a', { 'accept-encoding': 'br' });
    const plain = await get('/api/datasets/a', { 'accept-encoding': 'identity' });
    expect(await plain.text()).toContain('identity');
    const br = await get('/api/datasets/a', { 'accept-encoding': 'br' });
    expect(await br.text()).toContain(' br');
    expect(calls).toHaveLength(2);
  });

  it('keeps answers for different site addresses apart (links and the ZIP name the site)', async () => {
    await get('/api/package', { 'x-forwarded-host': 'a.example' });
    await get('/api/package', { 'x-forwarded-host': 'b.example' });
    await get('/api/package', { 'x-forwarded-host': 'a.example' });
    expect(calls).toHaveLength(2);
  });

  it('asks the app again once an answer is a minute old (the ZIP names the day)', async () => {
    await get('/api/package');
    clockOffset = 59_000;
    await get('/api/package');
    expect(calls).toHaveLength(1);
    clockOffset = 61_000;
    await get('/api/package');
    expect(calls).toHaveLength(2);
  });

  it('ends every kept answer when datapackage.json is replaced, even at the same size', async () => {
    await get('/api/datasets/a');
    publish();
    const after = await get('/api/datasets/a');
    expect(await after.text()).toBe('v2 /api/datasets/a identity\n');
    expect(calls).toHaveLength(2);
    // …and keeps the new answer.
    expect(await (await get('/api/datasets/a')).text()).toBe('v2 /api/datasets/a identity\n');
    expect(calls).toHaveLength(2);
  });

  it('keeps nothing in the second after the data changed (the store may still hold the old data)', async () => {
    publish(0);
    await get('/api/datasets/a');
    await get('/api/datasets/a');
    expect(calls).toHaveLength(2);
    expect(replay.stats().entries).toBe(0);
  });

  it('keeps nothing while there is no datapackage.json', async () => {
    rmSync(path.join(dir, 'datapackage.json'));
    await get('/api/datasets/a');
    await get('/api/datasets/a');
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['an answer without an ETag', '/api/datasets/a?no-etag'],
    ['a private answer', '/api/datasets/a?private'],
    ['an answer that sets a cookie', '/api/datasets/a?cookie'],
    ['an answer other than 200', '/api/missing'],
    ['a page outside /api/', '/datasets/a'],
    ['a staff API answer', '/api/admin/uploads'],
    ['a body over the size limit', '/api/datasets/a?big'],
  ])('passes %s through every time', async (_label, address) => {
    await get(address);
    await get(address);
    expect(calls).toEqual([address, address]);
  });

  it('passes HEAD and range requests through', async () => {
    await get('/api/datasets/a');
    await fetch(`${base}/api/datasets/a`, { method: 'HEAD' });
    await get('/api/datasets/a', { range: 'bytes=0-1' });
    expect(calls).toHaveLength(3);
  });

  it('drops the least recently used answers beyond its byte budget', async () => {
    // Each answer is about 6 kB; the budget is 64 kB.
    for (let i = 0; i < 14; i++) await get(`/api/datasets/d${i}?pad=${'x'.repeat(6_000)}`);
    const { entries, bytes } = replay.stats();
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    expect(entries).toBeLessThan(14);
    calls = [];
    await get(`/api/datasets/d13?pad=${'x'.repeat(6_000)}`);
    await get(`/api/datasets/d0?pad=${'x'.repeat(6_000)}`);
    expect(calls).toEqual([`/api/datasets/d0?pad=${'x'.repeat(6_000)}`]);
  });
});

describe('replay cache stamped by a change counter (the PostgreSQL store)', () => {
  it('replays while the counter holds, keeps nothing in the second after it moves, and nothing while it is unknown', async () => {
    let counter: { value: string; changedAt: number } | null = { value: 'g1', changedAt: Date.now() - 5_000 };
    replay = createReplay({ stamp: counterStamp(() => counter), maxBytes: 64 * 1024, maxBody: 8 * 1024 });
    await get('/api/datasets/a');
    await get('/api/datasets/a');
    expect(calls).toHaveLength(1);
    // The counter moves (a publish on any server): the kept answer ends, and for a second nothing is kept.
    publish();
    counter = { value: 'g2', changedAt: Date.now() };
    expect(await (await get('/api/datasets/a')).text()).toBe('v2 /api/datasets/a identity\n');
    await get('/api/datasets/a');
    expect(calls).toHaveLength(3);
    counter = { value: 'g2', changedAt: Date.now() - 1_500 };
    await get('/api/datasets/a');
    await get('/api/datasets/a');
    expect(calls).toHaveLength(4);
    // The database out of reach: every request goes to the app.
    counter = null;
    await get('/api/datasets/a');
    expect(calls).toHaveLength(5);
  });
});
