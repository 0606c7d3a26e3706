/**
 * The CORGIS Dataset Project's "drugs" dataset → canonical observations, every one marked
 * `derived`. CORGIS re-publishes SAMHSA's NSDUH state small-area estimates (combined all-years
 * file) for 50 states and DC, 17 pooled periods (2002-2003 … 2018-2019) and ages 12-17, 18-25 and
 * 26+; the figures are SAMHSA's. The file is read as it is, cell by cell:
 *
 *  - `Year` is the first year of the two-year period (2002 → 2002-2003); 2010 is the revised
 *    2010-2011 estimates, and says so in the note.
 *  - `Rates.*` are proportions (0 to 1, six decimals) although drugs.md calls them percentages:
 *    the percent is the printed digits with the decimal point moved two places (0.048336 →
 *    4.8336), done on the text, so no floating-point multiplication adds digits that were never
 *    published. First use of marijuana is a percentage of the at-risk population (those who had
 *    not used marijuana before), as in SAMHSA's own tables, so its unit is percent_of_at_risk.
 *  - `Totals.*` are numbers of people in thousands, as printed; a 0 is SAMHSA's "rounds to 0".
 *  - `Population.*` are not output (and they are not the denominators of the first-use rates).
 *
 * Anything the importer does not expect — a column it does not know, a missing or reordered
 * column, a state it cannot name, a cell that is not a number of the expected form — throws an
 * Error naming the row and column. Nothing is guessed. Every observation passes the project's
 * rules (ObservationRules) before it is returned.
 *
 * A derived figure never overrides a SAMHSA original: `preferOriginals` drops each derived
 * observation whose key an original already holds.
 */
import { readCsvRecords } from './2-parse';
import { columnLetter } from './3-import-canonical';
import { ObservationRules } from './4-validate';
import { IssueLog, showText } from './issues';
import { seriesForIndicatorPeriod } from '../vocabulary/comparability';
import { geographyByCode, geographyCodeFromName } from '../vocabulary/geography';
import type { FieldName, Observation } from '../vocabulary/schema';

const COMMIT = 'c3f0bf0e157f9295099873b2730fb60fc4246c25';
const SHORT_COMMIT = COMMIT.slice(0, 7);

/** The dataset's entry for a data package's `sources` list. */
export const CORGIS_SOURCE: { title: string; path: string; version: string } = {
  title:
    "CORGIS Dataset Project (Bart, Whitcomb, Choi, Guan), drugs dataset, version 3.0.0: a re-publication of SAMHSA's National Survey on Drug Use and Health state small-area estimates, 2002-2003 to 2018-2019 (the figures are SAMHSA's and in the public domain; the CORGIS repository is GPL-3.0)",
  path: `https://github.com/corgis-edu/corgis/blob/${COMMIT}/website/datasets/csv/drugs/drugs.csv`,
  version: COMMIT,
};

/** CORGIS measure names (the middle of `Totals.<measure>.<age>`) → canonical indicators. */
const MEASURES = new Map<string, string>([
  ['Alcohol.Use Disorder Past Year', 'aud_past_year'],
  ['Alcohol.Use Past Month', 'alcohol_use_past_month'],
  ['Tobacco.Cigarette Past Month', 'cigarette_use_past_month'],
  ['Illicit Drugs.Cocaine Used Past Year', 'cocaine_use_past_year'],
  ['Marijuana.New Users', 'first_use_of_marijuana'],
  ['Marijuana.Used Past Month', 'marijuana_use_past_month'],
  ['Marijuana.Used Past Year', 'marijuana_use_past_year'],
  ['Tobacco.Use Past Month', 'tobacco_product_use_past_month'],
]);

/** The eight indicators the dataset holds. */
export const CORGIS_INDICATORS: readonly string[] = [...MEASURES.values()];

const AGES = ['12-17', '18-25', '26+'] as const;

/** Unit of each measure's rate: SAMHSA publishes first use as a percentage of the at-risk population. */
const RATE_UNIT = (indicator: string) => (indicator === 'first_use_of_marijuana' ? 'percent_of_at_risk' : 'percent');

/** The header exactly as CORGIS commit c3f0bf0 has it. */
const EXPECTED_HEADER: readonly string[] = [
  'State',
  'Year',
  ...AGES.map((a) => `Population.${a}`),
  ...[...MEASURES.keys()].flatMap((m) => ['Totals', 'Rates'].flatMap((kind) => AGES.map((a) => `${kind}.${m}.${a}`))),
];

const FIRST_YEAR = 2002;
const LAST_YEAR = 2018;

const SOURCE = (period: string) =>
  `CORGIS drugs dataset (corgis-edu/corgis, commit ${SHORT_COMMIT}), derived from SAMHSA's NSDUH state small-area estimates, ${period}`;

