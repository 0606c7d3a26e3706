/**
 * Reads SAMHSA's NSDUH state-table CSVs exactly as SAMHSA publishes them:
 *
 *   "Table 23. Substance Use Disorder in the Past Year, by Age Group and State: Percentages, Annual Averages Based on 2018 and 2019 NSDUHs",,,
 *   NOTE: …,,,            (definitions, interval method, how zeros print)
 *   "Source: SAMHSA, …",,,
 *   Order,State,"12 or Older Estimate","12 or Older 95% CI (Lower)","12 or Older 95% CI (Upper)",…
 *   1,Total U.S.,7.41%,7.20%,7.62%,…
 *
 * The title gives the indicator, unit and period; the notes are kept as metadata; each column
 * group is an age group ("12 or Older", "18-25") or, in some tables, a measure ("Binge Alcohol Use
 * in Past Month") with the ages in the title ("among Individuals Aged 12 to 20"). Every cell
 * becomes a canonical observation checked by the shared rules, with errors pointing at the
 * SAMHSA file's own rows and columns.
 */
import { ageGroupFromLabel, AGE_GROUPS } from '../vocabulary/age-groups';
import { columnLetter, type ObservationSink } from './3-import-canonical';
import { geographyCodeFromName, geographyByCode, GEOGRAPHIES } from '../vocabulary/geography';
import { showText, type IssueLog } from './issues';
import type { ColumnOf, ObservationRules } from './4-validate';
import { INDICATOR_MAX_LENGTH, isIndicatorName, type FieldName, type Observation } from '../vocabulary/schema';
import { seriesForIndicatorPeriod, seriesForIndicatorYear } from '../vocabulary/comparability';

export interface SamhsaTable {
  /** Table number as printed ("23", "1A"). */
  number: string;
  /** The whole title. */
  title: string;
  /** What is measured: "Substance Use Disorder in the Past Year". */
  measure: string;
  /** The statistic part after the colon: "Percentages, Annual Averages Based on 2018 and 2019 NSDUHs". */
  statistic: string;
  unit: 'percent' | 'percent_of_at_risk' | 'thousands' | 'millions';
  period: string;
  /** NOTE rows, verbatim without the "NOTE:" prefix. */
  notes: string[];
  /** The Source row, verbatim. */
  sourceLine: string;
}

export interface DerivedIndicator {
  name: string;
  title: string;
  definition: string;
  universe: string;
  notes: string[];
}

const TITLE = /^Table\s+([0-9]+[A-Za-z]?)\.\s+(.+)$/s;

