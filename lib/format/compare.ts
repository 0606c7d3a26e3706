/**
 * Alphabetical order for names, as `a.localeCompare(b)` gives it, from one collator made once:
 * localeCompare sets up its comparison on every call, which made sorting 51 state names a
 * measurable part of starting the dashboard on a phone.
 */
const collator = new Intl.Collator();

export const compareText = (a: string, b: string): number => collator.compare(a, b);
