// Types for run-tests.mjs (plain JavaScript, so `npm test` runs it without a build).
export declare const STAGES: string[];
export declare function formatDuration(ms: number): string;
export declare function summary(results: { name: string; ms?: number; status: 'ok' | 'FAILED' | 'not run' }[]): string[];
