import path from 'node:path';

/**
 * The folder holding datapackage.json and the live CSVs. ATLAS_DATA_DIR points elsewhere (tests,
 * or a persistent volume in production); the default is data/ in the working directory, which is
 * the repository root for npm scripts and `next start`.
 */
export function dataDir(): string {
  const configured = process.env.ATLAS_DATA_DIR;
  // The configured folder is only known at run time; keep the bundler from tracing the whole disk.
  return configured ? path.resolve(/* turbopackIgnore: true */ configured) : path.join(process.cwd(), 'data');
}
