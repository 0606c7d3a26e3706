/**
 * Reads SAMHSA's NSDUH state-estimate web pages (saved HTML, data/sources/samhsa-state-web-pages)
 * into canonical observations, at build time. Three layouts are known, each checked table by table:
 *
 * - "counts": estimated numbers (in thousands) by age group and state, 2009-2010 and 2010-2011 —
 *   one <table> per measure, a row per state, an "(Estimate)" and a "(95% Confidence Interval)"
 *   column per age group (or per measure, with the ages in the caption), the interval printed
 *   "(a - b)" in one cell.
 * - "adult-change": percentages for persons aged 18 or older in 2008-2009 and 2009-2010, with
 *   SAMHSA's p value for the change between the two periods.
 * - "state-specific": 2011-2012 to 2016-2017, one table per geography and unit (numbers in
 *   thousands, percentages), measures as rows and the five age groups as columns, no intervals.
 *
 * Whatever does not fit a known layout is an error naming the file and the table; nothing is
 * guessed. Every observation is checked by the shared rules (4-validate.ts) before it is returned.
 */
import { ageGroupFromLabel } from '../vocabulary/age-groups';
import { seriesForIndicatorPeriod } from '../vocabulary/comparability';
import { geographyCodeFromName, geographyName, GEOGRAPHIES } from '../vocabulary/geography';
import type { IntervalType, Observation } from '../vocabulary/schema';
import { indicatorFromMeasure } from './3-import-samhsa-table';
import { ObservationRules } from './4-validate';
import { IssueLog } from './issues';

/** The indicators these pages may produce; a row that maps to none of them is skipped, with the reason. */
export const WEB_PAGE_INDICATORS: readonly string[] = [
  'illicit_drug_use_past_month',
  'marijuana_use_past_year',
  'marijuana_use_past_month',
  'illicit_drug_use_other_than_marijuana_past_month',
  'cocaine_use_past_year',
  'heroin_use_past_year',
  'nonmedical_use_of_pain_relievers_past_year',
  'pain_reliever_misuse_past_year',
  'great_risk_marijuana_monthly',
  'great_risk_binge_drinking_weekly',
  'great_risk_pack_a_day',
  'great_risk_trying_heroin',
  'great_risk_cocaine_monthly',
  'first_use_of_marijuana',
  'alcohol_use_past_month',
  'binge_alcohol_use_past_month',
  'tobacco_product_use_past_month',
  'cigarette_use_past_month',
  'illicit_drug_dependence_past_year',
  'illicit_drug_use_disorder_past_year',
  'alcohol_dependence_past_year',
  'aud_past_year',
  'sud_past_year',
  'pain_reliever_use_disorder_past_year',
  'needing_not_receiving_specialty_tx',
  'needing_not_receiving_specialty_tx_alcohol',
  'needing_not_receiving_specialty_tx_illicit_drug',
  'mde_past_year',
  'serious_mental_illness_past_year',
  'any_mental_illness_past_year',
  'serious_thoughts_of_suicide_past_year',
  'received_mental_health_services_past_year',
  'methamphetamine_use_past_year',
];
const KNOWN = new Set(WEB_PAGE_INDICATORS);

export type WebPageLayout = 'counts' | 'adult-change' | 'state-specific';

export interface WebPageTable {
  /** Table number as printed ("12"). */
  table: string;
  /** The caption, decoded, whitespace collapsed. */
  title: string;
  layout: WebPageLayout;
  /** 'thousands' or 'percent' (a first-use rate row in a percent table is 'percent_of_at_risk'). */
  unit: string;
  /** The table's period; for the adult-change tables, the later of the two. */
  period: string;
  /** The earlier period of an adult-change table (2008-2009). */
  comparedWith?: string;
  /** Geography code of a state-specific table. */
  geography?: string;
}

export interface WebPageResult {
  observations: Observation[];
  tables: WebPageTable[];
  /** What was left out, and why (one line per row label or cell pattern). */
  skipped: string[];
  /** Kept, but worth knowing (an interval SAMHSA did not print, say). */
  warnings: string[];
  /** The encoding the page declared and was decoded with. */
  encoding: 'utf-8' | 'windows-1252';
}

/** An unknown layout: names the file and, where there is one, the table. */
export class WebPageError extends Error {
  constructor(
    readonly file: string,
    readonly table: string | null,
    reason: string,
  ) {
    super(`${file}${table ? `, ${table}` : ''}: ${reason}`);
    this.name = 'WebPageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

/** Decodes with the charset the page declares (<meta charset> or http-equiv Content-Type). */
export function decodeHtml(bytes: Uint8Array, file: string): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  if (!m) throw new WebPageError(file, null, 'The page declares no character encoding (no <meta charset> in its first 4 KB).');
  const declared = m[1].toLowerCase();
  if (declared === 'utf-8' || declared === 'utf8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      throw new WebPageError(file, null, 'The page declares UTF-8 but its bytes are not valid UTF-8.');
    }
  }
  // Browsers read ISO-8859-1 and US-ASCII as Windows-1252 (WHATWG Encoding), and so do we.
  if (['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii'].includes(declared)) {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    return { text: latin1.replace(/[\u0080-\u009f]/g, (ch) => cp1252(ch.charCodeAt(0))), encoding: 'windows-1252' };
  }
  throw new WebPageError(file, null, `The page declares the character encoding “${m[1]}”, which this reader does not know.`);
}

