import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN_DATA, ADMIN_PORT, ADMIN_PRIVATE } from './e2e/admin/env';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, with the flags this sandbox needs (no GPU, no background network). */
const launchOptions = {
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // No retries, ever: a test that passes only on a second try is a failure to fix, not to hide.
  retries: 0,
  // The timing report ends the run: the slowest ten tests and any over a third of its timeout.
  reporter: [['list'], ['./e2e/timing-reporter.ts']],
  // Each test should finish in under a third of this on a 2-core machine with one core busy (so
  // it still passes on a machine three times slower); the few heavy ones (axe-core scans, the
  // staff journey) set an explicit budget of their own with test.setTimeout. 60 s: a fresh-clone
  // run with one core busy (2026-12-02) took up to 18 s for a test that loads the dashboard or a
  // state page several times, which 30 s did not cover three times over.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', testIgnore: [/\.mobile\.spec\.ts$/, /admin\//], use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions } },
    {
      name: 'mobile',
      testIgnore: [/api\.spec\.ts$/, /\.desktop\.spec\.ts$/, /admin\//],
      use: { ...devices['Pixel 7'], viewport: { width: 375, height: 812 }, launchOptions },
    },
    {
      // Staff pages, against their own server with a scratch copy of the data (tests publish).
      name: 'admin',
      testMatch: /admin\/.*\.spec\.ts$/,
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${ADMIN_PORT}`, launchOptions },
    },
  ],
  webServer: [
    {
      // The production build (npm test runs `npm run build` first), served as `npm start` serves it.
      command: `node lib/cli/serve.mjs -p ${PORT} -H 127.0.0.1`,
      cwd: path.join(__dirname, '..'),
      url: `http://127.0.0.1:${PORT}/api/datasets`,
      reuseExistingServer: false,
      // Generous: a start takes seconds, but a slow machine must not fail here.
      timeout: 120_000,
    },
    {
      // The same build for the staff tests, on a scratch copy of data/ with test accounts.
      command: `npx tsx tests/e2e/admin/setup.ts && node lib/cli/serve.mjs -p ${ADMIN_PORT} -H 127.0.0.1`,
      cwd: path.join(__dirname, '..'),
      url: `http://127.0.0.1:${ADMIN_PORT}/api/datasets`,
      env: { ATLAS_DATA_DIR: ADMIN_DATA, ATLAS_PRIVATE_DIR: ADMIN_PRIVATE },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
