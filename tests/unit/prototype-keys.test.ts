/**
 * Names that live on Object.prototype ("constructor", "__proto__", "toString", …) fed to every
 * lookup of user text: SAMHSA titles, column groups and state cells, canonical cells, API filter
 * parameters and view parameters. A plain-object lookup would find the prototype's member and
 * turn it into data ("function Object() { [native code] }" as an indicator); every lookup here
 * must treat these names as the unknown text they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorOptions, parseView } from '@/lib/charts/view';
import { ageGroupFromLabel } from '@/lib/vocabulary/age-groups';
import { geographyByCode, geographyCodeFromName, geographyName } from '@/lib/vocabulary/geography';
import { ingest } from '@/lib/import/ingest';
import { parseFilter } from '@/lib/data/query';
import { qualifierByCode } from '@/lib/vocabulary/qualifiers';
import { indicatorFromMeasure, parseSamhsaTitle } from '@/lib/import/3-import-samhsa-table';
import { CANONICAL_COLUMNS, isIndicatorName } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import { unitByName } from '@/lib/vocabulary/units';
import { toCanonicalCsv } from '@/lib/format/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const TAB01 = readFileSync(path.join(ROOT, 'data/sources/samhsa-sae-2018-2019/percentages/NSDUHsaeExcelTab01-2019.csv'), 'utf8');
/** Ages 12 to 20, with measures as column groups ("Alcohol Use in Past Month Estimate", …). */
const TAB16 = readFileSync(path.join(ROOT, 'tests/fixtures/samhsa-family/NSDUHsaeExcelTab16-2019.csv'), 'utf8');

/** Every member of Object.prototype, plus names other built-ins and promises look for. */
const PROTO_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'then', 'length', 'name', 'caller', 'arguments'];
/** The same names as a person might type them in a title or a cell. */
const spellings = (name: string) => [name, name.toUpperCase(), name[0].toUpperCase() + name.slice(1), ` ${name} `, `${name} in the Past Year`];
const NASTY = PROTO_NAMES.flatMap(spellings);
const nasty = fc.constantFrom(...NASTY);

