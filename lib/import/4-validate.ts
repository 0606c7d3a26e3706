/**
 * Rules about a whole observation, shared by every input format: intervals bracket the estimate,
 * percentages stay within 0–100, the period belongs to its comparability series, qualifiers are
 * consistent, indicators are defined, and no key appears twice.
 */
import { showText, type IssueCode, type IssueLog } from './issues';
import { QUALIFIER_CODES } from '../vocabulary/qualifiers';
import { INDICATOR_MAX_LENGTH, isIndicatorName, type FieldName, type Observation } from '../vocabulary/schema';
import { seriesForIndicatorYear } from '../vocabulary/comparability';
import { geographyByCode } from '../vocabulary/geography';
import { periodYears, seriesByName } from '../vocabulary/series';
import { unitByName, type Unit } from '../vocabulary/units';

/**
 * Finds repeated primary keys without keeping a million key strings alive. Each key field is
 * interned as a small integer and the six are packed into one exact double (53 bits). Keys and
 * rows are appended to typed arrays (sequential writes, no garbage); `duplicates()` sorts a copy
 * of the keys once at the end. Keys that outgrow their bits fall back to a string map.
 */
class KeyTracker {
  private static readonly SCALE = [2 ** 20, 2 ** 10, 2 ** 7, 2 ** 6, 2 ** 4];
  private readonly ids = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly names: string[][] = [[], [], [], [], []];
  /** Neighbouring rows usually share most key fields: remember the last lookup per field. */
  private readonly lastValue: string[] = ['', '', '', '', ''];
  private readonly lastId: number[] = [-1, -1, -1, -1, -1];
  private keys = new Float64Array(1 << 14);
  private rows = new Uint32Array(1 << 14);
  private count = 0;
  private readonly strings = new Map<string, number>();
  private readonly stringDuplicates: Array<{ row: number; firstRow: number; key: string[] }> = [];

  private id(field: number, value: string): number {
    if (value === this.lastValue[field] && this.lastId[field] !== -1) return this.lastId[field];
    const map = this.ids[field];
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      map.set(value, id);
      this.names[field].push(value);
    }
    this.lastValue[field] = value;
    this.lastId[field] = id;
    return id;
  }

  add(o: Observation, row: number): void {
    const a = this.id(0, o.indicator);
    const b = this.id(1, o.period);
    const c = this.id(2, o.geography);
    const d = this.id(3, o.age_group);
    const e = this.id(4, o.unit);
    const S = KeyTracker.SCALE;
    if (a >= S[0] || b >= S[1] || c >= S[2] || d >= S[3] || e >= S[4] || o.revision >= 64) {
      const parts = [o.indicator, o.period, o.geography, o.age_group, o.unit, String(o.revision)];
      const key = parts.join('\u0001');
      const seen = this.strings.get(key);
      if (seen === undefined) this.strings.set(key, row);
      else this.stringDuplicates.push({ row, firstRow: seen, key: parts });
      return;
    }
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const rows = new Uint32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.keys[this.count] = ((((a * S[1] + b) * S[2] + c) * S[3] + d) * S[4] + e) * 64 + o.revision;
    this.rows[this.count] = row;
    this.count++;
  }

  /** Every repeat of an earlier key, in row order, with the row the key first appeared on. */
  duplicates(): Array<{ row: number; firstRow: number; key: string[] }> {
    const keys = this.keys.subarray(0, this.count);
    const sorted = keys.slice().sort();
    const repeated = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]);
    const found = [...this.stringDuplicates];
    if (repeated.size) {
      const first = new Map<number, number>();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (!repeated.has(k)) continue;
        const seen = first.get(k);
        if (seen === undefined) first.set(k, this.rows[i]);
        else found.push({ row: this.rows[i], firstRow: seen, key: this.unpack(k) });
      }
    }
    return found.sort((x, y) => x.row - y.row);
  }

  private unpack(packed: number): string[] {
    const S = KeyTracker.SCALE;
    const revision = packed % 64;
    let rest = (packed - revision) / 64;
    const ids: number[] = [];
    for (let f = 4; f >= 0; f--) {
      ids[f] = rest % S[f];
      rest = (rest - ids[f]) / S[f];
    }
    return [...ids.map((id, f) => this.names[f][id]), String(revision)];
  }
}

// A local alias: imported bindings are getters when this module runs as CommonJS (tsx, the CLI).
const unitOf = unitByName;

/** The column (as written in the input) that holds a field, or null when the field has no cell of its own. */
export type ColumnOf = (field: FieldName) => string | null;

