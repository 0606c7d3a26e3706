import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request, type Page } from '@playwright/test';
import { ADMIN_DATA, ADMIN_PORT, STAFF } from './env';

export const ORIGIN = `http://127.0.0.1:${ADMIN_PORT}`;

/**
 * Signs in over the API (as a same-origin script would) and returns the Cookie header. It uses a
 * context of its own, so the tests' request contexts never carry a session they did not ask for.
 */
export async function signIn(who = STAFF): Promise<string> {
  const context = await request.newContext({ baseURL: ORIGIN });
  try {
    const res = await context.post('/api/admin/login', { headers: { Origin: ORIGIN }, form: { email: who.email, password: who.password } });
    if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    return res.headers()['set-cookie'].split(';')[0];
  } finally {
    await context.dispose();
  }
}

export async function signInPage(page: Page, who = STAFF): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin$/);
}

export const liveFile = (name: string) => readFileSync(path.join(ADMIN_DATA, name));

/** The live national CSV with the 2014 U.S. 12+ SUD figure (21.5 million as published) set to `value`. */
export function nationalWith(value: string): Buffer {
  const text = liveFile('national-estimates.csv').toString('utf8');
  const next = text.replace(/^(sud_past_year,2014,US,12\+,millions,)[\d.]+,/m, `$1${value},`);
  if (next === text && !text.includes(`millions,${value},`)) throw new Error('the 2014 row was not found');
  return Buffer.from(next);
}
