/**
 * Documents of the data package: files that a dataset's sources point to by a path relative to
 * datapackage.json (today sources/nsduh-national/quotes.md, the published sentence behind every
 * national figure). They are served beside the descriptor under /data/ and travel in the package
 * ZIP at the same path, so the path a citation names works in both places.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataPackage } from './package';
import { dataDir } from '../store/paths';

/** "sources/<folder>/<file>.md" and no climbing out of it. */
const DOCUMENT_PATH = /\bsources\/(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.(?:md|txt)\b/gi;

/** Every document path the package's sources mention, once each, in order. */
export function documentPaths(pkg: DataPackage): string[] {
  const found = pkg.resources.flatMap((r) => r.sources.flatMap((s) => [...`${s.title} ${s.path ?? ''}`.matchAll(DOCUMENT_PATH)].map((m) => m[0])));
  return [...new Set(found)].filter((p) => !p.split('/').some((part) => part === '..' || part === '.'));
}

/**
 * A document's bytes: from the live data folder when it holds them, else from the repository's
 * data/ (where data:build keeps its originals; a data folder elsewhere holds only the live files).
 */
export async function readDocument(pkg: DataPackage, file: string): Promise<Buffer | null> {
  if (!documentPaths(pkg).includes(file)) return null;
  const folders = [dataDir(), path.join(/* turbopackIgnore: true */ process.cwd(), 'data')];
  for (const folder of [...new Set(folders)]) {
    try {
      return await readFile(path.join(folder, file));
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** The media type a document is served with. */
export const documentType = (file: string) => (file.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8');
