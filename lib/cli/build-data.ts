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
import { createHash } from 'node:crypto';
import { ingest, ingestArchive, type IngestResult } from '../import/ingest';
import { IssueLog, type Issue } from '../import/issues';
import { PACKAGE_FILE, PROFILE, sha256File, type DataPackage, type DataResource, type DataSource, coverageOf, type IndicatorMeta, type NotImported, type SourceFile, type SourceTable } from '../data/package';
import { entry } from '../i18n/vocabulary-registry';
import { ES_CATALOGUE, PACKAGE_COMPARABILITY, PACKAGE_QUALIFIERS, PACKAGE_SERIES, PACKAGE_UNITS } from '../data/package-vocabulary';
import { ObservationRules } from '../import/4-validate';
import { CANONICAL_SCHEMA, type FieldName, type Observation } from '../vocabulary/schema';
import { seriesForIndicatorPeriod } from '../vocabulary/comparability';
import { SERIES, periodYears } from '../vocabulary/series';
import { GEOGRAPHIES } from '../vocabulary/geography';
import { UNITS } from '../vocabulary/units';
import { compareAgeGroups } from '../vocabulary/age-groups';
import { toCanonicalCsv } from '../format/csv';
import { CORGIS_SOURCE, readCorgisDrugs } from '../import/3-import-corgis';
import { readSamhsaWebPage } from '../import/3-import-samhsa-web-page';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'data');
const SOURCES = path.join(DATA, 'sources');
const NATIONAL_FILE = path.join(SOURCES, 'nsduh-national', 'headline-figures.csv');

function fail(what: string, errors: Issue[]): never {
  console.error(`data:build: ${what} is invalid:`);
  for (const e of errors.slice(0, 20)) console.error(`  row ${e.row}, column "${e.column}": ${e.message}`);
  process.exit(1);
}

/**
 * How much a source is trusted when two give the same figure (same indicator, period, place, age
 * group, unit and revision): SAMHSA's tables with intervals first, then SAMHSA's web pages (no
 * intervals), then a derived re-publication. A figure never comes from a lower rank when a higher
 * one has it; two sources of one rank giving the same key is an error.
 */
enum Rank {
  SamhsaTable = 0,
  SamhsaWebPage = 1,
  Derived = 2,
}

interface Built {
  /** Sources beyond SAMHSA's tables (web pages, derived), per era. */
  extraSources: Array<{ era: 'before' | 'after'; source: DataSource }>;
  /** Files that are not tables (web pages, derived) and which eras their rows fall in. */
  fileEras: Map<string, Set<string>>;
  observations: Observation[];
  sourceTables: SourceTable[];
  sourceFiles: SourceFile[];
  notImported: NotImported[];
  derivedNotes: Map<string, string[]>;
}

/**
 * Tables of the shared files that SAMHSA itself mislabelled, so the importer refuses them (as it
 * would refuse them from staff). The build fails if one of them starts importing (the reason
 * would be stale) or if any other table fails.
 */
const KNOWN_REFUSALS = new Map<string, string>([
  [
    'sources/samhsa-sae-workbooks/2013-2014/NSDUHsaeTotals2014.xlsx#Table 13',
    'SAMHSA’s header labels two columns “26 or Older 95% CI (Upper)” and none “18 or Older 95% CI (Upper)”, so which bound belongs to which age group cannot be read from the table.',
  ],
  [
    'sources/samhsa-sae-workbooks/2014-2015/NSDUHsaeTotals2015.xlsx#Table 8',
    'SAMHSA’s header labels a column “26 or Older 95% CI (Upper)2” where “18 or Older 95% CI (Upper)” belongs, so which bound belongs to which age group cannot be read from the table.',
  ],
]);

