/**
 * Builds the live datasets in data/ from the original files in data/sources/, through the same
 * importers staff use, and writes data/datapackage.json. Deterministic: running it twice changes
 * nothing, and a test checks that the committed data is exactly what it produces.
 *
 *   npm run data:build            rebuild data/
 *   npm run data:build -- --out DIR   write to another folder (used by the tests)
 */
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readCsvRecords } from '../import/2-parse';
import { ingest } from '../import/ingest';
import { IssueLog, type Issue } from '../import/issues';
import { PACKAGE_FILE, PROFILE, sha256File, type DataPackage, type DataResource, type IndicatorMeta, type SourceTable } from '../data/package';
import { QUALIFIERS } from '../vocabulary/qualifiers';
import { ObservationRules } from '../import/4-validate';
import { CANONICAL_SCHEMA, type FieldName, type Observation } from '../vocabulary/schema';
import { COMPARABILITY, seriesForIndicatorPeriod } from '../vocabulary/comparability';
import { SERIES } from '../vocabulary/series';
import { UNITS } from '../vocabulary/units';
import { compareAgeGroups } from '../vocabulary/age-groups';
import { toCanonicalCsv } from '../format/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = path.join(ROOT, 'data', 'sources');
const SAE_DIR = path.join(SOURCES, 'samhsa-sae-2018-2019');
const NATIONAL_FILE = path.join(SOURCES, 'nsduh-national', 'headline-figures.csv');

function fail(what: string, errors: Issue[]): never {
  console.error(`data:build: ${what} is invalid:`);
  for (const e of errors.slice(0, 20)) console.error(`  row ${e.row}, column "${e.column}": ${e.message}`);
  process.exit(1);
}

interface Built {
  observations: Observation[];
  sourceTables: SourceTable[];
  derivedNotes: Map<string, string[]>;
}

/** Every SAMHSA state table (percentages and counts) → one dataset. */
async function buildStateTables(): Promise<Built> {
  const files: string[] = [];
  for (const sub of ['percentages', 'counts']) {
    for (const name of (await readdir(path.join(SAE_DIR, sub))).sort()) {
      if (name.endsWith('.csv')) files.push(path.join(SAE_DIR, sub, name));
    }
  }
  const tableNumber = (f: string) => Number(/Tab(\d+)/.exec(f)?.[1] ?? 0);
  files.sort((a, b) => tableNumber(a) - tableNumber(b) || (a.includes('percentages') ? -1 : 1));

  const observations: Observation[] = [];
  const sourceTables: SourceTable[] = [];
  const derivedNotes = new Map<string, string[]>();
  for (const file of files) {
    const result = await ingest(await readFile(file), { knownIndicators: new Set(), collect: true });
    if (!result.ok || !result.table) fail(path.relative(ROOT, file), result.errors);
    const t = result.table;
    sourceTables.push({
      table: t.number,
      title: t.title,
      unit: t.unit,
      period: t.period,
      file: path.relative(path.join(ROOT, 'data'), file),
      notes: t.notes,
      sourceLine: t.sourceLine,
    });
    for (const ind of result.indicators) {
      const notes = derivedNotes.get(ind.name) ?? [];
      for (const n of ind.notes) if (!notes.includes(n)) notes.push(n);
      derivedNotes.set(ind.name, notes);
    }
    observations.push(...result.rows);
  }
  return { observations, sourceTables, derivedNotes };
}

/** Columns of headline-figures.csv that hold each canonical field, for error messages. */
const HEADLINE_COLUMNS = new Map<FieldName, string>([
  ['indicator', 'measure'],
  ['period', 'year'],
  ['age_group', 'population'],
  ['estimate', 'value'],
]);

const UNIT_NAMES = new Map<string, string>([
  ['million', 'millions'],
  ['thousands', 'thousands'],
  ['persons', 'persons'],
  ['percent', 'percent'],
  ['percent_of_needing', 'percent_of_needing'],
  ['percent_of_AUD', 'percent_of_aud'],
]);

/**
 * The verified national figures (one row per published figure, with its quotation in quotes.md)
 * mapped to canonical observations. Values are copied as published: nothing computed, nothing filled.
 */
