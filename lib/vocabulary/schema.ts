/**
 * The canonical format: one tidy row per published estimate. This Table Schema is the contract:
 * it is written into data/datapackage.json for every dataset, and the validator compiles it.
 */
import { AGE_GROUPS } from './age-groups';
import { GEOGRAPHIES } from './geography';
import { SERIES } from './series';
import { UNITS } from './units';

export type IntervalType = 'confidence' | 'credible';

/** One published estimate. Property names match the CSV columns. */
export interface Observation {
  indicator: string;
  period: string;
  geography: string;
  age_group: string;
  unit: string;
  /** Null only when the publisher withheld the figure (qualifier `suppressed`). */
  estimate: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  interval_type: IntervalType | null;
  series: string;
  revision: number;
  qualifiers: string[];
  source: string;
  note: string;
}

export type FieldName = keyof Observation;

export interface FieldConstraints {
  required?: boolean;
  enum?: readonly string[];
  pattern?: string;
  minimum?: number;
  maxLength?: number;
}

export interface SchemaField {
  name: FieldName;
  title: string;
  type: 'string' | 'number' | 'integer';
  description: string;
  constraints?: FieldConstraints;
  /** Table Schema v2: a number written without thousands separators, signs of units or exponents. */
  bareNumber?: boolean;
}

export interface TableSchema {
  fields: SchemaField[];
  primaryKey: FieldName[];
  missingValues: string[];
}

export const INTERVAL_TYPES: readonly IntervalType[] = ['confidence', 'credible'];

export const PERIOD_PATTERN = '^[0-9]{4}(-[0-9]{4})?$';
export const INDICATOR_PATTERN = '^[a-z][a-z0-9_]*$';
export const INDICATOR_MAX_LENGTH = 80;
const INDICATOR_RE = new RegExp(INDICATOR_PATTERN);
/** Whether text is a valid indicator identifier (the pattern and length the schema requires). */
export const isIndicatorName = (name: unknown): name is string => typeof name === 'string' && name.length <= INDICATOR_MAX_LENGTH && INDICATOR_RE.test(name);
export const QUALIFIERS_PATTERN = '^([a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*)?$';
/** Free text must not start like a spreadsheet formula (=, +, -, @, tab, line break): files get opened in Excel. */
export const TEXT_PATTERN = '^([^=+\\-@\\t\\r\\n][\\s\\S]*)?$';

export const CANONICAL_SCHEMA: TableSchema = {
  fields: [
    {
      name: 'indicator',
      title: 'Indicator',
      type: 'string',
      description: 'Identifier of the measure (defined under "indicators" in datapackage.json), e.g. sud_past_year.',
      constraints: { required: true, pattern: INDICATOR_PATTERN, maxLength: INDICATOR_MAX_LENGTH },
    },
    {
      name: 'period',
      title: 'Period',
      type: 'string',
      description: 'Survey year (2014) or two consecutive survey years pooled into an annual average (2018-2019).',
      constraints: { required: true, pattern: PERIOD_PATTERN },
    },
    {
      name: 'geography',
      title: 'Geography',
      type: 'string',
      description: 'US for the nation, a census region (Northeast, Midwest, South, West), or a state postal code (DC included).',
      constraints: { required: true, enum: GEOGRAPHIES.map((g) => g.code) },
    },
    {
      name: 'age_group',
      title: 'Age group',
      type: 'string',
      description: 'Ages covered: 12+ means aged 12 or older; 18-25 means aged 18 to 25.',
      constraints: { required: true, enum: AGE_GROUPS },
    },
    {
      name: 'unit',
      title: 'Unit',
      type: 'string',
      description: 'Unit of estimate and interval: percent of the group, or a count of people in persons, thousands or millions.',
      constraints: { required: true, enum: UNITS.map((u) => u.name) },
    },
    {
      name: 'estimate',
      title: 'Estimate',
      type: 'number',
      bareNumber: true,
      description: 'The published estimate. Empty only when the publisher withheld it (qualifier suppressed).',
      constraints: { minimum: 0 },
    },
    {
      name: 'ci_lower',
      title: '95% interval, lower bound',
      type: 'number',
      bareNumber: true,
      description: 'Lower bound of the published 95% interval, in the same unit. Empty where none was published.',
      constraints: { minimum: 0 },
    },
    {
      name: 'ci_upper',
      title: '95% interval, upper bound',
      type: 'number',
      bareNumber: true,
      description: 'Upper bound of the published 95% interval, in the same unit. Empty where none was published.',
      constraints: { minimum: 0 },
    },
    {
      name: 'interval_type',
      title: 'Interval type',
      type: 'string',
      description:
        'confidence: a design-based 95% confidence interval (national estimates); credible: a 95% Bayesian credible interval (state and region small-area estimates). Empty when there is no interval.',
      constraints: { enum: INTERVAL_TYPES },
    },
    {
      name: 'series',
      title: 'Comparability series',
      type: 'string',
      description: 'Methodology series. Estimates in different series are not comparable, and charts never join them.',
      constraints: { required: true, enum: SERIES.map((s) => s.name) },
    },
    {
      name: 'revision',
      title: 'Revision',
      type: 'integer',
      description: '0 for a figure as first published; 1, 2… for later restatements of the same figure by the publisher.',
      constraints: { required: true, minimum: 0 },
    },
    {
      name: 'qualifiers',
      title: 'Qualifiers',
      type: 'string',
      description: 'Codes (separated by ;) for how the figure was published; defined under "qualifiers" in datapackage.json.',
      constraints: { pattern: QUALIFIERS_PATTERN },
    },
    {
      name: 'source',
      title: 'Source',
      type: 'string',
      description: 'The published table or text the figure comes from.',
      constraints: { required: true, maxLength: 1000, pattern: TEXT_PATTERN },
    },
    {
      name: 'note',
      title: 'Note',
      type: 'string',
      description: 'Anything else a reader should know about this figure.',
      constraints: { maxLength: 2000, pattern: TEXT_PATTERN },
    },
  ],
  primaryKey: ['indicator', 'period', 'geography', 'age_group', 'unit', 'revision'],
  missingValues: [''],
};

export const CANONICAL_COLUMNS: readonly FieldName[] = CANONICAL_SCHEMA.fields.map((f) => f.name);

export function fieldByName(name: string): SchemaField | undefined {
  return CANONICAL_SCHEMA.fields.find((f) => f.name === name);
}
