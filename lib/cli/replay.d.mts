import type { IncomingMessage, ServerResponse } from 'node:http';

/** The data's stamp, and whether it has held long enough for answers to be kept under it. */
export interface Stamp {
  value: string;
  settled: boolean;
}

export interface ReplayOptions {
  /** The live datapackage.json: its identity stamps every kept answer (the file store). */
  packageFile?: () => string;
  /** Or any stamp (the PostgreSQL store's change counter: counterStamp). */
  stamp?: () => Stamp;
  /** All kept bodies together, in bytes (default 160 MB). */
  maxBytes?: number;
  /** The largest body kept, in bytes (default 48 MB). */
  maxBody?: number;
  now?: () => number;
}

export interface Replay {
  /** Answers from a kept answer (true), or arranges for the coming answer to be kept (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  stats(): { entries: number; bytes: number; hits: number };
}

export function createReplay(options: ReplayOptions): Replay;
export function fileStamp(packageFile: () => string, now?: () => number): () => Stamp;
export function counterStamp(current: () => { value: string; changedAt: number } | null, now?: () => number): () => Stamp;
