import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReplayOptions {
  /** The live datapackage.json: its identity stamps every kept answer. */
  packageFile: () => string;
  /** All kept bodies together, in bytes (default 64 MB). */
  maxBytes?: number;
  /** The largest body kept, in bytes (default 8 MB). */
  maxBody?: number;
  now?: () => number;
}

export interface Replay {
  /** Answers from a kept answer (true), or arranges for the coming answer to be kept (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  stats(): { entries: number; bytes: number; hits: number };
}

export function createReplay(options: ReplayOptions): Replay;
