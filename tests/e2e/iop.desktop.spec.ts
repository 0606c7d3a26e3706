import { expect, test } from '@playwright/test';

/**
 * The facts a family asks about (issue 11 item 5), each section with its sources named beside the
 * facts: a link to the publisher's own https address. Hosts are the publishers' sites.
 */
const SECTIONS: Array<[heading: string, hosts: string[]]> = [
  ['Find help now', ['www.samhsa.gov', 'findtreatment.gov', '988lifeline.org', 'www.hhs.gov']],
  ['What is IOP?', ['www.ncbi.nlm.nih.gov/books/']],
  ['How many hours a week?', ['www.asam.org']],
  ['Getting an assessment', ['www.asam.org', 'www.samhsa.gov', 'findtreatment.gov']],
  ['Insurance, Medicaid and cost', ['www.dol.gov', 'www.healthcare.gov', 'www.medicaid.gov', 'www.macpac.gov']],
  ['Medication alongside IOP', ['library.samhsa.gov', 'www.niaaa.nih.gov']],
  ['Programs for teenagers', ['www.asam.org', 'nida.nih.gov']],
  ['IOP by video (virtual IOP)', ['mental.jmir.org', 'doi.org/10.1176/']],
  ['Naloxone: reversing an opioid overdose', ['www.fda.gov', 'www.hhs.gov']],
  ['Where IOP fits among levels of care', ['www.asam.org']],
];

const section = (page: import('@playwright/test').Page, heading: string) =>
  page.locator('main section').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

test('every section of facts names its sources beside them, linked to the publisher', async ({ page }) => {
  await page.goto('/iop');
  // One read of the page (a busy machine makes dozens of locator round trips slow): each section's
  // heading, and the text and link addresses of each of its source lines.
  const sections = await page.locator('main section').evaluateAll((all) =>
    all.map((s) => ({
      heading: s.querySelector('h2')?.textContent ?? '',
      cites: [...s.querySelectorAll('.cite')].map((c) => ({ text: c.textContent ?? '', hrefs: [...c.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') })),
    })),
  );
  for (const [heading, hosts] of SECTIONS) {
    const found = sections.filter((s) => s.heading === heading);
    expect(found, heading).toHaveLength(1);
    const { cites } = found[0];
    expect(cites.length, heading).toBeGreaterThan(0);
    const hrefs = cites.flatMap((c) => c.hrefs);
    for (const host of hosts) expect(hrefs.some((h) => h.startsWith(`https://${host}`)), `${heading}: ${host}`).toBe(true);
    // Each source line names the publisher and the year (or says it is a web page) with its link.
    for (const c of cites) expect(c.text, heading).toMatch(/^Sources?: .+, “.+” \((\d{4}|web page)\)/);
  }
  // Every source link on the page is a public https address.
  for (const href of sections.flatMap((s) => s.cites.flatMap((c) => c.hrefs))) expect(href).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+(\/|$)/);
  // The visitor sees them: the FDA's press release beside the naloxone facts.
  await expect(section(page, 'Naloxone: reversing an opioid overdose').getByRole('link', { name: /FDA Approves First Over-the-Counter Naloxone/ })).toBeVisible();
});

test('the page answers what a family asks: hours, assessment, cost, medication, teenagers, video and naloxone', async ({ page }) => {
  await page.goto('/iop');
  const text = new Map(
    await page.locator('main section').evaluateAll((all) => all.map((s) => [s.querySelector('h2')?.textContent ?? '', (s.textContent ?? '').replace(/\s+/g, ' ')] as const)),
  );
  const of = (heading: string) => text.get(heading) ?? `(no section "${heading}")`;
  expect(of('How many hours a week?')).toContain('at least 9 hours of treatment a week');
  expect(of('How many hours a week?')).toContain('at least 6 hours a week');
  expect(of('Getting an assessment')).toContain('six areas');
  expect(of('Insurance, Medicaid and cost')).toContain('Mental Health Parity and Addiction Equity Act of 2008');
  expect(of('Insurance, Medicaid and cost')).toContain('essential health benefit');
  for (const drug of ['buprenorphine', 'methadone', 'naltrexone', 'acamprosate', 'disulfiram']) expect(of('Medication alongside IOP')).toContain(drug);
  expect(of('Programs for teenagers')).toContain('families and the community');
  expect(of('IOP by video (virtual IOP)')).toContain('telehealth');
  expect(of('Naloxone: reversing an opioid overdose')).toContain('March 29, 2023');
  await expect(section(page, 'Naloxone: reversing an opioid overdose').getByRole('link', { name: /FDA Approves First Over-the-Counter Naloxone/ })).toHaveAttribute(
    'href',
    'https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-the-counter-naloxone-nasal-spray',
  );
  // The assessment section sends the visitor up to the help lines.
  await expect(section(page, 'Getting an assessment').getByRole('link', { name: 'Find help', exact: true })).toHaveAttribute('href', '#help');
});

test('the statistics come after the help and the explanations, in the page and in "On this page"', async ({ page }) => {
  await page.goto('/iop');
  const order = await page.locator('main h2').allTextContents();
  const numbers = order.indexOf('The numbers: substance use disorder and treatment in the U.S.');
  expect(numbers).toBeGreaterThan(order.indexOf('Find help now'));
  expect(numbers).toBeGreaterThan(order.indexOf('Naloxone: reversing an opioid overdose'));
  expect(order.indexOf('Find help now')).toBeLessThan(order.indexOf('What is IOP?'));
  const contents = await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').evaluateAll((as) =>
    as.map((a) => {
      const href = a.getAttribute('href') ?? '';
      return { href, targets: href.startsWith('#') ? document.querySelectorAll(href).length : 0 };
    }),
  );
  expect(contents[0].href).toBe('#help');
  expect(contents[contents.length - 1].href).toBe('#numbers');
  // Every line of the contents leads to exactly one section.
  for (const c of contents) expect(c.targets, c.href).toBe(1);
});