describe('lookups of names, codes and aliases never find Object.prototype members', () => {
  it('indicatorFromMeasure gives a string for every title, and a valid identifier or one the importer refuses', () => {
    fc.assert(
      fc.property(nasty, fc.string({ maxLength: 8 }), (name, extra) => {
        for (const measure of [name, `${extra}${name}`, `${name}${extra}`]) {
          const id = indicatorFromMeasure(measure);
          expect(typeof id).toBe('string');
          expect(id).not.toMatch(/function|native code|object Object/);
          if (id !== '') expect(/^[a-z0-9_]*$/.test(id)).toBe(true);
        }
      }),
      { seed: 9, numRuns: 400 },
    );
    expect(indicatorFromMeasure('Constructor')).toBe('constructor');
    expect(indicatorFromMeasure('__proto__')).toBe('proto'); // underscores at the edges are trimmed
    expect(indicatorFromMeasure('toString')).toBe('tostring');
  });

  it('geography, unit, series, qualifier and age lookups know none of them', () => {
    for (const name of NASTY) {
      expect(geographyCodeFromName(name)).toBeUndefined();
      expect(geographyByCode(name)).toBeUndefined();
      expect(geographyName(name)).toBe(name);
      expect(unitByName(name)).toBeUndefined();
      expect(seriesByName(name)).toBeUndefined();
      expect(qualifierByCode(name)).toBeUndefined();
      expect(ageGroupFromLabel(name)).toBeNull();
    }
  });

  it('a SAMHSA title naming one imports under a valid identifier, never a prototype member', async () => {
    for (const name of PROTO_NAMES.flatMap((n) => [n, n[0].toUpperCase() + n.slice(1)])) {
      const parsed = parseSamhsaTitle(`Table 1. ${name}, by Age Group and State: Percentages, Annual Averages Based on 2018 and 2019 NSDUHs`);
      expect(typeof parsed === 'string' ? parsed : parsed.table.measure).toBe(name);
      const result = await ingest(Buffer.from(TAB01.replace('Illicit Drug Use in the Past Month', name)), { knownIndicators: new Set(), collect: true });
      const ids = new Set([...result.rows.map((o) => o.indicator), ...result.indicators.map((i) => i.name)]);
      for (const id of ids) {
        expect(typeof id).toBe('string');
        expect(isIndicatorName(id)).toBe(true);
      }
      if (result.ok) {
        // What was imported reads back as valid canonical data, with the indicators it defined.
        const again = await ingest(Buffer.from(toCanonicalCsv(result.rows)), { knownIndicators: ids });
        expect(again.errors).toEqual([]);
      } else {
        expect(result.errors[0].message).toMatch(/indicator identifier/);
      }
    }
  });

  it('a SAMHSA column group or state cell naming one is an error with its row and column, not a crash', async () => {
    for (const name of PROTO_NAMES) {
      const byGroup = await ingest(Buffer.from(TAB16.replaceAll('Binge Alcohol Use in Past Month', name)), { knownIndicators: new Set(), collect: true });
      for (const o of byGroup.rows) expect(isIndicatorName(o.indicator)).toBe(true);
      for (const i of byGroup.indicators) expect(isIndicatorName(i.name)).toBe(true);

      const byState = await ingest(Buffer.from(TAB01.replace(/\nAlabama,|\n"?\d+"?,Alabama,/, (m) => m.replace('Alabama', name))), { knownIndicators: new Set(), collect: true });
      expect(byState.ok).toBe(false);
      expect(byState.errors[0]).toMatchObject({ column: 'State', code: 'constraint-error' });
      expect(byState.errors[0].message).toContain('is not a state');
    }
  });

  it('a canonical file with one in any column is refused cell by cell', async () => {
    const good = ['sud_past_year', '2014', 'US', '12+', 'millions', '21.5', '', '', '', 'DSM-IV_2002-2014', '0', '', 'SAMHSA', ''];
    for (const name of PROTO_NAMES) {
      for (const column of ['indicator', 'geography', 'age_group', 'unit', 'interval_type', 'series', 'qualifiers'] as const) {
        const row = [...good];
        row[CANONICAL_COLUMNS.indexOf(column)] = name;
        const result = await ingest(Buffer.from(`${CANONICAL_COLUMNS.join(',')}\n${row.join(',')}\n`), { knownIndicators: new Set(['sud_past_year']) });
        expect(result.ok, `${column}=${name}`).toBe(false);
        expect(result.errors.some((e) => e.row === 2 && e.column === column)).toBe(true);
      }
    }
  });

  it('API filters and dashboard view parameters treat them as unknown values and unknown parameters', () => {
    const known = new Set(['sud_past_year']);
    for (const name of PROTO_NAMES) {
      for (const key of ['indicator', 'geography', 'age_group', 'unit', 'period']) {
        const parsed = parseFilter(new URLSearchParams({ [key]: name }), known);
        expect('error' in parsed && parsed.error.parameter).toBe(key);
      }
      const unknownKey = parseFilter(new URLSearchParams([[name, 'x']]), known);
      expect('error' in unknownKey && unknownKey.error.parameter).toBe(name);
    }
    const options = indicatorOptions(
      [{ indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions', estimate: 21.5, ci_lower: null, ci_upper: null, interval_type: null, series: 'DSM-IV_2002-2014', revision: 0, qualifiers: [], source: 's', note: '' }],
      new Map([['sud_past_year', { title: 'SUD', definition: 'd' }]]),
    );
    for (const name of PROTO_NAMES) {
      const view = parseView({ indicator: name, age: name, trend: name, measure: name, geo: name, period: name }, options);
      expect(view).toMatchObject({ indicator: 'sud_past_year', age: '12+', geo: 'US' });
    }
  });
});
