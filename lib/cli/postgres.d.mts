// Types for postgres.mjs (plain JavaScript, so `npm test` runs it without a build).
export declare const DEBIAN_ROOT: string;
export declare const INSTALL_SCRIPT: string;
export declare const FIX_COMMAND: string;
export declare const PROGRAMS: string[];

export interface PostgresFacts {
  pgBin?: string;
  executable: (path: string) => boolean;
  versions: () => string[];
  isRoot: boolean;
  sudoWithoutPassword: () => boolean;
  hasAptGet: () => boolean;
}

export type PostgresPlan =
  | { action: 'ok'; bin: string }
  | { action: 'install'; sudo: boolean; command: string[]; fix: string }
  | { action: 'stop'; message: string };

export declare function postgresBinDir(facts: Pick<PostgresFacts, 'pgBin' | 'executable' | 'versions'>): string | null;
export declare function postgresPlan(facts: PostgresFacts): PostgresPlan;
export declare function localFacts(env?: Record<string, string | undefined>): PostgresFacts;
export declare function ensurePostgres(facts?: PostgresFacts): boolean;
