import { describe, expect, it } from 'vitest';
import { wrapText } from '@/app/_components/charts/export-image';

const mono: (text: string) => number = (text) => text.length * 7;

describe('wrapText(text, width, measure)', () => {
  it('keeps every line of a long page address within the width, and loses no character', () => {
    const address = 'http://127.0.0.1:3150/?indicator=needing_not_receiving_specialty_tx&age=18-25&measure=count&geo=CA&period=2018-2019#ranking';
    const text = `${address} · downloaded 2026-12-02`;
    const lines = wrapText(text, 300, mono);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(300);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('cuts an address after a separator when one falls in the second half of the line', () => {
    const lines = wrapText('https://example.org/a-long-path-name/and?x=1&y=2', 210, mono);
    expect(lines[0]).toMatch(/[/?&=,.#_-]$/);
  });

  it('wraps words as before when they fit', () => {
    expect(wrapText('Source: SAMHSA tables', 100, mono)).toEqual(['Source: SAMHSA', 'tables']);
  });
});
