// Types for chromium.mjs (plain JavaScript, so `npm test` runs it without a build).
export declare const DEFAULT_CHROMIUM: string;
export declare const INSTALL_SCRIPT: string;
export declare const FIX_COMMAND: string;

export interface ChromiumFacts {
  chromiumPath?: string;
  executable: (path: string) => boolean;
  isRoot: boolean;
  sudoWithoutPassword: () => boolean;
  hasAptGet: () => boolean;
}

export type ChromiumPlan =
  | { action: 'ok'; path: string }
  | { action: 'install'; path: string; sudo: boolean; command: string[]; fix: string }
  | { action: 'stop'; message: string };

export declare function chromiumPlan(facts: ChromiumFacts): ChromiumPlan;
export declare function localFacts(env?: Record<string, string | undefined>): ChromiumFacts;
export declare function ensureChromium(facts?: ChromiumFacts): boolean;
