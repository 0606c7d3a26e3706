/**
 * The message files (messages/{locale}/{namespace}.json) are complete and in use:
 * - every key exists in every language, with no empty message;
 * - each message parses as ICU and has the same markup tags in every language (arguments may
 *   differ: Spanish may need one English does not, e.g. to choose "el Distrito de Columbia");
 * - no message formats numbers itself ("{n, number}" or "#"): next-intl's plain "es" writes
 *   "21,5", not US Spanish's "21.5", so numbers arrive preformatted by lib/format/numbers.ts;
 * - every key is used somewhere in app/ or lib/ (see `usedKeys` for what counts);
 * - the Spanish data vocabulary names every code the data uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { AGE_GROUPS } from '@/lib/vocabulary/age-groups';
import { SERIES } from '@/lib/vocabulary/series';
import { UNITS } from '@/lib/vocabulary/units';
import { QUALIFIERS } from '@/lib/vocabulary/qualifiers';
import { CANONICAL_SCHEMA } from '@/lib/vocabulary/schema';

const ROOT = path.resolve(__dirname, '..', '..');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function namespaces(locale: string): Map<string, Map<string, string>> {
  const dir = path.join(ROOT, 'messages', locale);
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), flatten(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Tree)]),
  );
}

/** The argument names and tag names a message uses, and whether it formats a number itself. */
function shape(message: string): { names: string[]; formatsNumbers: boolean } {
  const names = new Set<string>();
  let formatsNumbers = false;
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) names.add(el.value);
      if (el.type === TYPE.number || el.type === TYPE.pound) formatsNumbers = true;
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        walk(el.children);
      }
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.date || el.type === TYPE.time) names.add(el.value);
    }
  };
  walk(parse(message));
  return { names: [...names].sort(), formatsNumbers };
}

const byLocale = new Map(LOCALES.map((l) => [l, namespaces(l)]));
const english = byLocale.get('en')!;

describe('message files', () => {
  it('hold one file per namespace in every language, the namespaces the site loads', () => {
    for (const locale of LOCALES) {
      expect([...byLocale.get(locale)!.keys()].sort(), locale).toEqual(Object.keys(MESSAGES[locale]).sort());
    }
  });

  it('have every key in every language, none empty', () => {
    const problems: string[] = [];
    for (const [ns, keys] of english) {
      for (const locale of LOCALES) {
        const other = byLocale.get(locale)!.get(ns) ?? new Map<string, string>();
        for (const key of keys.keys()) if (!other.has(key)) problems.push(`${locale}: ${ns}.${key} is missing`);
        for (const key of other.keys()) if (!keys.has(key)) problems.push(`${locale}: ${ns}.${key} is not in English`);
        for (const [key, text] of other) if (!text.trim()) problems.push(`${locale}: ${ns}.${key} is empty`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('parse as ICU, have the same tags in every language, and never format a number', () => {
    const problems: string[] = [];
    for (const [ns, keys] of english) {
      for (const [key, text] of keys) {
        const reference = shape(text);
        for (const locale of LOCALES) {
          const message = byLocale.get(locale)!.get(ns)?.get(key);
          if (message === undefined) continue;
          let s: ReturnType<typeof shape>;
          try {
            s = shape(message);
          } catch (err) {
            problems.push(`${locale}: ${ns}.${key} is not valid ICU (${(err as Error).message})`);
            continue;
          }
          if (s.formatsNumbers) problems.push(`${locale}: ${ns}.${key} formats a number itself ({n, number} or #); pass it preformatted`);
          const tags = (names: string[]) => names.filter((n) => n.startsWith('<')).join(', ');
          if (tags(s.names) !== tags(reference.names)) problems.push(`${locale}: ${ns}.${key} has tags ${tags(s.names) || 'none'}, English ${tags(reference.names) || 'none'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('are all used: every key is named in app/ or lib/', () => {
    const unused: string[] = [];
    const { literals, prefixes, suffixes } = sourceTokens();
    for (const [ns, keys] of english) {
      for (const key of keys.keys()) {
        if (!isUsed(key.split('.'), literals, prefixes, suffixes)) unused.push(`${ns}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });
});

describe('the Spanish data vocabulary', () => {
  const vocabulary = JSON.parse(readFileSync(path.join(ROOT, 'data/sources/translations/es/vocabulary.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'data/sources/translations/es/catalogue.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const indicators = JSON.parse(readFileSync(path.join(ROOT, 'data/sources/indicators.json'), 'utf8')) as { indicators: Array<{ name: string }> };

  it('names every place, age group, series, unit, qualifier, column and indicator', () => {
    const missing = (table: Record<string, unknown>, codes: readonly string[]) => codes.filter((c) => !table[c]);
    expect(missing(vocabulary.geography!, GEOGRAPHIES.map((g) => g.code))).toEqual([]);
    expect(missing(vocabulary.ageGroups!, AGE_GROUPS)).toEqual([]);
    expect(missing(vocabulary.series!, SERIES.map((s) => s.name))).toEqual([]);
    expect(missing(vocabulary.units!, UNITS.map((u) => u.name))).toEqual([]);
    expect(missing(vocabulary.qualifiers!, QUALIFIERS.map((q) => q.code))).toEqual([]);
    const columns = JSON.parse(readFileSync(path.join(ROOT, 'data/sources/translations/es/columns.json'), 'utf8')) as { fields: Record<string, unknown> };
    expect(missing(columns.fields, CANONICAL_SCHEMA.fields.map((f) => f.name))).toEqual([]);
    expect(missing(catalogue.indicators!, indicators.indicators.map((i) => i.name))).toEqual([]);
  });
});

/**
 * What the source says about message keys: every string literal ('a.b', "b"), and the fixed
 * parts of template literals — a part ending in "." before a substitution (`kinds.${k}`) names
 * every key under kinds; a part starting with "." after one (`${line.key}.name`) names every
 * key ending in .name.
 */
function sourceTokens(): { literals: Set<string>; prefixes: Set<string>; suffixes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs)$/.test(name)) files.push(full);
    }
  };
  walk(path.join(ROOT, 'app'));
  walk(path.join(ROOT, 'lib'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([^'\n\\]*)'|"([^"\n\\]*)"/g)) literals.add(m[1] ?? m[2] ?? '');
    for (const m of text.matchAll(/`([^`]*)`/g)) {
      const body = m[1] ?? '';
      if (!body.includes('${')) {
        literals.add(body);
        continue;
      }
      for (const part of body.split(/\$\{[^}]*\}/)) {
        if (part.endsWith('.')) prefixes.add(part.replace(/^.*?([\w.]+)$/, '$1'));
        if (part.startsWith('.')) suffixes.add(part.replace(/^([\w.]+).*$/s, '$1'));
      }
    }
  }
  return { literals, prefixes, suffixes };
}

function isUsed(segments: string[], literals: Set<string>, prefixes: Set<string>, suffixes: Set<string>): boolean {
  for (let i = 0; i < segments.length; i++) {
    const tail = segments.slice(i).join('.');
    if (literals.has(tail)) return true;
    if (i > 0 && suffixes.has(`.${tail}`)) return true;
  }
  for (let i = 1; i < segments.length; i++) {
    for (let j = 0; j < i; j++) if (prefixes.has(`${segments.slice(j, i).join('.')}.`)) return true;
  }
  return false;
}
