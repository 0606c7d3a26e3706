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
  {
    code: 'derived',
    label: 'Derived re-publication',
    description:
      'Not a SAMHSA original: the figure comes from a re-publication of SAMHSA’s estimates by a third party (named in the source), converted without rounding. Where SAMHSA’s own table for the same figure exists, the original is used instead.',
  },
  {
    code: 'change_significant',
    label: 'Change significant (SAMHSA’s test)',
    description:
      'SAMHSA’s own test found the difference from the previous period statistically significant at the 0.05 level; the p value is in the note. Only SAMHSA’s tests are reported: the atlas never computes one.',
  },
  {
    code: 'change_not_significant',
    label: 'Change not significant (SAMHSA’s test)',
    description:
      'SAMHSA’s own test did not find the difference from the previous period statistically significant at the 0.05 level; the p value is in the note.',
  },
];

export const QUALIFIER_CODES: ReadonlySet<string> = new Set(QUALIFIERS.map((q) => q.code));

export function qualifierByCode(code: string): Qualifier | undefined {
  return QUALIFIERS.find((q) => q.code === code);
}
