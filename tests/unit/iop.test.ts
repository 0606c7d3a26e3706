import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationText, IOP_SOURCES } from '@/lib/data/iop';

const PAGE = readFileSync(path.join(__dirname, '..', '..', 'app', '[locale]', '(site)', 'iop', 'page.tsx'), 'utf8');

describe('IOP_SOURCES', () => {
  it('gives every source a publisher, a title, a public https address and a plausible year', () => {
    for (const [id, s] of Object.entries(IOP_SOURCES)) {
      const url = new URL(s.url);
      expect(url.protocol, id).toBe('https:');
      expect(url.hostname, id).toMatch(/\.(gov|org|com)$/);
      expect(s.publisher.length, id).toBeGreaterThan(3);
      expect(s.title.length, id).toBeGreaterThan(3);
      if (s.year !== null) expect(Number(s.year), id).toBeGreaterThanOrEqual(2006);
    }
    const urls = Object.values(IOP_SOURCES).map((s) => s.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('is cited by the IOP page, every entry of it', () => {
    const cited = new Set([...PAGE.matchAll(/<Cite ids=\{\[([^\]]+)\]\}/g)].flatMap((m) => [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1])));
    expect([...cited].sort()).toEqual(Object.keys(IOP_SOURCES).sort());
  });
});

describe('citationText(id)', () => {
  it('reads publisher, “title” (year)', () => {
    expect(citationText('narcanOtc')).toBe(
      'U.S. Food and Drug Administration (FDA), “FDA Approves First Over-the-Counter Naloxone Nasal Spray (press release, March 29, 2023)” (2023)',
    );
    expect(citationText('tip47')).toBe('SAMHSA, “Substance Abuse: Clinical Issues in Intensive Outpatient Treatment (TIP 47)” (2006)');
  });

  it('says “web page” for a page kept up to date without a year', () => {
    expect(citationText('helpline')).toBe('SAMHSA, “National Helpline” (web page)');
  });
});
