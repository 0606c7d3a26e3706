/**
 * Rules about a whole observation, shared by every input format: intervals bracket the estimate,
 * percentages stay within 0–100, the period belongs to its comparability series, qualifiers are
 * consistent, indicators are defined, and no key appears twice.
 */
import { showText, type IssueCode, type IssueLog } from './issues';
import { QUALIFIER_CODES } from './qualifiers';
import type { FieldName, Observation } from './schema';
import { periodYears, seriesByName, seriesForYear } from './series';
import { isPercentUnit, unitByName } from './units';

/** Where a field of the observation sits in the input: the spreadsheet row and the column header. */
export type Locate = (field: FieldName) => { row: number; column: string | null };

/**
 * Tracks primary keys without keeping a million key strings alive: each key field is interned as
 * a small integer and the six are packed into one exact double (53 bits). Falls back to strings
 * if a field outgrows its bits.
 */
class KeyTracker {
  private readonly ids = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private static readonly BITS = [20, 10, 7, 6, 4];
  private readonly packed = new Map<number, number>();
  private readonly strings = new Map<string, number>();

  /** Records the key; returns the row it was first seen on if it is a duplicate. */
  add(o: Observation, row: number): number | undefined {
    const parts = [o.indicator, o.period, o.geography, o.age_group, o.unit];
    let packed = 0;
    let fits = o.revision < 64;
    for (let i = 0; i < parts.length; i++) {
      const map = this.ids[i];
      let id = map.get(parts[i]);
      if (id === undefined) {
        id = map.size;
        map.set(parts[i], id);
      }
      if (id >= 2 ** KeyTracker.BITS[i]) fits = false;
      packed = packed * 2 ** KeyTracker.BITS[i] + id;
    }
    if (fits) {
      packed = packed * 64 + o.revision;
      const seen = this.packed.get(packed);
      if (seen !== undefined) return seen;
      this.packed.set(packed, row);
      return undefined;
    }
    const key = [...parts, o.revision].join('\u0001');
    const seen = this.strings.get(key);
    if (seen !== undefined) return seen;
    this.strings.set(key, row);
    return undefined;
  }
}

export class ObservationRules {
  private readonly keys = new KeyTracker();

  constructor(
    private readonly log: IssueLog,
    /** Whether an indicator has metadata (in the data package, or carried by the file being read). */
    private readonly isKnownIndicator: (name: string) => boolean,
  ) {}

  /** Checks one fully cast observation. Returns false if it broke a rule. */
  check(o: Observation, at: Locate): boolean {
    const before = this.log.errorCount;
    const fail = (field: FieldName, code: IssueCode, message: string) => {
      const { row, column } = at(field);
      this.log.error(row, column, code, message);
    };

    if (!this.isKnownIndicator(o.indicator)) {
      fail(
        'indicator',
        'constraint-error',
        `${showText(o.indicator)} is not a defined indicator. Check the spelling, or add its title and definition under "indicators" in data/datapackage.json first.`,
      );
    }

    const years = periodYears(o.period);
    if (years) {
      const [first, last] = years;
      const series = seriesByName(o.series);
      if (last !== first && last !== first + 1) {
        fail('period', 'constraint-error', `${showText(o.period)} is not two consecutive years; pooled NSDUH estimates cover two consecutive survey years (such as 2018-2019).`);
      } else if (series) {
        const a = seriesForYear(first);
        const b = seriesForYear(last);
        const span = `${series.firstYear}–${series.lastYear ?? 'present'}`;
        if (a && b && a !== b) {
          fail('period', 'constraint-error', `${showText(o.period)} spans a methodology break (${first} is in ${a.name}, ${last} in ${b.name}); estimates are never pooled across a break.`);
        } else if (first < series.firstYear || (series.lastYear !== null && last > series.lastYear)) {
          const hint = a ? ` Use ${a.name}.` : ' No comparability series covers that year.';
          fail('series', 'constraint-error', `Period ${o.period} is outside series ${o.series} (${span}).${hint}`);
        }
      }
    }

    const unit = unitByName(o.unit);
    if (unit && isPercentUnit(o.unit)) {
      for (const field of ['estimate', 'ci_lower', 'ci_upper'] as const) {
        const v = o[field];
        if (v !== null && v > 100) fail(field, 'constraint-error', `${v} is above 100, which is impossible for a percentage.`);
      }
    }

    const seen = new Set<string>();
    for (const q of o.qualifiers) {
      if (!QUALIFIER_CODES.has(q)) {
        fail('qualifiers', 'constraint-error', `${showText(q)} is not a known qualifier. Known: ${[...QUALIFIER_CODES].join(', ')}.`);
      } else if (seen.has(q)) {
        fail('qualifiers', 'constraint-error', `Qualifier ${q} is listed twice.`);
      }
      seen.add(q);
    }
    const suppressed = seen.has('suppressed');
    if (o.estimate === null && !suppressed) {
      fail('estimate', 'constraint-error', 'The estimate is empty. Leave out rows with no figure, or add the qualifier suppressed if the publisher withheld it.');
    }
    if (suppressed && (o.estimate !== null || o.ci_lower !== null || o.ci_upper !== null)) {
      fail('estimate', 'constraint-error', 'A row marked suppressed must have an empty estimate and interval.');
    }
    if (seen.has('rounded_to_zero')) {
      if (unit?.kind !== 'count') {
        fail('qualifiers', 'constraint-error', 'The qualifier rounded_to_zero applies only to counts (persons, thousands, millions).');
      } else if (o.estimate !== 0 && o.ci_lower !== 0 && o.ci_upper !== 0) {
        fail('qualifiers', 'constraint-error', 'The qualifier rounded_to_zero says a 0 in this row stands for a small number, but no value in the row is 0.');
      }
    }

    const hasLower = o.ci_lower !== null;
    const hasUpper = o.ci_upper !== null;
    if (hasLower !== hasUpper) {
      fail(hasLower ? 'ci_upper' : 'ci_lower', 'constraint-error', 'Give both bounds of the 95% interval, or leave both empty.');
    } else if (hasLower && hasUpper) {
      const lo = o.ci_lower as number;
      const hi = o.ci_upper as number;
      if (lo > hi) fail('ci_lower', 'constraint-error', `The lower bound ${lo} is above the upper bound ${hi}.`);
      else if (o.estimate !== null && (o.estimate < lo || o.estimate > hi)) {
        fail('estimate', 'constraint-error', `The estimate ${o.estimate} lies outside its own 95% interval (${lo} to ${hi}).`);
      }
      if (o.interval_type === null) {
        fail('interval_type', 'constraint-error', 'Say what kind of interval this is: confidence (design-based, national) or credible (Bayesian, state small-area estimates).');
      }
    } else if (o.interval_type !== null) {
      fail('interval_type', 'constraint-error', `Interval type ${o.interval_type} is given, but the row has no interval.`);
    }

    const firstRow = this.keys.add(o, at('indicator').row);
    if (firstRow !== undefined) {
      const r = at('indicator').row;
      this.log.error(
        r,
        null,
        'primary-key',
        `This row repeats row ${firstRow}: the same indicator, period, geography, age group, unit and revision (${o.indicator}, ${o.period}, ${o.geography}, ${o.age_group}, ${o.unit}, revision ${o.revision}). Keep one of them.`,
      );
    }
    return this.log.errorCount === before;
  }
}