export class ObservationRules {
  private readonly keys = new KeyTracker();
  /** Indicators already checked (a file has a handful), with whether each is a valid, defined name. */
  private readonly indicatorChecks = new Map<string, string | null>();
  /** Period and series checks depend only on indicator, period and series, so each triple is checked once. */
  private readonly periodChecks = new Map<string, [FieldName, string] | null>();
  private lastUnitName = '';
  private lastUnit: Unit | undefined;

  constructor(
    private readonly log: IssueLog,
    /** Whether an indicator has metadata (in the data package, or carried by the file being read). */
    private readonly isKnownIndicator: (name: string) => boolean,
  ) {}

  /**
   * Checks one fully cast observation found on `row`. `columnOf` is only called to report a
   * problem, so the hot path creates no closures. Returns false if a rule was broken. Repeated
   * keys are reported by `finish()`.
   */
  check(o: Observation, row: number, columnOf: ColumnOf): boolean {
    const before = this.log.errorCount;

    let indicatorProblem = this.indicatorChecks.get(o.indicator);
    if (indicatorProblem === undefined) {
      indicatorProblem = !isIndicatorName(o.indicator)
        ? `${showText(String(o.indicator))} is not an indicator identifier: lower-case letters, digits and underscores, starting with a letter, at most ${INDICATOR_MAX_LENGTH} characters.`
        : !this.isKnownIndicator(o.indicator)
          ? `${showText(o.indicator)} is not a defined indicator. Check the spelling, or add its title and definition under "indicators" in data/datapackage.json first.`
          : null;
      this.indicatorChecks.set(o.indicator, indicatorProblem);
    }
    if (indicatorProblem) this.fail(row, columnOf, 'indicator', 'constraint-error', indicatorProblem);

    const triple = `${o.indicator}\u0001${o.period}\u0001${o.series}`;
    let periodProblem = this.periodChecks.get(triple);
    if (periodProblem === undefined) {
      periodProblem = checkPeriod(o.indicator, o.period, o.series);
      this.periodChecks.set(triple, periodProblem);
    }
    if (periodProblem) this.fail(row, columnOf, periodProblem[0], 'constraint-error', periodProblem[1]);

    if (o.unit !== this.lastUnitName) {
      this.lastUnitName = o.unit;
      this.lastUnit = unitOf(o.unit);
    }
    const unit = this.lastUnit;
    if (unit?.kind === 'percent') {
      if (o.estimate !== null && o.estimate > 100) this.fail(row, columnOf, 'estimate', 'constraint-error', `${o.estimate} is above 100, which is impossible for a percentage.`);
      if (o.ci_lower !== null && o.ci_lower > 100) this.fail(row, columnOf, 'ci_lower', 'constraint-error', `${o.ci_lower} is above 100, which is impossible for a percentage.`);
      if (o.ci_upper !== null && o.ci_upper > 100) this.fail(row, columnOf, 'ci_upper', 'constraint-error', `${o.ci_upper} is above 100, which is impossible for a percentage.`);
    }

    let suppressed = false;
    if (o.qualifiers.length) {
      const seen = new Set<string>();
      for (const q of o.qualifiers) {
        if (!QUALIFIER_CODES.has(q)) {
          this.fail(row, columnOf, 'qualifiers', 'constraint-error', `${showText(q)} is not a known qualifier. Known: ${[...QUALIFIER_CODES].join(', ')}.`);
        } else if (seen.has(q)) {
          this.fail(row, columnOf, 'qualifiers', 'constraint-error', `Qualifier ${q} is listed twice.`);
        }
        seen.add(q);
      }
      suppressed = seen.has('suppressed');
      if (suppressed && (o.estimate !== null || o.ci_lower !== null || o.ci_upper !== null)) {
        this.fail(row, columnOf, 'estimate', 'constraint-error', 'A row marked suppressed must have an empty estimate and interval.');
      }
      if (seen.has('rounded_to_zero')) {
        if (unit?.kind !== 'count') {
          this.fail(row, columnOf, 'qualifiers', 'constraint-error', 'The qualifier rounded_to_zero applies only to counts (persons, thousands, millions).');
        } else if (o.estimate !== 0 && o.ci_lower !== 0 && o.ci_upper !== 0) {
          this.fail(row, columnOf, 'qualifiers', 'constraint-error', 'The qualifier rounded_to_zero says a 0 in this row stands for a small number, but no value in the row is 0.');
        }
      }
    }
    if (o.estimate === null && !suppressed) {
      this.fail(row, columnOf, 'estimate', 'constraint-error', 'The estimate is empty. Leave out rows with no figure, or add the qualifier suppressed if the publisher withheld it.');
    }

    const lo = o.ci_lower;
    const hi = o.ci_upper;
    if ((lo === null) !== (hi === null)) {
      this.fail(row, columnOf, lo === null ? 'ci_lower' : 'ci_upper', 'constraint-error', 'Give both bounds of the 95% interval, or leave both empty.');
    } else if (lo !== null && hi !== null) {
      if (lo > hi) this.fail(row, columnOf, 'ci_lower', 'constraint-error', `The lower bound ${lo} is above the upper bound ${hi}.`);
      else if (o.estimate !== null && (o.estimate < lo || o.estimate > hi)) {
        this.fail(row, columnOf, 'estimate', 'constraint-error', `The estimate ${o.estimate} lies outside its own 95% interval (${lo} to ${hi}).`);
      }
      if (o.interval_type === null) {
        this.fail(row, columnOf, 'interval_type', 'constraint-error', 'Say what kind of interval this is: confidence (design-based, national) or credible (Bayesian, state small-area estimates).');
      }
    } else if (o.interval_type !== null) {
      this.fail(row, columnOf, 'interval_type', 'constraint-error', `Interval type ${o.interval_type} is given, but the row has no interval.`);
    }

    this.keys.add(o, row);
    return this.log.errorCount === before;
  }

