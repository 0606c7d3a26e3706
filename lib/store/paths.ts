import { mkdirSync } from 'node:fs';
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

/**
 * The private folder: staff accounts, the session key, the audit log, the history of every
 * published version and uploads waiting to be published. Never served, never committed
 * (.atlas/ is gitignored). ATLAS_PRIVATE_DIR points elsewhere — in production, a persistent volume
 * beside the data folder. Reading never creates it; writers go through `writablePrivatePath`.
 */
export function privateDir(): string {
  const configured = process.env.ATLAS_PRIVATE_DIR;
  return configured ? path.resolve(/* turbopackIgnore: true */ configured) : path.join(process.cwd(), '.atlas');
}

export const privatePath = (...parts: string[]) => path.join(privateDir(), ...parts);

/** A path in the private folder whose parent folders exist (created with mode 0700). */
export function writablePrivatePath(...parts: string[]): string {
  const file = privatePath(...parts);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  return file;
}