/** Where each original file came from: SAMHSA's address, or the repository copy listed in a SOURCES.tsv beside it. */
async function provenance(): Promise<Map<string, { sha256: string; origin: string }>> {
  const out = new Map<string, { sha256: string; origin: string }>();
  for (const dir of ['samhsa-sae-workbooks', 'samhsa-sae-2021', 'samhsa-state-web-pages']) {
    const text = await readFile(path.join(SOURCES, dir, 'SOURCES.tsv'), 'utf8');
    const [head, ...lines] = text.trim().split('\n').map((l) => l.split('\t'));
    const col = (row: string[], name: string) => row[head.indexOf(name)] ?? '';
    for (const row of lines) {
      const file = col(row, 'file');
      const rel = file.startsWith(`${dir}/`) ? file : `${dir}/${file}`;
      const saved = col(row, 'saved_from');
      out.set(`sources/${rel}`, {
        sha256: col(row, 'sha256'),
        origin: `Copy of SAMHSA’s file from GitHub repository ${col(row, 'repository')}, ${col(row, 'path_in_repository')} at commit ${col(row, 'commit')}${saved ? `; SAMHSA’s page ${saved}` : ''}`,
      });
    }
  }
  return out;
}

class StateCollector {
  private byKey = new Map<string, { o: Observation; rank: Rank; file: string }>();
  readonly sourceTables: SourceTable[] = [];
  readonly sourceFiles: SourceFile[] = [];
  readonly notImported: NotImported[] = [];
  readonly derivedNotes = new Map<string, string[]>();
  private known: Map<string, { sha256: string; origin: string }> = new Map();

  async init() {
    this.known = await provenance();
  }

  /** Records an original file with its SHA-256, checked against the one its SOURCES.tsv lists. */
  async file(abs: string, origin: string): Promise<Buffer> {
    const bytes = await readFile(abs);
    const rel = path.relative(DATA, abs).split(path.sep).join('/');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const listed = this.known.get(rel);
    if (listed && listed.sha256 !== sha) {
      console.error(`data:build: ${rel} does not match the SHA-256 its SOURCES.tsv lists (${listed.sha256}); the original changed.`);
      process.exit(1);
    }
    this.sourceFiles.push({ path: rel, bytes: bytes.length, sha256: sha, origin: listed?.origin ?? origin });
    return bytes;
  }

  add(rows: readonly Observation[], rank: Rank, file: string) {
    for (const o of rows) {
      const key = `${o.indicator}|${o.period}|${o.geography}|${o.age_group}|${o.unit}|${o.revision}`;
      const had = this.byKey.get(key);
      if (!had || rank < had.rank) this.byKey.set(key, { o, rank, file });
      else if (had.rank === rank) {
        console.error(`data:build: ${file} and ${had.file} both give ${key}.`);
        process.exit(1);
      }
    }
  }

  /** One SAMHSA table (a CSV file or a workbook sheet), read by the same importer staff use. */
  table(result: IngestResult, file: string, member: string | null) {
    const where = member ? `${file}#${member}` : file;
    const known = KNOWN_REFUSALS.get(where);
    if (!result.ok || !result.table) {
      if (!known) fail(where, result.errors);
      this.notImported.push({ file, table: member ?? path.basename(file), reason: known });
      return;
    }
    if (known) {
      console.error(`data:build: ${where} now imports; remove it from KNOWN_REFUSALS.`);
      process.exit(1);
    }
    const t = result.table;
    this.sourceTables.push({ table: t.number, title: t.title, unit: t.unit, period: t.period, file: member ? `${file}#${member}` : file, notes: t.notes, sourceLine: t.sourceLine });
    for (const ind of result.indicators) {
      const notes = this.derivedNotes.get(ind.name) ?? [];
      for (const n of ind.notes) if (!notes.includes(n)) notes.push(n);
      this.derivedNotes.set(ind.name, notes);
    }
    this.add(result.rows, Rank.SamhsaTable, where);
  }

  observations(): Observation[] {
    return [...this.byKey.values()].map((v) => v.o);
  }
}

const csvFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort().map((n) => path.join(dir, n));

/** Every SAMHSA state release in data/sources, plus the derived re-publication where SAMHSA's originals are missing. */
async function buildStateTables(): Promise<Built> {
  const c = new StateCollector();
  await c.init();
  const options = { knownIndicators: new Set<string>(), collect: true };

  // SAMHSA's CSV exports: 2018-2019 (percentages and counts) and 2021 (percentages).
  for (const [dir, origin] of [
    ['samhsa-sae-2018-2019/percentages', 'SAMHSA, 2018-2019 NSDUH State-Specific Tables, https://www.samhsa.gov/data/report/2018-2019-nsduh-state-specific-tables'],
    ['samhsa-sae-2018-2019/counts', 'SAMHSA, 2018-2019 NSDUH State-Specific Tables, https://www.samhsa.gov/data/report/2018-2019-nsduh-state-specific-tables'],
    ['samhsa-sae-2021/percentages', 'SAMHSA, 2021 NSDUH State-Specific Tables'],
  ] as const) {
    for (const abs of await csvFiles(path.join(SOURCES, dir))) {
      const bytes = await c.file(abs, origin);
      c.table(await ingest(bytes, options), path.relative(DATA, abs).split(path.sep).join('/'), null);
    }
  }
  // SAMHSA's workbooks, one sheet per table.
  const books = path.join(SOURCES, 'samhsa-sae-workbooks');
  for (const period of (await readdir(books)).filter((n) => /^\d{4}-\d{4}$/.test(n)).sort()) {
    for (const name of (await readdir(path.join(books, period))).filter((n) => n.endsWith('.xlsx')).sort()) {
      const abs = path.join(books, period, name);
      const rel = path.relative(DATA, abs).split(path.sep).join('/');
      const archive = await ingestArchive(await c.file(abs, 'SAMHSA state-specific tables (workbook)'), options);
      for (const t of archive.tables) c.table(t.result, rel, t.member);
    }
  }
  // SAMHSA's web pages (2009-2010 to 2016-2017): point estimates without intervals, and SAMHSA's
  // own change tests of 2008-2009 against 2009-2010; converted here, not an upload format.
  const pages = path.join(SOURCES, 'samhsa-state-web-pages');
  const fileEras = new Map<string, Set<string>>();
  for (const name of (await readdir(pages)).filter((n) => n.endsWith('.html')).sort()) {
    const abs = path.join(pages, name);
    const rel = path.relative(DATA, abs).split(path.sep).join('/');
    const page = readSamhsaWebPage(await c.file(abs, 'SAMHSA state tables (web page)'), rel);
    c.add(page.observations, Rank.SamhsaWebPage, rel);
    fileEras.set(rel, new Set(['before']));
  }
  // The derived re-publication, for the periods and places SAMHSA's files here do not hold.
  const corgis = path.join(SOURCES, 'derived', 'corgis-drugs', 'drugs.csv');
  const corgisRel = path.relative(DATA, corgis).split(path.sep).join('/');
  c.add(await readCorgisDrugs(await c.file(corgis, `${CORGIS_SOURCE.title}; ${CORGIS_SOURCE.path}`)), Rank.Derived, corgisRel);
  return {
    extraSources: [{ era: 'before', source: CORGIS_SOURCE }],
    fileEras: fileEras.set(corgisRel, new Set(['before'])),
    observations: c.observations(),
    sourceTables: c.sourceTables,
    sourceFiles: c.sourceFiles,
    notImported: c.notImported,
    derivedNotes: c.derivedNotes,
  };
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

type DatasetSpec = Omit<DataResource, 'bytes' | 'hash' | 'lastModified' | 'observations' | 'coverage'> & { rows: Observation[] };

const GEO_ORDER = new Map(GEOGRAPHIES.map((g, i) => [g.code, i]));
const UNIT_ORDER = new Map(UNITS.map((u, i) => [u.name, i]));
const byStateOrder = (a: Observation, b: Observation) =>
  a.indicator.localeCompare(b.indicator) ||
  a.period.localeCompare(b.period) ||
  (UNIT_ORDER.get(a.unit) ?? 99) - (UNIT_ORDER.get(b.unit) ?? 99) ||
  (GEO_ORDER.get(a.geography) ?? 999) - (GEO_ORDER.get(b.geography) ?? 999) ||
  compareAgeGroups(a.age_group, b.age_group) ||
  a.revision - b.revision;

/** A dataset's Spanish title from data/sources/translations/es/catalogue.json; the build stops if it has none. */
function spanishTitle(name: string): string {
  const title = entry(ES_CATALOGUE.resources, name)?.title;
  if (!title) throw new Error(`data:build: data/sources/translations/es/catalogue.json has no Spanish title for ${name}`);
  return title;
}

const CSV_RESOURCE = {
  type: 'table',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
  schema: CANONICAL_SCHEMA,
} as const;

/**
 * The state releases split where NSDUH's methods split for every measure: before 2020 (DSM-IV,
 * interviews in person) and from 2021 (DSM-5, web and in person). A dataset never mixes the two,
 * and its scope says so, so an upload of one era is never published into the other unasked.
 */
function stateDatasets(state: Built): DatasetSpec[] {
  const eraOf = (period: string) => ((periodYears(period)?.[1] ?? 0) <= 2019 ? 'before' : 'after');
  const rowsOf = (era: string) => state.observations.filter((o) => eraOf(o.period) === era).sort(byStateOrder);
  const tablesOf = (era: string) => state.sourceTables.filter((t) => eraOf(t.period) === era);
  const filesOf = (era: string) => {
    const files = new Set(tablesOf(era).map((t) => t.file.split('#')[0]));
    for (const [file, eras] of state.fileEras) if (eras.has(era)) files.add(file);
    return state.sourceFiles.filter((f) => files.has(f.path));
  };
  const notImportedOf = (era: string) => state.notImported.filter((n) => filesOf(era).some((f) => f.path === n.file));
  const before = rowsOf('before');
  const after = rowsOf('after');
  const periods = (rows: Observation[]) => [...new Set(rows.map((o) => o.period))].sort();
  /** "2002–2003 to 2010–2011 and 2018–2019": consecutive periods as one run. */
  const list = (ps: string[]) => {
    const runs: string[][] = [];
    for (const p of ps) {
      const last = runs.at(-1)?.at(-1);
      const pooled = (x: string) => x.includes('-');
      if (last && pooled(p) && pooled(last) && (periodYears(p)?.[0] ?? 0) === (periodYears(last)?.[0] ?? 0) + 1) runs.at(-1)?.push(p);
      else runs.push([p]);
    }
    const words = runs.flatMap((r) => (r.length > 2 ? [`${r[0]} to ${r.at(-1)}`] : r)).map((w) => w.replace(/(\d{4})-(\d{4})/g, '$1–$2'));
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
  };
  /** The same list in Spanish: "2002–2003 a 2010–2011 y 2018–2019". */
  const listEs = (ps: string[]) => list(ps).replace(/ to /g, ' a ').replace(/ and (?=[^,]*$)/, ' y ');
  const derived = before.filter((o) => o.qualifiers.includes('derived'));
  return [
    {
      name: 'state-estimates-2002-2019',
      title: 'State estimates, 2002–2019',
      description: `SAMHSA’s NSDUH state estimates (small area estimates) before the 2020 changes: annual averages of two survey years for the nation, the four census regions, the 50 states and DC, by age group, as percentages and as numbers of people (in thousands), for ${list(periods(before))}. 95% intervals where SAMHSA published them: its tables and workbooks, and its web tables of 2008–2009 to 2010–2011; its State-Specific web pages (2011–2012 to 2016–2017) give point estimates only, and so does the derived re-publication. ${derived.length ? `Figures for ${list(periods(derived))} that SAMHSA’s files here do not hold come from a derived re-publication (CORGIS), marked “derived” and never replacing a SAMHSA original. ` : ''}Consecutive periods share a year and are not independent. DSM-IV criteria; not comparable with 2020 and later; within 2002–2019, comparable across 2015 only for the measures the comparability registry lists.`,
      translations: {
        es: {
          title: spanishTitle('state-estimates-2002-2019'),
          description: `Estimaciones estatales de la NSDUH de SAMHSA (estimaciones para áreas pequeñas) anteriores a los cambios de 2020: promedios anuales de dos años de encuesta para el país, las cuatro regiones censales, los 50 estados y DC, por grupo de edad, en porcentajes y en número de personas (en miles), para ${listEs(periods(before))}. Intervalos del 95% donde SAMHSA los publicó: en sus tablas y libros de Excel, y en sus tablas web de 2008–2009 a 2010–2011; sus páginas web de tablas por estado (de 2011–2012 a 2016–2017) solo dan estimaciones puntuales, igual que la republicación derivada. ${derived.length ? `Las cifras de ${listEs(periods(derived))} que los archivos de SAMHSA aquí reunidos no contienen provienen de una republicación derivada (CORGIS), marcadas como “derivadas” y sin reemplazar nunca un original de SAMHSA. ` : ''}Los períodos consecutivos comparten un año y no son independientes. Criterios del DSM-IV; no son comparables con 2020 ni años posteriores; dentro de 2002–2019, son comparables a través de 2015 solo para las medidas que indica el registro de comparabilidad.`,
        },
      },
      path: 'state-estimates-2002-2019.csv',
      ...CSV_RESOURCE,
      scope: { series: ['DSM-IV_2002-2014', 'DSM-IV_2015-2019', 'NSDUH_2002-2019'] },
      sources: [
        {
          title: 'SAMHSA, Center for Behavioral Health Statistics and Quality, NSDUH State-Specific Tables and State Estimates (CSV files, Excel workbooks and web pages), 2009–2010 to 2018–2019',
          path: 'https://www.samhsa.gov/data/nsduh/state-reports',
        },
        ...state.extraSources.filter((x) => x.era === 'before').map((x) => x.source),
      ],
      sourceTables: tablesOf('before'),
      sourceFiles: filesOf('before'),
      notImported: notImportedOf('before'),
      rows: before,
    },
    {
      name: 'state-estimates-2021-on',
      title: 'State estimates, 2021 onward',
      description: `SAMHSA’s NSDUH state estimates from 2021, when the survey switched to DSM-5 criteria and web plus in-person interviews: ${list(periods(after))}, for the nation, the four census regions, the 50 states and DC, by age group. 2021 is a single year (it could not be pooled with 2020); 2021–2022 is an annual average of two years; 2022 alone holds the treatment measures SAMHSA redefined that year. Not comparable with 2019 or earlier.`,
      translations: {
        es: {
          title: spanishTitle('state-estimates-2021-on'),
          description: `Estimaciones estatales de la NSDUH de SAMHSA desde 2021, cuando la encuesta pasó a los criterios del DSM-5 y a entrevistas por internet y en persona: ${listEs(periods(after))}, para el país, las cuatro regiones censales, los 50 estados y DC, por grupo de edad. 2021 es un solo año (no se pudo combinar con 2020); 2021–2022 es un promedio anual de dos años; 2022 por sí solo contiene las medidas de tratamiento que SAMHSA redefinió ese año. No son comparables con 2019 ni años anteriores.`,
        },
      },
      path: 'state-estimates-2021-on.csv',
      ...CSV_RESOURCE,
      scope: { series: ['DSM-5_2021+'] },
      sources: [
        {
          title: 'SAMHSA, Center for Behavioral Health Statistics and Quality, NSDUH State-Specific Tables, 2021 and 2021–2022',
          path: 'https://www.samhsa.gov/data/nsduh/state-reports',
        },
      ],
      sourceTables: tablesOf('after'),
      sourceFiles: filesOf('after'),
      notImported: notImportedOf('after'),
      rows: after,
    },
  ];
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

  const datasets: DatasetSpec[] = [
    {
      name: 'national-estimates',
      title: 'National estimates, 2002–2024',
      description:
        'Published national NSDUH estimates of substance use, substance use disorders and treatment, 2002–2024, each traced to the SAMHSA report or federal text that published it. Sparse by design: a year appears only where a figure was verified. Methodology breaks are marked by the series column.',
      translations: {
        es: {
          title: spanishTitle('national-estimates'),
          description:
            'Estimaciones nacionales publicadas de la NSDUH sobre consumo de sustancias, trastornos por consumo de sustancias y tratamiento, 2002–2024, cada una rastreada hasta el informe de SAMHSA o el texto federal que la publicó. Escasas por diseño: un año aparece solo donde se verificó una cifra. Las columnas de serie marcan los cambios de metodología.',
        },
      },
      path: 'national-estimates.csv',
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
      schema: CANONICAL_SCHEMA,
      scope: { series: SERIES.map((x) => x.name) },
      sources: [
        {
          title: 'SAMHSA National Survey on Drug Use and Health reports, and federal texts (NIDA, NIAAA, AHRQ, Healthy People) quoting them; the quotation for every figure is in sources/nsduh-national/quotes.md',
          path: 'https://www.samhsa.gov/data/data-we-collect/nsduh-national-survey-drug-use-and-health',
        },
      ],
      rows: national,
    },
    ...stateDatasets(state),
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
    resources.push({ ...meta, bytes, hash, lastModified: same && before ? before.lastModified : now, observations: rows.length, coverage: coverageOf(rows) });
  }

  const used = new Set([...state.observations, ...national].map((o) => o.indicator));
  const unused = [...known].filter((n) => !used.has(n));
  if (unused.length) console.warn(`data:build: indicators defined but unused: ${unused.join(', ')}`);
  const indicators: IndicatorMeta[] = catalogue.indicators
    .filter((i) => used.has(i.name))
    .map((i) => {
      const notes = [...i.notes, ...(state.derivedNotes.get(i.name) ?? []).filter((n) => !i.notes.includes(n))];
      const es = entry(ES_CATALOGUE.indicators, i.name);
      const universe = entry(ES_CATALOGUE.universes, catalogue.universe);
      return {
        name: i.name,
        title: i.title,
        definition: i.definition,
        universe: catalogue.universe,
        notes,
        // Notes quoted from SAMHSA stay in English; our own notes have a Spanish copy when every note does.
        ...(es ? { translations: { es: { title: es.title, definition: es.definition, ...(universe ? { universe } : {}), ...(es.notes && es.notes.length === notes.length ? { notes: es.notes } : {}) } } } : {}),
      };
    });

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
        translations: { es: { title: 'Obra del Gobierno de los EE. UU. en el dominio público; cite a SAMHSA como fuente' } },
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
    // Each list with its Spanish beside the English (lib/data/package-vocabulary.ts).
    series: PACKAGE_SERIES,
    comparability: PACKAGE_COMPARABILITY,
    qualifiers: PACKAGE_QUALIFIERS,
    units: PACKAGE_UNITS,
    translations: {
      es: {
        title: 'Substance Use Atlas: estimaciones de la NSDUH',
        description:
          'Estimaciones del consumo de sustancias, los trastornos por consumo de sustancias y el tratamiento en los Estados Unidos, de la Encuesta Nacional sobre el Consumo de Drogas y la Salud (NSDUH) que publica SAMHSA, en un mismo formato ordenado, con sus intervalos del 95%, sus series de comparabilidad y sus fuentes.',
      },
    },
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
