/** Reads expected values from data/ so tests never hard-code a statistic. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { formatObservation } from '../../lib/format/numbers';

const DATA = path.join(__dirname, '..', '..', 'data');

export type Row = Record<string, string>;

const parsed = new Map<string, Row[]>();
/** A data file's rows (read once per test worker: the state file is 30 MB). */
export function rows(file: string): Row[] {
  let r = parsed.get(file);
  if (!r) {
    r = Papa.parse<Row>(readFileSync(path.join(DATA, file), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
    parsed.set(file, r);
  }
  return r;
}

export function findRow(file: string, match: Partial<Row>): Row {
  const found = rows(file).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (!found) throw new Error(`no row in ${file} matching ${JSON.stringify(match)}`);
  return found;
}

export const STATE_FILE = 'state-estimates-2002-2019.csv';
/** Every dataset with state figures. */
export const STATE_FILES = [STATE_FILE, 'state-estimates-2021-on.csv'];
const STATES = new Set(rows(STATE_FILE).filter((r) => r.geography.length === 2 && r.geography !== 'US').map((r) => r.geography));

/** The state rows of a selection, highest first, as the ranking orders them (ties by name via code order here). */
export function stateRows(indicator: string, age = '12+', unit = 'percent'): Row[] {
  return rows(STATE_FILE)
    .filter((r) => r.indicator === indicator && r.age_group === age && r.unit === unit && STATES.has(r.geography))
    .sort((a, b) => Number(b.estimate) - Number(a.estimate));
}

/** The published estimate and interval of a row, formatted as the site shows them. */
export function shown(r: Row) {
  const num = (v: string) => (v === '' ? null : Number(v));
  return formatObservation({ estimate: num(r.estimate), ci_lower: num(r.ci_lower), ci_upper: num(r.ci_upper), unit: r.unit, qualifiers: r.qualifiers ? r.qualifiers.split(';') : [] });
}

export const tooltip = (page: Page) => page.getByTestId('tooltip');


/**
 * Waits until the dashboard's charts are laid out for their own width. The server draws them at a
 * guessed width and the browser scales that drawing until the page runs; then each chart either
 * keeps it (a close guess) or is laid out again, so rows and points move. A pointer placed before
 * that lands on whatever moved under it. A chart below the fold is measured only once its section
 * nears the screen (content-visibility), so each is brought into view in turn, and the page is
 * left scrolled to the top.
 */
export async function chartsLaidOut(page: Page) {
  const bodies = page.locator('.chart-body[data-width]');
  await expect(bodies.first()).toBeAttached();
  for (const body of await bodies.all()) {
    if (!(await body.isVisible())) continue; // a chart with nothing to draw
    await body.scrollIntoViewIfNeeded();
    await expect(body).toHaveAttribute('data-laid-out', '');
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