/** Whether a first record looks like a SAMHSA table title. */
export function looksLikeSamhsaTitle(firstCell: string): boolean {
  return TITLE.test(firstCell.trim());
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * One identifier per measure across releases and sources. SAMHSA renamed some measures without
 * changing them (DSM-IV "Alcohol Dependence or Abuse" became "Alcohol Use Disorder" in 2015;
 * "Needing But Not Receiving Treatment for Alcohol Use" gained "at a Specialty Facility"), and a
 * few names are too long for an identifier. Whether two years of one measure may be compared is
 * the comparability registry's business, not the name's. Every other measure is slugged.
 */
const INDICATOR_ALIASES = new Map<string, string>([
  ['substance use disorder in the past year', 'sud_past_year'],
  ['dependence or abuse of illicit drugs or alcohol in the past year', 'sud_past_year'],
  ['alcohol or illicit drug dependence or abuse in the past year', 'sud_past_year'],
  ['alcohol use disorder in the past year', 'aud_past_year'],
  ['alcohol dependence or abuse in the past year', 'aud_past_year'],
  ['illicit drug dependence or abuse in the past year', 'illicit_drug_use_disorder_past_year'],
  ['needing but not receiving treatment at a specialty facility for substance use in the past year', 'needing_not_receiving_specialty_tx'],
  ['needing but not receiving treatment for substance use in the past year', 'needing_not_receiving_specialty_tx'],
  ['needing but not receiving treatment at a specialty facility for illicit drug use in the past year', 'needing_not_receiving_specialty_tx_illicit_drug'],
  ['needing but not receiving treatment for illicit drug use in the past year', 'needing_not_receiving_specialty_tx_illicit_drug'],
  ['needing but not receiving treatment at a specialty facility for alcohol use in the past year', 'needing_not_receiving_specialty_tx_alcohol'],
  ['needing but not receiving treatment for alcohol use in the past year', 'needing_not_receiving_specialty_tx_alcohol'],
  ['major depressive episode in the past year', 'mde_past_year'],
  ['had at least one major depressive episode in the past year', 'mde_past_year'],
  ['first use of marijuana in the past year', 'first_use_of_marijuana'],
  ['average annual marijuana initiates', 'first_use_of_marijuana'],
  ['average annual rate of first use of marijuana', 'first_use_of_marijuana'],
  ['prescription pain reliever misuse in the past year', 'pain_reliever_misuse_past_year'],
  ['misuse of pain relievers in the past year', 'pain_reliever_misuse_past_year'],
  ['nonmedical pain reliever use in the past year', 'nonmedical_use_of_pain_relievers_past_year'],
  ['perceptions of great risk from smoking marijuana once a month', 'great_risk_marijuana_monthly'],
  ['perception of great risk of smoking marijuana once a month', 'great_risk_marijuana_monthly'],
  ['perceptions of great risk from having five or more drinks of an alcoholic beverage once or twice a week', 'great_risk_binge_drinking_weekly'],
  ['perception of great risk of drinking five or more drinks once or twice a week', 'great_risk_binge_drinking_weekly'],
  ['perceptions of great risk from smoking one or more packs of cigarettes per day', 'great_risk_pack_a_day'],
  ['perception of great risk of smoking one or more packs of cigarettes per day', 'great_risk_pack_a_day'],
  ['perceptions of great risk from trying heroin once or twice', 'great_risk_trying_heroin'],
  ['perceptions of great risk from using cocaine once a month', 'great_risk_cocaine_monthly'],
  ['had serious thoughts of suicide in the past year', 'serious_thoughts_of_suicide_past_year'],
]);

/**
 * A measure name as SAMHSA prints it, without footnote markers ("Binge Alcohol Use in Past
 * Month1", "Substance Use Disorder1,2,9") and with "in Past Month" read as "in the Past Month".
 */
export function cleanMeasureName(measure: string): string {
  return collapse(measure)
    .replace(/(?<=[a-z)])\d+(?:,\d+)*(?=\s|$|\()/g, '')
    .replace(/\bin past (year|month)\b/gi, 'in the Past $1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A column group of measures may shorten a measure the title names in full ("Perceptions of
 * Great Risk" under a title listing "… and Perceptions of Great Risk from Having Five or More
 * Drinks …"): the title's full name when exactly one of its measures starts with the label.
 */
export function measureInTitle(label: string, titleMeasures: string): string {
  const short = cleanMeasureName(label).toLowerCase();
  const named = titleMeasures
    .split(/,\s*(?:and\s+)?|\s+and\s+(?=[A-Z])/)
    .map((m) => cleanMeasureName(m.replace(/\s+among\s.*$/is, '')));
  if (named.some((m) => m.toLowerCase() === short)) return label;
  const longer = named.filter((m) => m.toLowerCase().startsWith(`${short} `));
  return longer.length === 1 ? longer[0] : label;
}

/** "Cocaine Use in the Past Year" → cocaine_use_past_year. */
export function indicatorFromMeasure(measure: string): string {
  const key = cleanMeasureName(measure).toLowerCase();
  const alias = INDICATOR_ALIASES.get(key);
  if (alias !== undefined) return alias;
  return key
    .replace(/\bin (the )?past (year|month)\b/g, 'past $2')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'n$1')
    .slice(0, 80)
    .replace(/_+$/, '');
}

/**
 * The layout SAMHSA's titles have had since the 2021 release: the measure, a colon, who is
 * counted, a semicolon, the grouping, the statistic and the survey years —
 * "Illicit Drug Use in the Past Month: Among People Aged 12 or Older; by Age Group and State,
 * Percentages, 2021" or "…, Annual Average Numbers (in Thousands), 2021 and 2022".
 */
const TITLE_2021 = /^(.+?):\s+(among\s[^;]+);\s*by\s+[^,]+,\s*(.+?),\s*(\d{4})(?:\s+and\s+(\d{4}))?$/i;
/** "Aged 12 to 20", "Aged 18 or Older" in the part that says who is counted. */
const AGED = /\baged\s+(\d{1,3}\s*(?:to|-|–)\s*\d{1,3}|\d{1,3}\s+or\s+older)/i;

const EXPECTED_TITLES =
  'SAMHSA’s state-table titles read like “Table 1. Illicit Drug Use in the Past Month: Among People Aged 12 or Older; by Age Group and State, Percentages, 2021” (2021 on) or “Table 1. Illicit Drug Use in the Past Month, by Age Group and State: Percentages, Annual Averages Based on 2018 and 2019 NSDUHs” (up to 2018-2019)';

function unitOf(statistic: string, universe: string): SamhsaTable['unit'] | null {
  if (/in thousands/i.test(statistic)) return 'thousands';
  if (/in millions/i.test(statistic)) return 'millions';
  if (/percentages? of the at-risk population/i.test(statistic)) return 'percent_of_at_risk';
  if (/percentages?/i.test(statistic)) return /\bat risk\b/i.test(universe) ? 'percent_of_at_risk' : 'percent';
  return null;
}

/** Splits a SAMHSA title into its parts, or explains what is wrong with it. */
export function parseSamhsaTitle(text: string): { table: Omit<SamhsaTable, 'notes' | 'sourceLine'>; population: string | null } | string {
  const title = collapse(text);
  const m = TITLE.exec(title);
  if (!m) return 'The first row should be the table title, starting “Table N.”.';
  const [, number, rest] = m;

  const recent = TITLE_2021.exec(rest);
  if (recent) {
    const [, measure, among, statistic, first, last] = recent;
    const unit = unitOf(statistic, among);
    if (!unit) return `The title does not say whether the table holds percentages or estimated numbers (in thousands): ${showText(statistic, 120)}.`;
    const aged = AGED.exec(among);
    // Who is counted matters only when the column groups are measures, not ages (12 to 20, say).
    return { table: { number, title, measure: measure.trim(), statistic, unit, period: last ? `${first}-${last}` : first }, population: aged ? ageGroupFromLabel(aged[1]) : null };
  }

  const colon = rest.lastIndexOf(': ');
  if (colon === -1) return `The title has no “: ” between what is measured and the statistic. ${EXPECTED_TITLES}.`;
  const subject = rest.slice(0, colon);
  const statistic = rest.slice(colon + 2);
  const measure = subject.replace(/,\s*by\s+[^,]*$/i, '').trim();

  const unit = unitOf(statistic, '');
  if (!unit) return `The title does not say whether the table holds percentages or estimated numbers (in thousands): ${showText(statistic, 120)}.`;

  let period: string | null = null;
  const pooled = /(\d{4})\s+and\s+(\d{4})\s+NSDUHs?/i.exec(statistic);
  const single = /(?:the\s+)?(\d{4})\s+NSDUH\b/i.exec(statistic);
  if (pooled) period = `${pooled[1]}-${pooled[2]}`;
  else if (single) period = single[1];
  if (!period) return `The title does not name the survey years: ${showText(statistic, 120)}. ${EXPECTED_TITLES}.`;

  const pop = /\bamong\s+(?:individuals|persons|people|adults|adolescents|youths?)?\s*aged\s+(\d{1,3}\s*(?:to|-|–)\s*\d{1,3}|\d{1,3}\s+or\s+older)/i.exec(subject);
  return { table: { number, title, measure, statistic, unit, period }, population: pop ? ageGroupFromLabel(pop[1]) : null };
}

interface ColumnGroup {
  label: string;
  /** Age group code: the group itself, or the title's age range when groups are measures. */
  age: string | null;
  indicator: string;
  /** Column label of each observation field that has a cell in this group. */
  columnOf: ColumnOf;
  /** The measure's comparability series for the table's period. */
  series: string;
  estimate: number;
  lower: number;
  upper: number;
}

const ESTIMATE_COL = /^(.*?)\s*\(?\s*estimate\s*\)?$/i;
const BOUND_COL = /^(.*?)\s*95\s*%\s*(?:CI|confidence interval)\s*\(?\s*(lower|upper)\s*\)?$/i;
const SUPPRESSED = new Set(['*', '**', '--', '-', '‡', 'N/A', 'NA', 'n/a']);
const PERCENT_CELL = /^(\d+(?:\.\d+)?)\s?%$/;
const COUNT_CELL = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

type Phase = 'title' | 'preamble' | 'data' | 'footer';

export class SamhsaTableReader {
  table: SamhsaTable | null = null;
  readonly indicators = new Map<string, DerivedIndicator>();
  observations = 0;

  private phase: Phase = 'title';
  private population: string | null = null;
  private labels: string[] = [];
  private stateCol = -1;
  private groups: ColumnGroup[] = [];
  private measureIndicator = '';
  private zeroMeansSmall = false;
  private usInterval: 'confidence' | 'credible' = 'confidence';
  private otherInterval: 'confidence' | 'credible' = 'credible';
  private pendingBlankRow: number | null = null;
  private lastRow = 1;
  private readonly seenGeographies = new Set<string>();

  constructor(
    private readonly log: IssueLog,
    private readonly rules: ObservationRules,
    private readonly sink?: ObservationSink,
  ) {}

  consume(records: string[][], firstRow: number): boolean {
    for (let i = 0; i < records.length; i++) {
      if (!this.readRecord(records[i], firstRow + i)) return false;
      if (this.log.full) return false;
    }
    return true;
  }

  finish(): void {
    this.rules.finish();
    if (!this.table) return;
    if (this.phase === 'preamble') {
      this.log.error(
        this.lastRow,
        null,
        'format-error',
        'No column header row was found. SAMHSA tables have a row like: Order, State, "12 or Older Estimate", "12 or Older 95% CI (Lower)", …',
      );
      return;
    }
    if (this.seenGeographies.size === 0 && this.log.ok) {
      this.log.error(this.lastRow, null, 'format-error', 'The table has a header but no data rows.');
      return;
    }
    const states = GEOGRAPHIES.filter((g) => g.level === 'state' && !this.seenGeographies.has(g.code));
    if (this.seenGeographies.size > 0 && states.length > 0 && states.length < 51) {
      this.log.warn(null, 'State', 'missing-geographies', `The table has no row for ${states.map((g) => g.name).join(', ')}.`);
    }
  }

  private readRecord(record: string[], row: number): boolean {
    this.lastRow = row;
    const first = collapse(record[0] ?? '');
    const blank = record.every((c) => c.trim() === '');
    switch (this.phase) {
      case 'title':
        if (blank) return true;
        return this.readTitle(record, row);
      case 'preamble':
        if (blank) return true;
        if (this.isHeader(record)) return this.readHeader(record, row);
        if (record.slice(1).some((c) => c.trim() !== '')) {
          this.log.error(row, null, 'format-error', 'Expected a NOTE row or the column header row (Order, State, … Estimate …) here.');
          return false;
        }
        this.readNote(first);
        return true;
      case 'data':
        if (blank) {
          this.pendingBlankRow ??= row;
          return true;
        }
        if (/^(note|source)s?\b/i.test(first) && record.slice(1).every((c) => c.trim() === '')) {
          this.phase = 'footer';
          this.readNote(first);
          return true;
        }
        if (this.pendingBlankRow !== null) {
          this.log.error(this.pendingBlankRow, null, 'blank-row', 'This row is empty, but data rows follow it. Delete it.');
          this.pendingBlankRow = null;
        }
        this.readDataRow(record, row);
        return true;
      case 'footer':
        if (blank) return true;
        if (record.slice(1).some((c) => c.trim() !== '')) {
          this.log.error(row, null, 'format-error', 'Data appears after the notes at the end of the table; only notes may follow the data rows.');
          return true;
        }
        this.readNote(first);
        return true;
    }
  }

  private readTitle(record: string[], row: number): boolean {
    const parsed = parseSamhsaTitle(record[0]);
    if (typeof parsed === 'string') {
      this.log.error(row, null, 'format-error', parsed);
      return false;
    }
    // Whether the period may be pooled depends on the measure (the comparability registry), so it
    // is checked once the column groups say which measures the table holds.
    this.table = { ...parsed.table, notes: [], sourceLine: '' };
    this.population = parsed.population;
    this.phase = 'preamble';
    return true;
  }

  private readNote(text: string): void {
    if (!this.table) return;
    if (/^source\s*:/i.test(text)) {
      this.table.sourceLine = text;
      return;
    }
    const note = text.replace(/^notes?\s*:\s*/i, '');
    this.table.notes.push(note);
    if (/appearing as 0\b.*greater than 0/i.test(note)) this.zeroMeansSmall = true;
    if (/bayesian/i.test(note)) this.otherInterval = 'credible';
    if (/design-based/i.test(note) && /total u\.?s\.?/i.test(note)) this.usInterval = 'confidence';
  }

  private isHeader(record: string[]): boolean {
    const cells = record.map((c) => collapse(c).toLowerCase());
    return cells.includes('state') && cells.some((c) => /estimate/.test(c));
  }

  private readHeader(record: string[], row: number): boolean {
    const table = this.table as SamhsaTable;
    this.labels = record;
    const byGroup = new Map<string, Partial<ColumnGroup> & { label: string }>();
    let ok = true;
    record.forEach((raw, i) => {
      const label = collapse(raw);
      const lower = label.toLowerCase();
      if (lower === 'state') {
        this.stateCol = i;
        return;
      }
      if (lower === 'order') return;
      if (label === '') {
        this.log.error(row, `column ${columnLetter(i)}`, 'blank-label', `Column ${columnLetter(i)} of the header has no name.`);
        ok = false;
        return;
      }
      const est = ESTIMATE_COL.exec(label);
      const bound = BOUND_COL.exec(label);
      const groupLabel = bound ? collapse(bound[1]) : est ? collapse(est[1]) : null;
      // An unnamed group ("Estimate", "95% CI (Lower)") is allowed: it is the title's own measure
      // and ages, and only valid as the table's one group (checked below).
      if (groupLabel === null) {
        this.log.error(row, raw, 'incorrect-label', `Column ${showText(raw)} is not an “… Estimate” or “… 95% CI (Lower/Upper)” column.`);
        ok = false;
        return;
      }
      const key = groupLabel.toLowerCase();
      const group = byGroup.get(key) ?? { label: groupLabel };
      const slot = bound ? (bound[2].toLowerCase() as 'lower' | 'upper') : 'estimate';
      if (group[slot] !== undefined) {
        this.log.error(row, raw, 'duplicate-label', `There are two ${slot} columns for ${showText(groupLabel)}.`);
        ok = false;
      }
      group[slot] = i;
      byGroup.set(key, group);
    });
    if (this.stateCol === -1) {
      this.log.error(row, 'State', 'missing-label', 'The header has no “State” column.');
      ok = false;
    }
    for (const g of byGroup.values()) {
      for (const slot of ['estimate', 'lower', 'upper'] as const) {
        if (g[slot] === undefined) {
          const name = slot === 'estimate' ? `${g.label} Estimate` : `${g.label} 95% CI (${slot === 'lower' ? 'Lower' : 'Upper'})`;
          this.log.error(row, name, 'missing-label', `The column “${name}” is missing.`);
          ok = false;
        }
      }
    }
    if (!ok) return false;

    const groups = [...byGroup.values()] as Array<Omit<ColumnGroup, 'age'>>;
    if (groups.some((g) => g.label === '') && (groups.length > 1 || !this.population)) {
      this.log.error(
        row,
        'Estimate',
        'incorrect-label',
        groups.length > 1
          ? 'A column group has no name (“Estimate” alone) beside named ones; name it, as in “12 or Older Estimate”.'
          : 'The columns name no age group (“Estimate” alone), and the title names no age range (such as “Among People Aged 12 to 20”).',
      );
      return false;
    }
    const ages = groups.map((g) => ageGroupFromLabel(g.label));
    const allAges = ages.every((a) => a !== null);
    const noAges = ages.every((a) => a === null);
    if (!allAges && !noAges) {
      this.log.error(row, null, 'incorrect-label', 'Some column groups are age groups and others are not; the table layout is not one this importer knows.');
      return false;
    }
    if (noAges && !this.population) {
      this.log.error(
        row,
        groups[0].label,
        'incorrect-label',
        `Column group ${showText(groups[0].label)} is not an age group, and the title names no age range (such as “among Individuals Aged 12 to 20”).`,
      );
      return false;
    }
    this.measureIndicator = indicatorFromMeasure(table.measure);
    const label = (i: number) => collapse(this.labels[i]);
    this.groups = groups.map((g, k) => {
      // Title-derived fields (indicator, period, unit, series) have no cell of their own in the row.
      const cells: Partial<Record<FieldName, string>> = {
        estimate: label(g.estimate),
        ci_lower: label(g.lower),
        ci_upper: label(g.upper),
        age_group: label(g.estimate),
        geography: label(this.stateCol),
        interval_type: label(g.estimate),
        qualifiers: label(g.estimate),
      };
      return {
        ...g,
        age: allAges ? ages[k] : this.population,
        indicator: allAges || g.label === '' ? this.measureIndicator : indicatorFromMeasure(measureInTitle(g.label, table.measure)),
        columnOf: (field: FieldName) => cells[field] ?? null,
        series: '',
      };
    });
    const reported = new Set<string>();
    for (const g of this.groups) {
      if (!isIndicatorName(g.indicator) && !reported.has(g.indicator)) {
        reported.add(g.indicator);
        const from = noAges ? `column group ${showText(g.label)}` : `the title's measure ${showText(table.measure)}`;
        this.log.error(
          row,
          noAges ? this.labels[g.estimate] : null,
          'constraint-error',
          `No indicator identifier can be made from ${from}: it gives ${showText(g.indicator)}, but an identifier is lower-case letters, digits and underscores, starting with a letter, at most ${INDICATOR_MAX_LENGTH} characters. Check the title.`,
        );
        ok = false;
      }
      const series = isIndicatorName(g.indicator) ? seriesForIndicatorPeriod(g.indicator, table.period) : null;
      if (series) g.series = series.name;
      else if (isIndicatorName(g.indicator) && !reported.has(g.indicator)) {
        reported.add(g.indicator);
        const years = table.period.split('-').map(Number);
        const known = years.map((y) => seriesForIndicatorYear(g.indicator, y)?.name ?? 'none');
        this.log.error(
          row,
          noAges ? this.labels[g.estimate] : null,
          'constraint-error',
          known.includes('none')
            ? `No comparability series covers ${table.period}.`
            : `The period ${table.period} spans a methodology break for ${showText(noAges ? g.label : table.measure)} (${known.join(' and ')}): SAMHSA does not compare this measure across it, so estimates are never pooled across it. (SAMHSA pooled such periods only for the measures it found comparable; see "comparability" in datapackage.json.)`,
        );
        ok = false;
      }
      if (!(AGE_GROUPS as readonly string[]).includes(g.age as string)) {
        this.log.error(
          row,
          this.labels[g.estimate],
          'constraint-error',
          `Age group ${g.age} (${showText(g.label)}) is not one the dashboard knows (${AGE_GROUPS.join(', ')}). Adding one is a schema change for a developer.`,
        );
        ok = false;
      }
    }
    if (!ok) return false;

    const defining = table.notes.filter((n) => !/bayesian|design-based|column labeled|appearing as 0/i.test(n));
    const minAge = Math.min(...this.groups.map((g) => Number(/^\d+/.exec(g.age as string)?.[0] ?? 12)));
    const universe = `Civilian, noninstitutionalized population aged ${minAge} or older${this.population ? ` (this table: ${this.population.replace('-', ' to ')})` : ''}`;
    for (const g of this.groups) {
      const title = noAges && g.label !== '' ? g.label : table.measure;
      this.indicators.set(g.indicator, { name: g.indicator, title, definition: defining.join(' '), universe, notes: [...table.notes] });
    }
    if (!table.notes.some((n) => /bayesian/i.test(n))) {
      this.log.warn(
        null,
        null,
        'interval-type-assumed',
        'The notes do not say how the intervals were estimated; state and region intervals are recorded as Bayesian credible intervals and the Total U.S. interval as a confidence interval, as in SAMHSA’s small-area estimate tables.',
      );
    }
    this.phase = 'data';
    return true;
  }

  private readDataRow(record: string[], row: number): void {
    const table = this.table as SamhsaTable;
    if (record.length !== this.labels.length) {
      const more = record.length > this.labels.length;
      this.log.error(
        row,
        more ? `column ${columnLetter(this.labels.length)}` : collapse(this.labels[record.length] ?? ''),
        more ? 'extra-cell' : 'missing-cell',
        `This row has ${record.length} values but the header has ${this.labels.length} columns.`,
      );
      return;
    }
    const stateLabel = this.labels[this.stateCol];
    const name = collapse(record[this.stateCol]);
    const geography = geographyCodeFromName(name) ?? (geographyByCode(name) ? name : undefined);
    if (!geography) {
      this.log.error(row, stateLabel, 'constraint-error', `${showText(name)} is not a state, the District of Columbia, a census region or “Total U.S.”.`);
      return;
    }
    this.seenGeographies.add(geography);
    const statistic = table.statistic.replace(/,?\s*(annual averages\s+)?based on .*$/i, '').trim();
    const source = `SAMHSA, ${table.period} NSDUH State Estimates, Table ${table.number}. ${table.measure}: ${statistic}`;

    for (const g of this.groups) {
      const cells = { estimate: g.estimate, ci_lower: g.lower, ci_upper: g.upper } as const;
      const values: Record<'estimate' | 'ci_lower' | 'ci_upper', number | null> = { estimate: null, ci_lower: null, ci_upper: null };
      let valid = true;
      let suppressed = 0;
      for (const field of ['estimate', 'ci_lower', 'ci_upper'] as const) {
        const col = cells[field];
        const text = record[col].trim();
        if (SUPPRESSED.has(text)) {
          suppressed++;
          continue;
        }
        const value = this.parseCell(text);
        if (typeof value === 'string') {
          this.log.error(row, collapse(this.labels[col]), text === '' ? 'constraint-error' : 'type-error', value);
          valid = false;
        } else {
          values[field] = value;
        }
      }
      if (!valid) continue;
      if (suppressed > 0 && suppressed < 3 && values.estimate === null) {
        this.log.error(row, collapse(this.labels[g.estimate]), 'constraint-error', 'The estimate is marked as not published, but its interval is given.');
        continue;
      }
      const qualifiers: string[] = [];
      if (values.estimate === null) qualifiers.push('suppressed');
      if (this.zeroMeansSmall && (table.unit === 'thousands' || table.unit === 'millions') && (values.estimate === 0 || values.ci_lower === 0 || values.ci_upper === 0)) {
        qualifiers.push('rounded_to_zero');
      }
      const hasInterval = values.ci_lower !== null || values.ci_upper !== null;
      const o: Observation = {
        indicator: g.indicator,
        period: table.period,
        geography,
        age_group: g.age as string,
        unit: table.unit,
        estimate: values.estimate,
        ci_lower: values.ci_lower,
        ci_upper: values.ci_upper,
        interval_type: hasInterval ? (geography === 'US' ? this.usInterval : this.otherInterval) : null,
        series: g.series,
        revision: 0,
        qualifiers,
        source,
        note: '',
      };
      if (this.rules.check(o, row, g.columnOf)) {
        this.observations++;
        this.sink?.(o, row);
      }
    }
  }

  /** A cell's number, or the reason it is not one. */
  private parseCell(text: string): number | string {
    const table = this.table as SamhsaTable;
    if (text === '') return 'The cell is empty; SAMHSA tables print every estimate and interval bound.';
    if (table.unit === 'percent' || table.unit === 'percent_of_at_risk') {
      const m = PERCENT_CELL.exec(text);
      if (m) return Number(m[1]);
      if (COUNT_CELL.test(text)) return `${showText(text)} has no % sign, but the title says this table holds percentages.`;
      return `${showText(text)} is not a percentage like 7.41%.`;
    }
    const m = COUNT_CELL.exec(text);
    if (m) return Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
    if (PERCENT_CELL.test(text)) return `${showText(text)} is a percentage, but the title says this table holds estimated numbers (in ${table.unit}).`;
    return `${showText(text)} is not a number like 20,331.`;
  }
}