// ---------------------------------------------------------------------------------------------
// A small HTML reader: enough for SAMHSA's machine-generated tables.

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', times: '×', divide: '÷',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', middot: '·', bull: '•', deg: '°', plusmn: '±', copy: '©',
  reg: '®', sect: '§', para: '¶', frac12: '½', frac14: '¼', frac34: '¾', le: '≤', ge: '≥', minus: '−', dagger: '†', Dagger: '‡',
  eacute: 'é', Eacute: 'É', egrave: 'è', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', shy: '\u00ad', thinsp: '\u2009',
  ensp: '\u2002', emsp: '\u2003',
};

/**
 * Windows-1252 characters for bytes 0x80–0x9F, where it differs from Latin-1 (Node 20's own
 * TextDecoder('windows-1252') decodes them as Latin-1 control characters). The five bytes
 * Windows-1252 leaves undefined keep their Latin-1 code point, as WHATWG Encoding says.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const cp1252 = (code: number) => String.fromCharCode(code >= 0x80 && code <= 0x9f ? CP1252_80_9F[code - 0x80] : code);

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // HTML maps numeric references 128–159 to Windows-1252 characters (&#150; is an en dash).
      if (code >= 128 && code <= 159) return cp1252(code);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Array<Element | string>;
}

const VOID = new Set(['br', 'img', 'meta', 'link', 'hr', 'input', 'col', 'area', 'base', 'wbr', 'source', 'param', 'embed', 'track']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Every top-level <table> of the document, as a small element tree. */
export function htmlTables(html: string, file: string): Element[] {
  const tables: Element[] = [];
  const stack: Element[] = [];
  const n = html.length;
  const lower = html.toLowerCase();
  let i = 0;
  const push = (node: Element | string) => {
    if (stack.length) stack[stack.length - 1].children.push(node);
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i && stack.length) push(decodeEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameMatch = /^[A-Za-z][A-Za-z0-9]*/.exec(html.slice(lt + (closing ? 2 : 1), lt + 40));
    if (!nameMatch) {
      // A lone "<" in text.
      if (stack.length) push('<');
      i = lt + 1;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    // Find the end of the tag, skipping quoted attribute values.
    let j = lt + (closing ? 2 : 1) + nameMatch[0].length;
    let quote = '';
    for (; j < n; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const inside = html.slice(lt + (closing ? 2 : 1) + nameMatch[0].length, j);
    i = j + 1;
    if (closing) {
      if (!stack.some((e) => e.tag === tag)) continue; // a stray end tag
      while (stack.length) {
        const open = stack.pop() as Element;
        if (open.tag === tag) break;
      }
      if (tag === 'table' && !stack.some((e) => e.tag === 'table')) stack.length = 0;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of inside.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    if (RAW_TEXT.has(tag)) {
      const end = lower.indexOf(`</${tag}`, i);
      i = end === -1 ? n : html.indexOf('>', end) + 1 || n;
      continue;
    }
    if (tag === 'table') {
      if (stack.some((e) => e.tag === 'table')) throw new WebPageError(file, null, 'A table is nested inside another table; this reader knows only flat tables.');
      const table: Element = { tag, attrs, children: [] };
      tables.push(table);
      stack.length = 0;
      stack.push(table);
      continue;
    }
    if (!stack.length) continue;
    const el: Element = { tag, attrs, children: [] };
    // A new row or cell closes an open cell or row (HTML's implied end tags).
    if (tag === 'tr' || tag === 'td' || tag === 'th') {
      for (let k = stack.length - 1; k >= 0; k--) {
        const open = stack[k].tag;
        if (open === 'table' || open === 'thead' || open === 'tbody' || open === 'tfoot' || (tag !== 'tr' && open === 'tr')) break;
        if (open === tag || (tag !== 'tr' && (open === 'td' || open === 'th'))) {
          stack.length = k;
          break;
        }
      }
    }
    push(el);
    if (!VOID.has(tag)) stack.push(el);
  }
  return tables;
}

const collapse = (s: string) => s.replace(/[\s\u00a0\u2002\u2003\u2009]+/g, ' ').trim();

/** Text of an element: <br> as a space; footnote <sup>s left out (and returned apart) unless `withSup`. */
function textOf(el: Element, withSup = false): { text: string; sups: string[] } {
  const sups: string[] = [];
  const walk = (node: Element | string): string => {
    if (typeof node === 'string') return node;
    if (node.tag === 'br') return ' ';
    if (node.tag === 'sup' && !withSup) {
      sups.push(collapse(node.children.map(walk).join('')));
      return '';
    }
    const inner = node.children.map(walk).join('');
    return node.tag === 'sup' || node.tag === 'sub' ? ` ${inner} ` : inner;
  };
  return { text: collapse(walk(el)), sups };
}

const childrenOf = (el: Element, tag: string) => el.children.filter((c): c is Element => typeof c !== 'string' && c.tag === tag);

interface Cell {
  header: boolean;
  scope: string;
  text: string;
  sups: string[];
}

interface TableParts {
  caption: string;
  head: Cell[][];
  body: Cell[][];
  foot: string;
}

function partsOf(table: Element): TableParts {
  const rowsOf = (section: Element | undefined): Cell[][] =>
    section
      ? childrenOf(section, 'tr').map((tr) =>
          tr.children
            .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
            .map((c) => ({ header: c.tag === 'th', scope: (c.attrs.scope ?? '').toLowerCase(), ...textOf(c) })),
        )
      : [];
  const caption = childrenOf(table, 'caption')[0];
  const foot = childrenOf(table, 'tfoot')[0];
  const bodies = childrenOf(table, 'tbody');
  return {
    caption: caption ? textOf(caption, true).text : '',
    head: rowsOf(childrenOf(table, 'thead')[0]),
    body: bodies.flatMap((b) => rowsOf(b)),
    foot: foot ? textOf(foot, true).text : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Markers SAMHSA and the CSV importer treat as a withheld figure (qualifier suppressed). */
const SUPPRESSED = new Set(['*', '**', '‡', 'N/A', 'NA', 'n/a']);
/**
 * "--": on the State-Specific Tables, whose legend reads "-- Not available.", it marks an age
 * group a measure has no estimate for (serious mental illness at 12-17, major depressive episode
 * at 12+, the other columns of the 12-to-20 rows): no observation, listed in `skipped`. Anywhere
 * else it is read as a withheld figure, as the CSV importer reads it.
 */
const NOT_AVAILABLE = new Set(['--', '—', '–']);
const COUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const PERCENT = /^\d+(?:\.\d+)?$/;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const INTERVAL = new RegExp(String.raw`^\(\s*${NUMBER}\s*[-–]\s*${NUMBER}\s*\)$`);

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

// ---------------------------------------------------------------------------------------------
// Labels → indicators

/**
 * Wordings of one measure that differ from the table titles indicatorFromMeasure knows. Each is
 * the same measure by SAMHSA's own definitions on the page (same footnote or formula).
 */
const TITLE_REWRITES: Array<[RegExp, string]> = [
  // "Past Month Use of Illicit Drugs Other Than Marijuana" (2011-2014 rows) is the measure the count tables title "Illicit Drug Use Other Than Marijuana in the Past Month".
  [/^Use of Illicit Drugs Other Than Marijuana\b/i, 'Illicit Drug Use Other Than Marijuana'],
  // Footnote: "Average annual number of marijuana initiates = X1 ÷ 2" — the count tables' "Average Annual Marijuana Initiates".
  [/^Average Annual Number of Marijuana Initiates$/i, 'Average Annual Marijuana Initiates'],
  // Footnote: "Average annual initiation of marijuana (%) = 100 × {[X1 ÷ (0.5 × X1 + X2)] ÷ 2}" — the 2011-2012 page's "Average Annual Rate of First Use of Marijuana".
  [/^Average Annual Incidence Estimates of First Use of Marijuana$/i, 'Average Annual Rate of First Use of Marijuana'],
];

/**
 * The indicator for a measure title, or the reason there is none. "Perception(s) of Great Risk
 * of/from …" is printed four ways across releases; the aliases know two of them, so each wording
 * is tried and the result must be one indicator.
 */
export function indicatorForTitle(title: string): { indicator: string } | { reason: string } {
  let found = TITLE_CACHE.get(title);
  if (!found) {
    found = mapTitle(title);
    TITLE_CACHE.set(title, found);
  }
  return found;
}
const TITLE_CACHE = new Map<string, { indicator: string } | { reason: string }>();

function mapTitle(title: string): { indicator: string } | { reason: string } {
  let t = collapse(title);
  for (const [re, to] of TITLE_REWRITES) t = t.replace(re, to);
  const risk = /^Perceptions? of Great Risk (?:of|from) (.+)$/i.exec(t);
  const candidates = risk ? ['Perception of Great Risk of', 'Perceptions of Great Risk from', 'Perception of Great Risk from', 'Perceptions of Great Risk of'].map((p) => `${p} ${risk[1]}`) : [t];
  const found = new Set(candidates.map((c) => indicatorFromMeasure(c)).filter((i) => KNOWN.has(i)));
  if (found.size === 1) return { indicator: [...found][0] };
  if (found.size > 1) return { reason: `“${t}” could be any of ${[...found].join(', ')}` };
  return { reason: `“${t}” gives ${indicatorFromMeasure(t)}, which is not one of the atlas's indicators` };
}

const AGED_12_TO_20 = /\s*\((?:Persons|Individuals|People) Aged 12 to 20\)\s*/i;

/**
 * A State-Specific Tables row label in SAMHSA's table-title form: "Past Month Illicit Drug Use" →
 * "Illicit Drug Use in the Past Month"; a row under a "PAST YEAR …" section gets "in the Past
 * Year"; "(Individuals Aged 12 to 20)" becomes the age group.
 */
export function rowTitle(label: string, section: string): { title: string; ages1220: boolean } {
  let t = collapse(label);
  const ages1220 = AGED_12_TO_20.test(t);
  t = collapse(t.replace(AGED_12_TO_20, ' '));
  const when = /^Past (Month|Year) (.+)$/i.exec(t);
  if (when) t = `${when[2]} in the Past ${when[1][0].toUpperCase()}${when[1].slice(1).toLowerCase()}`;
  else if (/\bPAST YEAR\b/i.test(section) && !/\bin (?:the )?Past (?:Year|Month)\b/i.test(t)) t = `${t} in the Past Year`;
  return { title: t, ages1220 };
}

// ---------------------------------------------------------------------------------------------
// Captions

const TABLE_PREFIX = /^Table\s+(\d+[A-Za-z]?)\.?\s*[–—-]\s*(.+)$/;

const COUNTS_CAPTION =
  /^(.+?), by (Age Group and State|State): Estimated Numbers \(in Thousands\), (?:Annual Averages )?Based on (\d{4}) and (\d{4}) NSDUHs$/;
const ADULT_CAPTION =
  /^(.+?) among Persons Aged 18 or Older, by State: (?:Percentages, Annual Averages, and P Values from Tests of Differences between Percentages|Average Annual Rates and P Values from Tests of Differences between Rates), (\d{4})-(\d{4}) and (\d{4})-(\d{4}) NSDUHs$/;
const STATE_CAPTION =
  /^(Selected Drug Use, .+) in (?:the )?(.+?),? by Age Group: (Estimated Numbers \(in Thousands\)|Percentages), Annual Averages Based on (\d{4})\s*[–-]\s*(\d{4}) NSDUHs$/;

export interface Caption {
  number: string;
  /** The caption after "Table N –". */
  rest: string;
  layout: WebPageLayout;
  measure: string;
  unit: 'thousands' | 'percent';
  period: string;
  comparedWith?: string;
  geography?: string;
  population?: string;
}

/** What a caption says, or why it is none of the known layouts. */
export function parseCaption(caption: string): Caption | string {
  const unknown = `The caption “${collapse(caption)}” is not one this reader knows. ${EXPECTED_CAPTIONS}.`;
  const prefix = TABLE_PREFIX.exec(collapse(caption));
  if (!prefix) return unknown;
  const [, number, rest] = prefix;
  let m = COUNTS_CAPTION.exec(rest);
  if (m) {
    const [, subject, , first, last] = m;
    if (Number(last) !== Number(first) + 1) return `The caption's years ${first} and ${last} are not two consecutive years.`;
    const among = /^(.+?) among (?:Persons|Individuals|People) Aged (\d{1,2} to \d{1,2})$/.exec(subject);
    return {
      number,
      rest,
      layout: 'counts',
      measure: among ? among[1] : subject,
      unit: 'thousands',
      period: `${first}-${last}`,
      population: among ? (ageGroupFromLabel(among[2]) ?? undefined) : undefined,
    };
  }
  m = ADULT_CAPTION.exec(rest);
  if (m) {
    const [, measure, a1, a2, b1, b2] = m;
    if (Number(a2) !== Number(a1) + 1 || Number(b2) !== Number(b1) + 1 || Number(b1) !== Number(a2)) return `The caption's periods ${a1}-${a2} and ${b1}-${b2} are not two overlapping pooled periods.`;
    return { number, rest, layout: 'adult-change', measure, unit: 'percent', period: `${b1}-${b2}`, comparedWith: `${a1}-${a2}` };
  }
  m = STATE_CAPTION.exec(rest);
  if (m) {
    const [, measure, place, unit, first, last] = m;
    if (Number(last) !== Number(first) + 1) return `The caption's years ${first}-${last} are not two consecutive years.`;
    const name = place.replace(/\s+Region$/i, '');
    const geography = geographyCodeFromName(name);
    if (!geography) return `The caption names “${place}”, which is not a state, the District of Columbia, a census region or the United States.`;
    return { number, rest, layout: 'state-specific', measure, unit: /Percentages/.test(unit) ? 'percent' : 'thousands', period: `${first}-${last}`, geography };
  }
  return unknown;
}

const EXPECTED_CAPTIONS =
  'Known captions read like “Table 1. – Illicit Drug Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2009 and 2010 NSDUHs”, “Table 1. – Illicit Drug Use in the Past Month among Persons Aged 18 or Older, by State: Percentages, Annual Averages, and P Values from Tests of Differences between Percentages, 2008-2009 and 2009-2010 NSDUHs” or “Table 12 – Selected Drug Use, … in Alabama, by Age Group: Percentages, Annual Averages Based on 2011-2012 NSDUHs”';

// ---------------------------------------------------------------------------------------------
// The reader

const PUBLICATION: Record<WebPageLayout, (period: string) => string> = {
  counts: (p) => `SAMHSA, ${p} NSDUH State Estimates, Estimated Numbers by Age Group and State (web page)`,
  'adult-change': (p) => `SAMHSA, ${p} NSDUH State Estimates, Percentages and P Values for Persons Aged 18 or Older (web page)`,
  'state-specific': (p) => `SAMHSA, ${p} NSDUH State-Specific Tables (web page)`,
};

interface Pending {
  o: Observation;
  where: string;
}

export function readSamhsaWebPage(bytes: Buffer | Uint8Array, file: string): WebPageResult {
  const { text, encoding } = decodeHtml(bytes, file);
  const elements = htmlTables(text, file);
  if (elements.length === 0) throw new WebPageError(file, null, 'The page has no <table>.');

  const tables: WebPageTable[] = [];
  const pending: Pending[] = [];
  const skipped = new Map<string, Set<string>>();
  const warnings: string[] = [];
  const skip = (what: string, where: string) => {
    const set = skipped.get(what) ?? new Set<string>();
    set.add(where);
    skipped.set(what, set);
  };
  const periods = new Set<string>();
  const seenPlaces = new Map<string, number>(); // state-specific: "geography|unit" → tables

  elements.forEach((el, index) => {
    const parts = partsOf(el);
    const label = parts.caption ? `table ${index + 1} (“${parts.caption.slice(0, 90)}${parts.caption.length > 90 ? '…' : ''}”)` : `table ${index + 1} (no caption)`;
    const fail = (reason: string): never => {
      throw new WebPageError(file, label, reason);
    };
    const cap = parseCaption(parts.caption);
    if (typeof cap === 'string') return fail(cap);
    const c = cap;
    const name = `Table ${c.number}`;
    periods.add(c.period);
    // The table by its number and what it holds, in a few words (the captions run to 300 characters,
    // and a source is repeated on every row): the place and statistic, or the measure.
    const what =
      c.layout === 'state-specific'
        ? `${geographyName(c.geography ?? '')}, ${c.unit === 'thousands' ? 'estimated numbers (in thousands)' : 'percentages'}`
        : c.rest.split(/,\s*by\s|\s+among\s/i)[0];
    const source = `${PUBLICATION[c.layout](c.period)}, Table ${c.number}: ${what}`;
    tables.push({ table: c.number, title: parts.caption, layout: c.layout, unit: c.unit, period: c.period, comparedWith: c.comparedWith, geography: c.geography });
    if (parts.head.length !== 1) fail(`Expected one header row, found ${parts.head.length}.`);
    const header = parts.head[0].map((h) => h.text);
    const add = (o: Observation, where: string) => pending.push({ o, where: `${name}, ${where}` });

    if (c.layout === 'state-specific') {
      readStateSpecific(parts, header, c as typeof c & { geography: string }, source, name, fail, add, skip);
      const key = `${c.geography}|${c.unit}`;
      seenPlaces.set(key, (seenPlaces.get(key) ?? 0) + 1);
    } else {
      readByState(parts, header, c, source, name, fail, add, skip, warnings);
    }
  });

  // One release per page, and the file name (when it names a period) agrees with the captions.
  if (periods.size !== 1) throw new WebPageError(file, null, `The tables name different periods (${[...periods].join(', ')}); a page holds one release.`);
  const period = [...periods][0];
  const named = /(\d{4})-(\d{4})/.exec(file.split(/[\\/]/).pop() ?? '');
  if (named && `${named[1]}-${named[2]}` !== period) {
    throw new WebPageError(file, null, `The file name says ${named[1]}-${named[2]}, but every caption says ${period}.`);
  }
  if (seenPlaces.size) {
    for (const g of GEOGRAPHIES) {
      for (const unit of ['thousands', 'percent']) {
        const n = seenPlaces.get(`${g.code}|${unit}`) ?? 0;
        if (n !== 1) throw new WebPageError(file, null, `Expected one ${unit} table for ${g.name}, found ${n}.`);
      }
    }
  }

  // The shared rules: intervals, ranges, series, qualifiers, known indicators, unique keys.
  const log = new IssueLog(50);
  const rules = new ObservationRules(log, (indicator) => KNOWN.has(indicator));
  pending.forEach((p, i) => rules.check(p.o, i + 1, () => null));
  rules.finish();
  if (!log.ok) {
    const lines = log.errors.slice(0, 5).map((e) => `${e.row != null ? `${pending[e.row - 1]?.where}: ` : ''}${e.message}`);
    throw new WebPageError(file, null, `${log.errorCount} observation(s) break the rules: ${lines.join(' | ')}`);
  }

  return {
    observations: pending.map((p) => p.o),
    tables,
    skipped: [...skipped].map(([what, where]) => `${what} [${summarize([...where])}]`),
    warnings,
    encoding,
  };
}

/** "Table 3; Table 7", or "112 tables: Table 1; Table 2; Table 3; …". */
function summarize(where: string[]): string {
  if (where.length <= 4) return where.join('; ');
  return `${where.length} tables: ${where.slice(0, 3).join('; ')}; …`;
}

type Fail = (reason: string) => never;
type Add = (o: Observation, where: string) => void;
type Skip = (what: string, where: string) => void;

const blank = (o: Partial<Observation>): Observation => ({
  indicator: '',
  period: '',
  geography: '',
  age_group: '',
  unit: '',
  estimate: null,
  ci_lower: null,
  ci_upper: null,
  interval_type: null,
  series: '',
  revision: 0,
  qualifiers: [],
  source: '',
  note: '',
  ...o,
});

/**
 * A count printed as 0 (estimate or either bound) stands for more than 0 and fewer than 500
 * people, and is marked rounded_to_zero as the CSV importer marks it. The pages from 2014-2015 on
 * say so in a note ("Estimated numbers appearing as 0 … greater than 0 but less than 500"); the
 * earlier ones round their model-based counts to thousands the same way without the note.
 */
function zeroQualifiers(unit: string, values: Array<number | null>): string[] {
  return unit === 'thousands' && values.some((v) => v === 0) ? ['rounded_to_zero'] : [];
}

function parseValue(text: string, unit: 'thousands' | 'percent', fail: Fail, where: string): number {
  if (unit === 'thousands' ? COUNT.test(text) : PERCENT.test(text)) return toNumber(text);
  return fail(`${where}: “${text}” is not ${unit === 'thousands' ? 'a count like 1,234' : 'a percentage like 7.41'}.`);
}

// --- State-Specific Tables ---------------------------------------------------------------------

function readStateSpecific(parts: TableParts, header: string[], c: Caption & { geography: string }, source: string, name: string, fail: Fail, add: Add, skip: Skip): void {
  if (!/^Measure$/i.test(header[0] ?? '')) fail(`The first column should be “Measure”, not “${header[0]}”.`);
  const ages = header.slice(1).map((h) => ageGroupFromLabel(h));
  if (ages.length !== 5 || ages.some((a) => a === null)) fail(`The columns should be five age groups (12+, 12-17, 18-25, 26+, 18+), not ${header.slice(1).join(', ')}.`);
  const col12 = ages.indexOf('12+');
  const notAvailableLegend = /--\s*Not available/i.test(parts.foot);
  let section = '';
  const labels = new Set<string>();
  for (const row of parts.body) {
    const [th, ...cells] = row;
    if (!th?.header) fail(`A body row does not start with a row header (${row.map((r) => r.text).join(' | ')}).`);
    if (cells.length !== 5) fail(`Row “${th.text}” has ${cells.length} value cells, not 5.`);
    if (th.scope === 'rowgroup') {
      if (cells.some((x) => x.text !== '')) fail(`Section row “${th.text}” has values.`);
      section = th.text;
      continue;
    }
    if (th.scope !== 'row') fail(`Row header “${th.text}” is neither a section (scope="rowgroup") nor a measure (scope="row").`);
    if (labels.has(th.text)) fail(`Row “${th.text}” appears twice.`);
    labels.add(th.text);
    const { title, ages1220 } = rowTitle(th.text, section);
    const mapped = indicatorForTitle(title);
    if ('reason' in mapped) {
      skip(`“${th.text}” (${c.unit}): ${mapped.reason}`, name);
      continue;
    }
    const indicator = mapped.indicator;
    const series = seriesForIndicatorPeriod(indicator, c.period);
    if (!series) {
      skip(`“${th.text}” → ${indicator}: ${c.period} crosses a comparability break for this measure`, name);
      continue;
    }
    // The first-use rate is a percentage of those at risk (never used), as in SAMHSA's state tables.
    let unit: string = c.unit;
    if (indicator === 'first_use_of_marijuana' && c.unit === 'percent') {
      if (!/never used marijuana/i.test(parts.foot)) fail(`Row “${th.text}” is a first-use rate, but the notes do not define its at-risk population.`);
      unit = 'percent_of_at_risk';
    }
    const geography = c.geography;
    cells.forEach((cell, k) => {
      const age = ages1220 ? '12-20' : (ages[k] as string);
      if (ages1220 && k !== col12) {
        // Underage drinking is printed in the 12+ column only; the other columns are "--".
        if (!NOT_AVAILABLE.has(cell.text)) fail(`Row “${th.text}” (ages 12 to 20) has a value in the ${header[k + 1]} column; only the 12+ column should hold one.`);
        return;
      }
      if (NOT_AVAILABLE.has(cell.text) && notAvailableLegend) {
        skip(`“${th.text}”, ${header[k + 1]}: printed “--” (the page's legend: “-- Not available.”); no observation`, name);
        return;
      }
      const base = { indicator, period: c.period, geography, age_group: age, unit, series: series.name, source };
      if (SUPPRESSED.has(cell.text) || NOT_AVAILABLE.has(cell.text)) {
        add(blank({ ...base, qualifiers: ['suppressed'] }), `${th.text}, ${header[k + 1]}`);
        return;
      }
      const estimate = parseValue(cell.text, c.unit, fail, `Row “${th.text}”, column ${header[k + 1]}`);
      add(blank({ ...base, estimate, qualifiers: zeroQualifiers(unit, [estimate]) }), `${th.text}, ${header[k + 1]}`);
    });
  }
  if (labels.size === 0) fail('The table has no measure rows.');
}

// --- Tables with a row per state (counts, adult-change) ------------------------------------------

function intervalTypes(foot: string): { us: IntervalType | null; other: IntervalType | null } {
  const other = /Bayesian confidence \(credible\) intervals|Bayesian credible intervals/i.test(foot) ? 'credible' : null;
  const us = /"Total U\.S\."[^.]*design-based|design-based[^.]*"Total U\.S\."/i.test(foot) ? 'confidence' : null;
  return { us, other };
}

function readByState(parts: TableParts, header: string[], c: Caption, source: string, name: string, fail: Fail, add: Add, skip: Skip, warnings: string[]): void {
  if (!/^State$/i.test(header[0] ?? '')) fail(`The first column should be “State”, not “${header[0]}”.`);
  // Column groups: "<group> (Estimate)" then "<group> (95% Confidence Interval)"; an adult-change table ends with "P Value".
  interface Group {
    label: string;
    estimate: number;
    interval: number;
  }
  const groups: Group[] = [];
  let pCol = -1;
  for (let k = 1; k < header.length; k++) {
    const h = header[k];
    const est = /^(.+?)\s*\(Estimate\)$/i.exec(h);
    const ci = /^(.+?)\s*\(95% Confidence Interval\)$/i.exec(h);
    if (est) groups.push({ label: est[1], estimate: k, interval: -1 });
    else if (ci) {
      const g = groups[groups.length - 1];
      if (!g || g.label !== ci[1] || g.interval !== -1) fail(`Column “${h}” does not follow its “${ci[1]} (Estimate)” column.`);
      g.interval = k;
    } else if (/^P Value$/i.test(h) && c.layout === 'adult-change' && k === header.length - 1) pCol = k;
    else fail(`Column “${h}” is not an “(Estimate)”, “(95% Confidence Interval)” or “P Value” column.`);
  }
  if (groups.length === 0 || groups.some((g) => g.interval === -1)) fail('Every “(Estimate)” column should be followed by its “(95% Confidence Interval)” column.');
  const types = intervalTypes(parts.foot);
  if (!types.us || !types.other) {
    fail('The notes do not say how the intervals were estimated (Bayesian credible intervals for states and regions, design-based confidence intervals for Total U.S.).');
  }

  // What each column group is: an age group, a period (adult-change) or a measure (with the caption's ages).
  type Column = { group: Group; indicator: string; age: string; period: string; series: string; unit: string };
  const columns: Column[] = [];
  const ageTitle = (label: string) => ageGroupFromLabel(label);
  for (const g of groups) {
    let measure = c.measure;
    let age: string | null;
    let period = c.period;
    if (c.layout === 'adult-change') {
      if (g.label !== c.comparedWith && g.label !== c.period) fail(`Column group “${g.label}” is not one of the caption's periods (${c.comparedWith}, ${c.period}).`);
      period = g.label;
      age = '18+';
    } else if (ageTitle(g.label)) {
      age = ageTitle(g.label);
    } else if (c.population) {
      measure = g.label;
      age = c.population;
    } else {
      return fail(`Column group “${g.label}” is neither an age group nor a measure of a table whose caption names the ages.`);
    }
    const mapped = indicatorForTitle(measure);
    if ('reason' in mapped) {
      skip(`“${measure}”: ${mapped.reason}`, name);
      continue;
    }
    const series = seriesForIndicatorPeriod(mapped.indicator, period);
    if (!series) {
      skip(`“${measure}” → ${mapped.indicator}: ${period} crosses a comparability break for this measure`, name);
      continue;
    }
    let unit: string = c.unit;
    if (mapped.indicator === 'first_use_of_marijuana' && c.unit === 'percent') {
      if (!/never used marijuana/i.test(parts.foot)) fail('A first-use rate table whose notes do not define its at-risk population.');
      unit = 'percent_of_at_risk';
    }
    columns.push({ group: g, indicator: mapped.indicator, age: age as string, period, series: series.name, unit });
  }
  if (pCol !== -1 && !/\ba\b\s*Difference between the \d{4}-\d{4} estimate and the \d{4}-\d{4} estimate is statistically significant at the 0\.05 level/i.test(parts.foot)) {
    fail('The notes do not define the “a” marker (significant at the 0.05 level) that the p values are checked against.');
  }
  if (c.layout === 'adult-change' && pCol === -1) fail('The table has no “P Value” column.');

  const places = new Set<string>();
  for (const row of parts.body) {
    const [th, ...cells] = row;
    if (!th?.header || th.scope !== 'row') fail(`A body row does not start with a state name (${row.map((r) => r.text).join(' | ')}).`);
    if (cells.length !== header.length - 1) fail(`Row “${th.text}” has ${cells.length} value cells; the header has ${header.length - 1}.`);
    const geography = geographyCodeFromName(th.text);
    if (!geography) return fail(`“${th.text}” is not a state, the District of Columbia, a census region or “Total U.S.”.`);
    if (places.has(geography)) fail(`“${th.text}” has two rows.`);
    places.add(geography);
    const intervalType = geography === 'US' ? types.us : types.other;

    // SAMHSA's test of the change (adult-change tables): the printed p value, checked against the "a" marker.
    let change: { qualifier: string; note: string } | null = null;
    if (pCol !== -1) {
      const printed = cells[pCol - 1].text;
      const pm = /^([<>]\s*)?(0?\.\d+|1(?:\.0+)?)$/.exec(printed);
      if (!pm) fail(`Row “${th.text}”: the p value “${printed}” is not a number like 0.032 or <0.001.`);
      const [, op, digits] = pm as RegExpExecArray;
      const p = Number(digits);
      const marked = columns.some((col) => cells[col.group.estimate - 1].sups.includes('a'));
      // A printed p below 0.05 must carry SAMHSA's "a" marker and one above must not; 0.050 is rounded, so the marker decides.
      const below = op?.trim() === '<' ? p <= 0.05 : p < 0.05;
      const above = op?.trim() === '>' ? p >= 0.05 : p > 0.05;
      if ((below && !marked) || (above && marked)) fail(`Row “${th.text}”: the p value ${printed} disagrees with SAMHSA's “a” marker (significant at 0.05).`);
      const significant = below || (!above && marked);
      const shown = op ? `p ${op.trim()} ${digits}` : `p = ${digits}`;
      change = { qualifier: significant ? 'change_significant' : 'change_not_significant', note: `SAMHSA's test of the change from ${c.comparedWith}: ${shown}.` };
    }

    for (const col of columns) {
      const where = `${th.text}, ${col.group.label}`;
      const estText = cells[col.group.estimate - 1].text;
      const ciText = cells[col.group.interval - 1].text;
      const otherSups = cells[col.group.estimate - 1].sups.filter((s) => !(pCol !== -1 && (s === 'a' || s === 'b')));
      if (otherSups.length) fail(`Row “${th.text}”, ${col.group.label}: unexpected footnote marker(s) ${otherSups.join(', ')} on the estimate.`);
      const base = { indicator: col.indicator, period: col.period, geography, age_group: col.age, unit: col.unit, series: col.series, source };
      const extra = change && col.period === c.period ? change : null;
      if (SUPPRESSED.has(estText) || NOT_AVAILABLE.has(estText)) {
        if (!(SUPPRESSED.has(ciText) || NOT_AVAILABLE.has(ciText) || ciText === '')) fail(`Row “${th.text}”, ${col.group.label}: the estimate is withheld but its interval is printed.`);
        add(blank({ ...base, qualifiers: ['suppressed', ...(extra ? [extra.qualifier] : [])], note: extra?.note ?? '' }), where);
        continue;
      }
      const estimate = parseValue(estText, c.unit, fail, `Row “${th.text}”, ${col.group.label} (Estimate)`);
      let lower: number | null = null;
      let upper: number | null = null;
      const im = INTERVAL.exec(ciText);
      if (im) {
        lower = parseValue(im[1], c.unit, fail, `Row “${th.text}”, ${col.group.label} (interval)`);
        upper = parseValue(im[2], c.unit, fail, `Row “${th.text}”, ${col.group.label} (interval)`);
      } else if (NOT_AVAILABLE.has(ciText) || SUPPRESSED.has(ciText)) {
        warnings.push(`${name}, ${th.text}, ${col.group.label}: the interval is printed “${ciText}”; the estimate ${estText} is kept without an interval.`);
      } else {
        fail(`Row “${th.text}”, ${col.group.label}: the interval “${ciText}” is not like “(21,636 - 22,960)”.`);
      }
      const qualifiers = [...zeroQualifiers(col.unit, [estimate, lower, upper]), ...(extra ? [extra.qualifier] : [])];
      add(
        blank({ ...base, estimate, ci_lower: lower, ci_upper: upper, interval_type: lower === null ? null : intervalType, qualifiers, note: extra?.note ?? '' }),
        where,
      );
    }
  }
  const missing = GEOGRAPHIES.filter((g) => !places.has(g.code));
  if (missing.length) fail(`The table has no row for ${missing.map((g) => g.name).join(', ')}.`);
}
