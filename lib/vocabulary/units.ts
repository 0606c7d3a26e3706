/** Units of measure in the canonical format. Percent-like units are bounded by 0 and 100. */

export type UnitKind = 'percent' | 'count';

export interface Unit {
  name: string;
  kind: UnitKind;
  /** People per unit, for counts (thousands → 1000). */
  multiplier: number;
  /** How the unit reads after a number: "7.4%", "21.5 million". */
  label: string;
  description: string;
}

export const UNITS: readonly Unit[] = [
  { name: 'percent', kind: 'percent', multiplier: 1, label: '%', description: 'Percent of the population group.' },
  {
    name: 'percent_of_needing',
    kind: 'percent',
    multiplier: 1,
    label: '% of those needing treatment',
    description: 'Percent of the people in the group who needed substance use treatment.',
  },
  {
    name: 'percent_of_aud',
    kind: 'percent',
    multiplier: 1,
    label: '% of those with an alcohol use disorder',
    description: 'Percent of the people in the group who had an alcohol use disorder.',
  },
  {
    name: 'percent_of_at_risk',
    kind: 'percent',
    multiplier: 1,
    label: '% of the at-risk population',
    description: 'Percent of the people at risk (for first use: those who had not used the substance before), as SAMHSA defines it in the table notes.',
  },
  { name: 'persons', kind: 'count', multiplier: 1, label: 'people', description: 'Number of people.' },
  { name: 'thousands', kind: 'count', multiplier: 1_000, label: 'thousand', description: 'Number of people, in thousands.' },
  { name: 'millions', kind: 'count', multiplier: 1_000_000, label: 'million', description: 'Number of people, in millions.' },
];

const BY_NAME = new Map(UNITS.map((u) => [u.name, u]));

export function unitByName(name: string): Unit | undefined {
  return BY_NAME.get(name);
}

export function isPercentUnit(name: string): boolean {
  return BY_NAME.get(name)?.kind === 'percent';
}