async function buildNational(known: ReadonlySet<string>): Promise<Observation[]> {
  const log = new IssueLog();
  const rules = new ObservationRules(log, (name) => known.has(name));
  const observations: Observation[] = [];
  let header: string[] = [];
  await readCsvRecords(
    await readFile(NATIONAL_FILE),
    (records, firstRow) => {
      records.forEach((record, i) => {
        const row = firstRow + i;
        if (row === 1) {
          header = record;
          return;
        }
        const cell = (name: string) => record[header.indexOf(name)] ?? '';
        const unit = UNIT_NAMES.get(cell('unit'));
        const value = cell('value');
        if (!unit) log.error(row, 'unit', 'constraint-error', `Unknown unit ${cell('unit')}.`);
        if (!/^\d+(\.\d+)?$/.test(value)) log.error(row, 'value', 'type-error', `${value} is not a number.`);
        if (!unit || !/^\d+(\.\d+)?$/.test(value)) return;
        const note = cell('note');
        const o: Observation = {
          indicator: cell('measure'),
          period: cell('year'),
          geography: 'US',
          age_group: cell('population'),
          unit,
          estimate: Number(value),
          ci_lower: null,
          ci_upper: null,
          interval_type: null,
          // The measure's series from the comparability registry (the source file names the
          // default breaks; for measures comparable across 2015 the registry joins them).
          series: seriesForIndicatorPeriod(cell('measure'), cell('year'))?.name ?? cell('series'),
          revision: /\brevised\b/i.test(note) ? 1 : 0,
          qualifiers: cell('source_kind') === 'federal_text_copy' ? ['federal_text_copy'] : [],
          source: cell('source'),
          note,
        };
        if (rules.check(o, row, (field) => HEADLINE_COLUMNS.get(field) ?? field)) observations.push(o);
      });
    },
    log,
  );
  rules.finish();
  if (!log.ok) fail(path.relative(ROOT, NATIONAL_FILE), log.errors);
  return observations.sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      a.period.localeCompare(b.period) ||
      compareAgeGroups(a.age_group, b.age_group) ||
      a.unit.localeCompare(b.unit) ||
      a.revision - b.revision,
  );
}

