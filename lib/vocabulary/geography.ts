/**
 * Geographies NSDUH reports on: the nation, the four census regions, the 50 states and DC.
 * Codes are what the canonical CSV stores; names are what SAMHSA prints in its tables.
 * FIPS codes let the state map join to us-atlas shapes.
 */

export type GeographyLevel = 'nation' | 'region' | 'state';

export interface Geography {
  code: string;
  name: string;
  level: GeographyLevel;
  /** Two-digit state FIPS code; only for states and DC. */
  fips?: string;
  /** Census region a state belongs to. */
  region?: string;
}

const REGION_OF = new Map<string, string>();
for (const [region, codes] of Object.entries({
  Northeast: 'CT ME MA NH RI VT NJ NY PA',
  Midwest: 'IL IN MI OH WI IA KS MN MO NE ND SD',
  South: 'DE DC FL GA MD NC SC VA WV AL KY MS TN AR LA OK TX',
  West: 'AZ CO ID MT NV NM UT WY AK CA HI OR WA',
})) {
  for (const code of codes.split(' ')) REGION_OF.set(code, region);
}

const STATES: Array<[code: string, name: string, fips: string]> = [
  ['AL', 'Alabama', '01'], ['AK', 'Alaska', '02'], ['AZ', 'Arizona', '04'], ['AR', 'Arkansas', '05'],
  ['CA', 'California', '06'], ['CO', 'Colorado', '08'], ['CT', 'Connecticut', '09'], ['DE', 'Delaware', '10'],
  ['DC', 'District of Columbia', '11'], ['FL', 'Florida', '12'], ['GA', 'Georgia', '13'], ['HI', 'Hawaii', '15'],
  ['ID', 'Idaho', '16'], ['IL', 'Illinois', '17'], ['IN', 'Indiana', '18'], ['IA', 'Iowa', '19'],
  ['KS', 'Kansas', '20'], ['KY', 'Kentucky', '21'], ['LA', 'Louisiana', '22'], ['ME', 'Maine', '23'],
  ['MD', 'Maryland', '24'], ['MA', 'Massachusetts', '25'], ['MI', 'Michigan', '26'], ['MN', 'Minnesota', '27'],
  ['MS', 'Mississippi', '28'], ['MO', 'Missouri', '29'], ['MT', 'Montana', '30'], ['NE', 'Nebraska', '31'],
  ['NV', 'Nevada', '32'], ['NH', 'New Hampshire', '33'], ['NJ', 'New Jersey', '34'], ['NM', 'New Mexico', '35'],
  ['NY', 'New York', '36'], ['NC', 'North Carolina', '37'], ['ND', 'North Dakota', '38'], ['OH', 'Ohio', '39'],
  ['OK', 'Oklahoma', '40'], ['OR', 'Oregon', '41'], ['PA', 'Pennsylvania', '42'], ['RI', 'Rhode Island', '44'],
  ['SC', 'South Carolina', '45'], ['SD', 'South Dakota', '46'], ['TN', 'Tennessee', '47'], ['TX', 'Texas', '48'],
  ['UT', 'Utah', '49'], ['VT', 'Vermont', '50'], ['VA', 'Virginia', '51'], ['WA', 'Washington', '53'],
  ['WV', 'West Virginia', '54'], ['WI', 'Wisconsin', '55'], ['WY', 'Wyoming', '56'],
];

export const GEOGRAPHIES: readonly Geography[] = [
  { code: 'US', name: 'United States', level: 'nation' },
  ...['Northeast', 'Midwest', 'South', 'West'].map((name): Geography => ({ code: name, name, level: 'region' })),
  ...STATES.map(([code, name, fips]): Geography => ({ code, name, level: 'state', fips, region: REGION_OF.get(code) })),
];

const BY_CODE = new Map(GEOGRAPHIES.map((g) => [g.code, g]));

/**
 * The states and DC in alphabetical order of name: the order STATES is written in (a unit test
 * holds it to Intl.Collator's). Lists and ties in the browser use it instead of a collator, whose
 * first construction costs tens of milliseconds on a slow phone.
 */
export const STATES_BY_NAME: readonly Geography[] = GEOGRAPHIES.filter((g) => g.level === 'state');
const NAME_ORDER = new Map(STATES_BY_NAME.map((g, i) => [g.code, i]));

/** Alphabetical order of two states (or DC), given their codes. */
export function compareStatesByName(a: string, b: string): number {
  return (NAME_ORDER.get(a) ?? NAME_ORDER.size) - (NAME_ORDER.get(b) ?? NAME_ORDER.size);
}

/** Names SAMHSA and other publishers print, normalised to lower case, mapped to our codes. */
const BY_NAME = new Map<string, string>([
  ['total u.s.', 'US'],
  ['total us', 'US'],
  ['united states', 'US'],
  ['u.s.', 'US'],
  ['national', 'US'],
  ['washington, d.c.', 'DC'],
  ['washington dc', 'DC'],
  ...GEOGRAPHIES.map((g): [string, string] => [g.name.toLowerCase(), g.code]),
]);

export function geographyByCode(code: string): Geography | undefined {
  return BY_CODE.get(code);
}

/** Looks up a geography by the name a published table prints ("Total U.S.", "District of Columbia"). */
export function geographyCodeFromName(name: string): string | undefined {
  return BY_NAME.get(name.replace(/\s+/g, ' ').trim().toLowerCase());
}

export function geographyName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

export const STATE_CODES: readonly string[] = GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code);
