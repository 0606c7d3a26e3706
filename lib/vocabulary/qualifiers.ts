/**
 * Published qualifiers: facts about how a figure was published that a reader must see beside it.
 * A row lists its qualifiers in the `qualifiers` column, separated by semicolons.
 */

export interface Qualifier {
  code: string;
  label: string;
  description: string;
}

export const QUALIFIERS: readonly Qualifier[] = [
  {
    code: 'rounded_to_zero',
    label: 'Rounds to 0',
    description:
      'A 0 in this row (estimate or interval bound) is above 0 but below half the unit: for counts in thousands, more than 0 and fewer than 500 people. SAMHSA prints it as 0.',
  },
  {
    code: 'suppressed',
    label: 'Not published',
    description: 'The publisher did not release this estimate (for example because it was too imprecise); the estimate is empty.',
  },
  {
    code: 'federal_text_copy',
    label: 'Federal text reposted elsewhere',
    description:
      'The figure comes from a federal text reproduced on another website; the quotation matches the federal wording, but the original page was not seen.',
  },
];

export const QUALIFIER_CODES: ReadonlySet<string> = new Set(QUALIFIERS.map((q) => q.code));

export function qualifierByCode(code: string): Qualifier | undefined {
  return QUALIFIERS.find((q) => q.code === code);
}