async function main() {
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag === -1 ? path.join(ROOT, 'data') : path.resolve(process.argv[outFlag + 1]);
  await mkdir(outDir, { recursive: true });

  const catalogue = JSON.parse(await readFile(path.join(SOURCES, 'indicators.json'), 'utf8')) as {
    universe: string;
    indicators: Array<Omit<IndicatorMeta, 'universe'>>;
  };
  const known = new Set(catalogue.indicators.map((i) => i.name));

  const state = await buildStateTables();
  const national = await buildNational(known);

  // Checks the state dataset as a whole (keys are unique across tables), with the package's indicators.
  const combined = new IssueLog();
  const rules = new ObservationRules(combined, (name) => known.has(name));
  state.observations.forEach((o, i) => rules.check(o, i + 2, () => null));
  rules.finish();
  if (!combined.ok) fail('the combined state dataset', combined.errors);

  let previous: DataPackage | null = null;
  try {
    // Always compare with the live package, so a build into another folder (the tests) is identical.
    previous = JSON.parse(await readFile(path.join(ROOT, 'data', PACKAGE_FILE), 'utf8')) as DataPackage;
  } catch {
    previous = null;
  }
  const now = new Date().toISOString();

  const datasets: Array<Omit<DataResource, 'bytes' | 'hash' | 'lastModified' | 'observations'> & { rows: Observation[] }> = [
    {
      name: 'national-estimates',
      title: 'National estimates, 2002–2024',
      description:
        'Published national NSDUH estimates of substance use, substance use disorders and treatment, 2002–2024, each traced to the SAMHSA report or federal text that published it. Sparse by design: a year appears only where a figure was verified. Methodology breaks are marked by the series column.',
      path: 'national-estimates.csv',
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
      schema: CANONICAL_SCHEMA,
      sources: [
        {
          title: 'SAMHSA National Survey on Drug Use and Health reports, and federal texts (NIDA, NIAAA, AHRQ, Healthy People) quoting them; the quotation for every figure is in sources/nsduh-national/quotes.md',
          path: 'https://www.samhsa.gov/data/data-we-collect/nsduh-national-survey-drug-use-and-health',
        },
      ],
      rows: national,
    },
    {
      name: 'state-estimates-2018-2019',
      title: 'State estimates, 2018–2019',
      description:
        'SAMHSA’s 2018–2019 NSDUH state-specific tables (small area estimates): annual averages of the 2018 and 2019 surveys for the nation, the four census regions, the 50 states and DC, by age group, as percentages and as numbers of people (in thousands), with 95% intervals. DSM-IV criteria; not comparable with 2020 and later.',
      path: 'state-estimates-2018-2019.csv',
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
      schema: CANONICAL_SCHEMA,
      sources: [
        {
          title: 'SAMHSA, Center for Behavioral Health Statistics and Quality, 2018-2019 NSDUH State-Specific Tables (CSV files)',
          path: 'https://www.samhsa.gov/data/report/2018-2019-nsduh-state-specific-tables',
          version: '2018-2019',
        },
      ],
      sourceTables: state.sourceTables,
      rows: state.observations,
    },
  ];

  const resources: DataResource[] = [];
  let changed = false;
  for (const { rows, ...meta } of datasets) {
    const file = path.join(outDir, meta.path);
    const csv = toCanonicalCsv(rows);
    await writeFile(file, csv);
    const hash = `sha256:${await sha256File(file)}`;
    const bytes = Buffer.byteLength(csv);
    const before = previous?.resources.find((r) => r.name === meta.name);
    const same = before?.hash === hash;
    if (!same) changed = true;
    resources.push({ ...meta, bytes, hash, lastModified: same && before ? before.lastModified : now, observations: rows.length });
  }

  const used = new Set([...state.observations, ...national].map((o) => o.indicator));
  const unused = [...known].filter((n) => !used.has(n));
  if (unused.length) console.warn(`data:build: indicators defined but unused: ${unused.join(', ')}`);
  const indicators: IndicatorMeta[] = catalogue.indicators
    .filter((i) => used.has(i.name))
    .map((i) => ({
      name: i.name,
      title: i.title,
      definition: i.definition,
      universe: catalogue.universe,
      notes: [...i.notes, ...(state.derivedNotes.get(i.name) ?? []).filter((n) => !i.notes.includes(n))],
    }));

  // Data Package versioning: new or changed data is a minor version; metadata-only changes a patch.
  const bump = (v: string, part: 'minor' | 'patch') => {
    const [major, minor, patch] = v.split('.').map(Number);
    return part === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
  };
  const pkg: DataPackage = {
    $schema: PROFILE,
    name: 'substance-use-atlas',
    title: 'Substance Use Atlas: NSDUH estimates',
    description:
      'Estimates of substance use, substance use disorders and treatment in the United States from the National Survey on Drug Use and Health (NSDUH), published by SAMHSA, in one tidy format with their 95% intervals, comparability series and sources.',
    version: previous?.version ?? '1.0.0',
    created: previous?.created ?? now,
    homepage: 'https://github.com/substance-use-atlas/substance-use-atlas',
    keywords: ['NSDUH', 'SAMHSA', 'substance use', 'substance use disorder', 'addiction', 'treatment'],
    licenses: [
      {
        name: 'other-pd',
        title: 'U.S. Government work in the public domain; please cite SAMHSA as the source',
        path: 'https://www.usa.gov/government-copyright',
      },
    ],
    sources: [
      {
        title: 'Substance Abuse and Mental Health Services Administration (SAMHSA), National Survey on Drug Use and Health',
        path: 'https://www.samhsa.gov/data/data-we-collect/nsduh-national-survey-drug-use-and-health',
      },
    ],
    contributors: [{ title: 'Substance Use Atlas contributors', roles: ['dataCurator'] }],
    resources,
    indicators,
    series: [...SERIES],
    comparability: COMPARABILITY,
    qualifiers: [...QUALIFIERS],
    units: [...UNITS],
  };
  const comparable = (p: DataPackage) => JSON.stringify({ ...p, version: undefined, created: undefined });
  if (previous && changed) pkg.version = bump(previous.version, 'minor');
  else if (previous && comparable(previous) !== comparable(pkg)) pkg.version = bump(previous.version, 'patch');
  await writeFile(path.join(outDir, PACKAGE_FILE), `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(
    `data:build: wrote ${resources.map((r) => `${r.path} (${r.observations} observations)`).join(', ')} and ${PACKAGE_FILE} (version ${pkg.version}) to ${path.relative(ROOT, outDir) || '.'}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