  /**
   * Reports repeated keys; call once after the last row. One error per repeated row, not per
   * observation: a SAMHSA table's row holds one figure per age group, and a state listed twice is
   * one mistake. The message names the rows as a spreadsheet numbers them and the place by name.
   */
  finish(): void {
    const byRow = new Map<string, { row: number; firstRow: number; keys: string[][] }>();
    for (const d of this.keys.duplicates()) {
      const id = `${d.row}|${d.firstRow}`;
      const group = byRow.get(id);
      if (group) group.keys.push(d.key);
      else byRow.set(id, { row: d.row, firstRow: d.firstRow, keys: [d.key] });
    }
    for (const { row, firstRow, keys } of byRow.values()) this.log.error(row, null, 'primary-key', duplicateMessage(row, firstRow, keys));
  }

  private fail(row: number, columnOf: ColumnOf, field: FieldName, code: IssueCode, message: string): void {
    this.log.error(row, columnOf(field), code, message);
  }
}

/**
 * "Row 21 repeats row 20 (Delaware): …" — a repeated row in the file's own words. `keys` are the
 * repeated observations' keys (indicator, period, geography, age group, unit, revision): one for
 * a canonical row, one per age group for a row of a SAMHSA table.
 */
export function duplicateMessage(row: number, firstRow: number, keys: readonly string[][]): string {
  const [indicator, period, geography, age, unit, revision] = keys[0];
  const place = geographyByCode(geography)?.name ?? geography;
  if (keys.length === 1) {
    return `Row ${row} repeats row ${firstRow} (${place}): both hold ${indicator} for ${geography}, ages ${age}, ${period}, in ${unit}${revision === '0' ? '' : `, revision ${revision}`}. Keep one of them.`;
  }
  const indicators = [...new Set(keys.map((k) => k[0]))];
  const ages = [...new Set(keys.map((k) => k[3]))];
  return `Row ${row} repeats row ${firstRow} (${place}): both rows hold its ${period} figures (${indicators.join(', ')} for ages ${ages.join(', ')}). Keep one of the two rows.`;
}

/**
 * Whether a period is a valid year or consecutive pair, within one series of its measure (the
 * comparability registry), and labelled with that series.
 */
function checkPeriod(indicator: string, period: string, seriesName: string): [FieldName, string] | null {
  const years = periodYears(period);
  const series = seriesByName(seriesName);
  if (!years || !series) return null; // the cell checks already reported the bad text
  const [first, last] = years;
  if (last !== first && last !== first + 1) {
    return ['period', `${showText(period)} is not two consecutive years; pooled NSDUH estimates cover two consecutive survey years (such as 2018-2019).`];
  }
  const a = seriesForIndicatorYear(indicator, first);
  const b = seriesForIndicatorYear(indicator, last);
  if (a && b && a !== b) {
    return [
      'period',
      `${showText(period)} spans a methodology break for ${indicator} (${first} is in ${a.name}, ${last} in ${b.name}); SAMHSA does not compare this measure across it, so its estimates are never pooled across it.`,
    ];
  }
  if (!a) return ['series', `No comparability series covers ${period}.`];
  if (a.name !== seriesName) return ['series', `For ${indicator}, ${period} belongs to series ${a.name} (see "comparability" in datapackage.json), not ${seriesName}.`];
  return null;
}
