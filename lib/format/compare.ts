/**
 * Alphabetical order for names, as `a.localeCompare(b)` gives it, from one collator made once:
 * localeCompare sets up its comparison on every call, which made sorting 51 state names a
 * measurable part of starting the dashboard on a phone. The collator is made on first use, not
 * when the module loads: making one costs 10–20 ms, and the browser seldom needs it (state names
 * sort by STATES_BY_NAME in lib/vocabulary/geography.ts).
 */
let collator: Intl.Collator | undefined;

export const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);
