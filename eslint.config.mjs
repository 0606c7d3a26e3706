import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.bench/**', 'tests/bench/*/.next/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Components and charts must not read data files themselves: pages get data from lib/data.
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:fs', 'fs', 'node:fs/*'], message: 'Read data through lib/data.' }] }],
    },
  },
  {
    // lib/admin writes the data folder (publish) and the private folder (accounts, history, audit).
    files: ['lib/data/**', 'lib/admin/**', 'lib/cli/**', 'tests/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