class CorgisError extends Error {
  constructor(row: number | null, column: string | null, index: number | null, message: string) {
    const where = [row !== null ? `row ${row}` : null, column !== null ? `column ${showText(column)}${index !== null ? ` (${columnLetter(index)})` : ''}` : null]
      .filter(Boolean)
      .join(', ');
    super(`CORGIS drugs.csv${where ? `, ${where}` : ''}: ${message}`);
    this.name = 'CorgisError';
  }
}

/**
 * A proportion as printed (0.048336) → the same number as a percent (4.8336), by moving the
 * decimal point two places in the text. CORGIS prints six decimals; two cells carry a
 * binary floating-point artefact instead (0.1328679999999999 for 0.132868): a seventh-and-later
 * tail of at least six 9s or six 0s is read as that artefact and resolved to its six decimals.
 * Any other form returns null.
 */
export function proportionToPercent(text: string): string | null {
  const m = /^(0|1)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  let digits = m[1] + (m[2] ?? ''); // the digits of the proportion, with one before the point
  let decimals = (m[2] ?? '').length;
  if (decimals > 6) {
    const tail = digits.slice(7);
    if (/^0{6,}\d{0,4}$/.test(tail)) digits = digits.slice(0, 7);
    else if (/^9{6,}\d{0,4}$/.test(tail)) digits = (BigInt(digits.slice(0, 7)) + 1n).toString().padStart(7, '0');
    else return null;
    decimals = 6;
  }
  if (m[1] === '1' && /[1-9]/.test(digits.slice(1))) return null; // above 1
  // Proportion = digits / 10^decimals; percent = digits / 10^(decimals - 2).
  const padded = digits.padEnd(3, '0');
  const point = padded.length - Math.max(0, decimals - 2);
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The percent a rate cell holds, as a number parsed once from exact decimal text. */
function percentOf(text: string): number | null {
  const shifted = proportionToPercent(text);
  return shifted === null ? null : Number(shifted);
}

/**
 * Reads CORGIS's drugs.csv into canonical observations: for each state, period, measure and age
 * group, the rate as a percent (percent_of_at_risk for first use of marijuana) and the total in
 * thousands. Throws an Error naming the row and column on anything unexpected.
 */
export async function readCorgisDrugs(bytes: Buffer): Promise<Observation[]> {
  const log = new IssueLog();
  const records: Array<{ row: number; cells: string[] }> = [];
  await readCsvRecords(
    bytes,
    (chunk, firstRow) => {
      chunk.forEach((cells, i) => records.push({ row: firstRow + i, cells }));
    },
    log,
  );
  if (!log.ok) {
    const e = log.errors[0];
    throw new CorgisError(e.row, e.column, null, e.message);
  }
  if (records.length === 0) throw new CorgisError(null, null, null, 'The file holds no rows.');

  const header = records[0].cells;
  checkHeader(header, records[0].row);

  const rules = new ObservationRules(log, (name) => CORGIS_INDICATORS.includes(name));
  const observations: Observation[] = [];
  const seen = new Map<string, number>(); // state|year → row
  const stateIndex = 0;
  const yearIndex = 1;

  for (const { row, cells } of records.slice(1)) {
    if (cells.length !== header.length) {
      throw new CorgisError(row, null, null, `The row has ${cells.length} cells, but the header has ${header.length} columns.`);
    }
    const stateName = cells[stateIndex];
    const code = geographyCodeFromName(stateName);
    if (!code || geographyByCode(code)?.level !== 'state') {
      throw new CorgisError(row, 'State', stateIndex, `${showText(stateName)} is not one of the 50 states or the District of Columbia.`);
    }
    const yearText = cells[yearIndex];
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < FIRST_YEAR || Number(yearText) > LAST_YEAR) {
      throw new CorgisError(row, 'Year', yearIndex, `${showText(yearText)} is not a year from ${FIRST_YEAR} to ${LAST_YEAR} (the first year of a two-year period).`);
    }
    const year = Number(yearText);
    const period = `${year}-${year + 1}`;
    const pair = `${code}|${year}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) throw new CorgisError(row, 'State', stateIndex, `${stateName} ${year} is already on row ${earlier}.`);
    seen.set(pair, row);
    const note = year === 2010 ? 'Revised 2010-2011 estimates.' : '';
    const source = SOURCE(period);

    for (const [measure, indicator] of MEASURES) {
      const series = seriesForIndicatorPeriod(indicator, period);
      if (!series) throw new CorgisError(row, 'Year', yearIndex, `No comparability series covers ${indicator} in ${period}.`);
      for (const age of AGES) {
        const rateColumn = `Rates.${measure}.${age}`;
        const totalColumn = `Totals.${measure}.${age}`;
        const rateIndex = header.indexOf(rateColumn);
        const totalIndex = header.indexOf(totalColumn);
        const rateText = cells[rateIndex];
        const totalText = cells[totalIndex];
        const percent = percentOf(rateText);
        if (percent === null) {
          throw new CorgisError(row, rateColumn, rateIndex, `${showText(rateText)} is not a proportion from 0 to 1 with at most six decimals (such as 0.048336).`);
        }
        if (!/^(0|[1-9]\d*)$/.test(totalText)) {
          throw new CorgisError(row, totalColumn, totalIndex, `${showText(totalText)} is not a whole number of thousands (such as 57).`);
        }
        const total = Number(totalText);
        const observation = (unit: string, estimate: number, qualifiers: string[]): Observation => ({
          indicator,
          period,
          geography: code,
          age_group: age,
          unit,
          estimate,
          ci_lower: null,
          ci_upper: null,
          interval_type: null,
          series: series.name,
          revision: 0,
          qualifiers,
          source,
          note,
        });
        const both: Array<[Observation, string]> = [
          [observation(RATE_UNIT(indicator), percent, ['derived']), rateColumn],
          [observation('thousands', total, total === 0 ? ['derived', 'rounded_to_zero'] : ['derived']), totalColumn],
        ];
        for (const [o, column] of both) {
          const columnOf = (field: FieldName): string | null =>
            field === 'geography' ? 'State' : field === 'period' ? 'Year' : field === 'estimate' || field === 'qualifiers' || field === 'unit' ? column : null;
          if (!rules.check(o, row, columnOf)) break;
          observations.push(o);
        }
        if (!log.ok) {
          const e = log.errors[0];
          throw new CorgisError(e.row, e.column, e.column ? header.indexOf(e.column) : null, e.message);
        }
      }
    }
  }
  rules.finish();
  if (!log.ok) {
    const e = log.errors[0];
    throw new CorgisError(e.row, e.column, null, e.message);
  }

  // Every state and DC in every period, once.
  const states = new Set([...seen.keys()].map((k) => k.split('|')[0]));
  for (const s of states) {
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      if (!seen.has(`${s}|${y}`)) throw new CorgisError(null, null, null, `There is no row for ${s} ${y}; the dataset covers every state and DC in every year from ${FIRST_YEAR} to ${LAST_YEAR}.`);
    }
  }
  if (states.size !== 51) throw new CorgisError(null, 'State', stateIndex, `The file covers ${states.size} states; it should cover the 50 states and DC.`);

  return observations;
}

/** Checks the header is exactly CORGIS's; the error names the first column that is not. */
function checkHeader(header: readonly string[], row: number): void {
  const pattern = /^(Totals|Rates|Population)\.(?:(.+)\.)?(12-17|18-25|26\+)$/;
  header.forEach((label, i) => {
    if (label === 'State' || label === 'Year') return;
    const m = pattern.exec(label);
    if (!m || (m[1] === 'Population') !== (m[2] === undefined) || (m[2] !== undefined && !MEASURES.has(m[2]))) {
      throw new CorgisError(
        row,
        label,
        i,
        `Unexpected column: the importer knows State, Year, Population.<age> and Totals/Rates.<measure>.<age> for the measures ${[...MEASURES.keys()].join('; ')} and the ages ${AGES.join(', ')}. A new column is never guessed at: map it in lib/import/3-import-corgis.ts first.`,
      );
    }
  });
  for (let i = 0; i < Math.max(header.length, EXPECTED_HEADER.length); i++) {
    if (header[i] === EXPECTED_HEADER[i]) continue;
    if (i >= header.length) throw new CorgisError(row, EXPECTED_HEADER[i], i, 'The column is missing: the header ends early.');
    const expected = EXPECTED_HEADER[i];
    throw new CorgisError(
      row,
      header[i],
      i,
      expected === undefined
        ? 'An extra column after the last expected one.'
        : header.indexOf(expected) === -1
          ? `Column ${showText(expected)} is missing (expected here).`
          : `The columns are not in CORGIS's order: expected ${showText(expected)} here.`,
    );
  }
}

const keyOf = (o: Observation) => `${o.indicator}\u0001${o.period}\u0001${o.geography}\u0001${o.age_group}\u0001${o.unit}\u0001${o.revision}`;

/**
 * A derived figure never overrides a SAMHSA original: drops every derived observation whose key
 * (indicator, period, geography, age group, unit, revision) is among the originals.
 */
export function preferOriginals(originals: Observation[], derived: Observation[]): { kept: Observation[]; dropped: number } {
  const held = new Set(originals.map(keyOf));
  const kept = derived.filter((o) => !held.has(keyOf(o)));
  return { kept, dropped: derived.length - kept.length };
}
