import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname, '..'),
      // `server-only` throws outside React Server Components; unit tests import server modules directly.
      'server-only': path.resolve(__dirname, 'unit/server-only-stub.ts'),
    },
  },
  test: {
    root: path.resolve(__dirname, '..'),
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // lib/charts' English defaults, as server code registers them (lib/charts/english.ts).
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
