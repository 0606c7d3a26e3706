import { expect, test } from '@playwright/test';

// A 375 × 812 phone (the mobile project only). Issue 11 item 5: a family reaching /iop on a phone
// must find what IOP is and where to get help first, not after screens of statistics.
const SCREEN = 812;

test('on a phone, what IOP is and the help lines come within a screen and a half, and the numbers after them', async ({ page }) => {
  await page.goto('/iop');
  const main = page.getByRole('main');
  const helpline = main.getByRole('link', { name: '1-800-662-HELP (4357)' });
  await expect(helpline).toHaveAttribute('href', 'tel:+18006624357');
  await expect(main.getByRole('link', { name: 'call or text 988' })).toHaveAttribute('href', 'tel:988');

  // Where each heading and the helpline's link start, measured from the top of the page.
  const { tops, helplineBottom, contentsTop } = await page.evaluate(() => {
    const top = (e: Element | null) => (e ? e.getBoundingClientRect().top + window.scrollY : Infinity);
    const tel = document.querySelector('main a[href="tel:+18006624357"]');
    return {
      tops: Object.fromEntries([...document.querySelectorAll('main h2')].map((h) => [h.textContent ?? '', top(h)])),
      helplineBottom: tel ? tel.getBoundingClientRect().bottom + window.scrollY : Infinity,
      contentsTop: top(document.querySelector('nav.iop-toc')),
    };
  });
  const at = (heading: string) => tops[heading] ?? Infinity;
  expect(helplineBottom).toBeLessThan(1.5 * SCREEN);
  expect(at('Find help now')).toBeLessThan(1.5 * SCREEN);
  expect(at('What is IOP?')).toBeLessThan(1.5 * SCREEN);

  // "On this page" is on the first screen and reaches the help in one tap.
  expect(contentsTop).toBeLessThan(SCREEN);
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Find help', exact: true })).toHaveAttribute('href', '#help');

  // The statistics follow every section of help and explanation.
  const numbers = at('The numbers: substance use disorder and treatment in the U.S.');
  expect(numbers).toBeLessThan(Infinity);
  for (const heading of ['Find help now', 'What is IOP?', 'How many hours a week?', 'Getting an assessment', 'Naloxone: reversing an opioid overdose']) {
    expect(at(heading), heading).toBeLessThan(numbers);
  }
});

test('a tap on a line of "On this page" brings that section into view, and every line is a target at least 24 px tall', async ({ page }) => {
  await page.goto('/iop');
  const contents = page.getByRole('navigation', { name: 'On this page' });
  for (const box of await contents.getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(24);
  await contents.getByRole('link', { name: 'Naloxone', exact: true }).tap();
  await expect(page).toHaveURL(/\/iop#naloxone$/);
  await expect(page.getByRole('heading', { name: 'Naloxone: reversing an opioid overdose' })).toBeInViewport();
});
