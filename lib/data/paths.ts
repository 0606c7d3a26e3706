import path from 'node:path';

/**
 * The folder holding datapackage.json and the live CSVs. ATLAS_DATA_DIR points elsewhere (tests,
 * or a persistent volume in production); the default is data/ in the working directory, which is
 * the repository root for npm scripts and `next start`.
 */
export function dataDir(): string {
  return path.resolve(process.env.ATLAS_DATA_DIR ?? path.join(process.cwd(), 'data'));
}
