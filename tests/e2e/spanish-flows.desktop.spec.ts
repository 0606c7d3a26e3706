import { expect, test } from '@playwright/test';
import { formatObservation } from '../../lib/format/numbers';
import { stateRows as allStateRows, tooltip, type Row } from './data';

/**
 * The dashboard's flows in Spanish: the same keyboard, tooltip and URL-state behaviour as in
 * English (dashboard.spec.ts, chart-keys.desktop.spec.ts), with Spanish words and es-US numbers.
 */
const PERIOD = '2018-2019';
const stateRows = (indicator: string) => allStateRows(indicator).filter((r) => r.period === PERIOD);

/** A row as a Spanish page writes it: "7.41% (de 7.20% a 7.62%)" digits, Spanish words. */
function shownEs(r: Row) {
  const num = (v: string) => (v === '' ? null : Number(v));
  return formatObservation({ estimate: num(r.estimate), ci_lower: num(r.ci_lower), ci_upper: num(r.ci_upper), unit: r.unit, qualifiers: r.qualifiers ? r.qualifiers.split(';') : [] }, 'published', 'es');
}

test('the ranking by keyboard in Spanish: Spanish tooltip and hint, es-US numbers, Enter opens the Spanish profile', async ({ page }) => {
  const ranked = stateRows('sud_past_year');
  await page.goto(`/es?period=${PERIOD}`);
  const first = page.locator('[data-chart="ranking"] a[tabindex="0"]');
  await first.focus();
  await expect(page.locator('#ranking [data-testid="keys-hint"]')).toContainText('↑ ↓ pasar de un estado a otro');
  await expect(tooltip(page)).toContainText(shownEs(ranked[0]!).estimate);
  await expect(tooltip(page)).toContainText('(intervalo del 95%: de ');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-chart="ranking"] a:focus')).toHaveAttribute('data-state', ranked[1]!.geography);
  await expect(tooltip(page)).toContainText(shownEs(ranked[1]!).estimate);
  await page.keyboard.press('End');
  const last = ranked[ranked.length - 1]!;
  await expect(tooltip(page)).toContainText(shownEs(last).estimate);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/es/states/${last.geography}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the map by keyboard in Spanish names places in Spanish', async ({ page }) => {
  await page.goto(`/es?period=${PERIOD}`);
  await page.locator('[data-chart="map"] [data-state="NY"]').focus();
  await expect(tooltip(page)).toContainText('Nueva York');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-chart="map"] a:focus')).toHaveAttribute('data-state', 'PA');
  await expect(tooltip(page)).toContainText('Pensilvania');
});

test('a methodology break explains itself in Spanish on focus', async ({ page }) => {
  await page.goto('/es');
  const breaks = page.locator('[data-chart="trend"] .break');
  await expect(breaks).toHaveCount(3);
  await breaks.first().focus();
  await expect(tooltip(page)).toContainText('2015: cambió el método');
});

test('the Spanish view lives in the URL: it survives a reload, and back restores it, under /es', async ({ page }) => {
  await page.goto('/es');
  const picker = page.getByRole('combobox', { name: /^Indicador/ });
  await picker.selectOption('aud_past_year');
  await expect(page).toHaveURL(/\/es\?.*indicator=aud_past_year/);
  await page.getByRole('combobox', { name: /^Grupo de edad/ }).selectOption('18-25');
  await expect(page).toHaveURL(/\/es\?.*age=18-25/);
  await page.reload();
  await expect(picker).toHaveValue('aud_past_year');
  await expect(page.locator('#map .chart-title')).toContainText('Trastorno por consumo de alcohol');
  await page.goBack();
  await expect(page).not.toHaveURL(/age=18-25/);
  await expect(page).toHaveURL(/\/es\?.*indicator=aud_past_year/);
});
