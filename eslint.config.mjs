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
      // Components and charts must not read data files themselves: pages get data from lib/data,
      // which reads it through lib/store.
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:fs', 'fs', 'node:fs/*'], message: 'Read data through lib/data and lib/store.' }] }],
    },
  },
  {
    // lib/store holds everything that changes (live data, history, audit log, accounts, uploads);
    // lib/data reads package files and the documents sources cite. lib/admin reads no files.
    files: ['lib/store/**', 'lib/data/**', 'lib/cli/**', 'tests/**', '*.config.*'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The seam: the store and the public read path never depend on staff workflow.
    files: ['lib/store/**', 'lib/data/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/admin/*', '@/lib/admin/*'], message: 'lib/store and lib/data do not depend on lib/admin (staff workflow).' }] }],
    },
  },
  {
    // Nor do the public site's helpers (and they read no files either).
    files: ['lib/site/**', 'lib/http/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:fs', 'fs', 'node:fs/*'], message: 'Read data through lib/data and lib/store.' },
            { group: ['**/admin/*', '@/lib/admin/*'], message: 'The public site does not depend on lib/admin (staff workflow).' },
          ],
        },
      ],
    },
  },
];

export default config;
