/**
 * axe-core scans for the browser tests, kept cheap enough for a slow machine.
 *
 * @axe-core/playwright's AxeBuilder re-injects axe (half a megabyte of script) on every scan,
 * ships every passing node's HTML back over the wire and finishes the run in a freshly opened
 * page: on the home page with its tables open, about 9 s of a 10 s scan. Here axe is injected
 * once per document and asked for violations only, so a scan costs what axe itself costs.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Rules axe marks experimental, run as well. label-content-name-mismatch (WCAG 2.5.3, Label in
 * Name): a link's name must contain its visible words, so a voice user can say what they see.
 * Lighthouse runs it; the ranking's "higher" rows and the map's "DC" once failed it.
 */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

/**
 * axe-core itself, pinned in package.json: the version Lighthouse runs. The one @axe-core/playwright
 * bundled (4.10, used here before) missed the Label-in-Name failures Lighthouse flagged.
 */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * The violations axe finds in the page, or only inside the elements `include` selects, one line
 * each (rule, impact, help and the first three elements).
 */
export async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    ({ include, tags, EXTRA_RULES }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
      return axe
        .run(include ? { include } : document, { runOnly: { type: 'tag', values: tags }, rules: EXTRA_RULES, resultTypes: ['violations'] })
        .then((r) => r.violations);
    },
    { include, tags: AXE_TAGS, EXTRA_RULES },
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Opens the closed disclosures `selector` matches, marked so a scan can include only them, and
 * waits until their contents are built; returns how many it opened.
 */
async function openClosed(page: Page, selector: string): Promise<number> {
  const opened = await page.evaluate((selector) => {
    const closed = [...document.querySelectorAll<HTMLDetailsElement>(selector)].filter((d) => !d.open && d.checkVisibility());
    for (const d of closed) {
      d.dataset.axeOpened = '';
      d.open = true;
    }
    return closed.length;
  }, selector);
  // A chart's table is built when it is first opened; until then only a <noscript> copy is there.
  if (opened > 0) await expect(page.locator('details[data-axe-opened] > noscript')).toHaveCount(0);
  return opened;
}

/** Closes what openClosed opened. */
async function closeOpened(page: Page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-axe-opened]')) {
      d.open = false;
      delete d.dataset.axeOpened;
    }
  });
}

/**
 * Every accessibility violation on the page, closed disclosures' contents included, for a
 * fraction of the cost of one scan with everything open: the page as it loads, then only the
 * contents of the page's closed disclosures (the charts' tables and download menus), then only the
 * header's menu, which on a phone opens over the top of the page and would otherwise hide what is
 * under it from the contrast check. (The phone menu is not shown on a wide screen.)
 */
export async function pageViolations(page: Page): Promise<string[]> {
  const found = await axeViolations(page);
  for (const group of ['details:not(header details)', 'header details']) {
    if ((await openClosed(page, group)) === 0) continue;
    found.push(...(await axeViolations(page, ['details[data-axe-opened]'])));
    await closeOpened(page);
  }
  return found;
}
