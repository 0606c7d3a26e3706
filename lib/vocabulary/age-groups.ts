/**
 * Age groups. Codes are compact (`12+`, `18-25`); SAMHSA prints them as "12 or Older", "18-25"
 * or "Aged 12 to 20". The canonical schema lists the groups it accepts (AGE_GROUPS); parsing is
 * general so a table with a new group produces a clear "unknown age group" error, not a crash.
 */

export const AGE_GROUPS = ['12+', '12-17', '18-25', '26+', '18+', '12-20', '65+'] as const;

/** Reads a printed age label ("12 or Older", "26 or older", "18-25", "12 to 20", "Aged 65+") as a code. */
export function ageGroupFromLabel(label: string): string | null {
  const text = label.replace(/\s+/g, ' ').trim().replace(/^(aged|ages|age)\s+/i, '');
  let m = /^(\d{1,3})\s*(?:\+|or older|and older|or over|and over)$/i.exec(text);
  if (m) return `${Number(m[1])}+`;
  m = /^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})$/i.exec(text);
  if (m && Number(m[1]) < Number(m[2])) return `${Number(m[1])}-${Number(m[2])}`;
  return null;
}

/** "Aged 12 or older", "Aged 18–25". */
export function ageGroupLabel(code: string): string {
  const plus = /^(\d+)\+$/.exec(code);
  if (plus) return `Aged ${plus[1]} or older`;
  const range = /^(\d+)-(\d+)$/.exec(code);
  if (range) return `Aged ${range[1]}–${range[2]}`;
  return code;
}

/** Short label for axes and pickers: "12+", "18–25". */
export function ageGroupShortLabel(code: string): string {
  return code.replace('-', '–');
}

/** Orders groups from the widest "12+" through the youngest to the oldest. */
export function compareAgeGroups(a: string, b: string): number {
  const key = (code: string): [number, number] => {
    const plus = /^(\d+)\+$/.exec(code);
    if (plus) return [Number(plus[1]), 999];
    const range = /^(\d+)-(\d+)$/.exec(code);
    return range ? [Number(range[1]), Number(range[2])] : [999, 999];
  };
  const [a0, a1] = key(a);
  const [b0, b1] = key(b);
  if (a === '12+') return b === '12+' ? 0 : -1;
  if (b === '12+') return 1;
  return a0 - b0 || a1 - b1;
}
