/**
 * Comparability series. NSDUH changed its methods in 2002, 2015, 2020 and 2021, and SAMHSA
 * advises against comparing estimates across these breaks. Every observation names its series,
 * and no chart joins points from two series.
 */

export interface Series {
  name: string;
  title: string;
  firstYear: number;
  /** Last survey year in the series; null while the series continues. */
  lastYear: number | null;
  /** What changed when this series began, in plain language. */
  change: string;
  /** How SAMHSA says the series may be compared. */
  comparability: string;
}

export const SERIES: readonly Series[] = [
  {
    name: 'DSM-IV_2002-2014',
    title: '2002–2014 (DSM-IV)',
    firstYear: 2002,
    lastYear: 2014,
    change:
      'In 2002 the survey was renamed the National Survey on Drug Use and Health and redesigned (new incentive payments and field methods), creating a new baseline. Substance use disorder followed DSM-IV criteria (dependence or abuse).',
    comparability: 'Comparable from 2002 to 2014; not comparable with the survey before 2002.',
  },
  {
    name: 'DSM-IV_2015-2019',
    title: '2015–2019 (DSM-IV, redesigned questionnaire)',
    firstYear: 2015,
    lastYear: 2019,
    change:
      'In 2015 the questionnaire was partly redesigned (for example, the questions on misuse of prescription drugs), so some estimates are not comparable with 2014 and earlier. Disorders still followed DSM-IV criteria.',
    comparability: 'Comparable from 2015 to 2019; not comparable with 2014 and earlier for redesigned measures.',
  },
  {
    name: 'DSM-5_2020',
    title: '2020 (DSM-5, pandemic year)',
    firstYear: 2020,
    lastYear: 2020,
    change:
      'In 2020 substance use disorder questions switched to DSM-5 criteria, and data collection moved to web and in-person interviews in the middle of the COVID-19 pandemic.',
    comparability: 'SAMHSA says 2020 estimates should not be compared with any other year.',
  },
  {
    name: 'DSM-5_2021+',
    title: '2021 onward (DSM-5, web and in-person)',
    firstYear: 2021,
    lastYear: null,
    change:
      'From 2021 the survey uses DSM-5 criteria and collects data both on the web and in person. The DSM-5 definition counts more people: the national substance use disorder estimate roughly doubled.',
    comparability: 'Comparable among 2021 and later years only; not comparable with 2020 or earlier.',
  },
  {
    name: 'NSDUH_2002-2019',
    title: '2002–2019 (across the 2015 redesign)',
    firstYear: 2002,
    lastYear: 2019,
    change:
      'For the measures the 2015 questionnaire redesign left comparable (SAMHSA kept them in its 2014-2015 state estimates, which left out every measure that was not), 2002 to 2019 is one series.',
    comparability: 'Comparable from 2002 to 2019 for the measures listed in the comparability registry; not comparable with 2020 or later.',
  },
];

const BY_NAME = new Map(SERIES.map((s) => [s.name, s]));

/**
 * The series every measure follows unless the comparability registry (comparability.ts) says
 * otherwise: breaks in 2015, 2020 and 2021.
 */
export const DEFAULT_SERIES: readonly string[] = ['DSM-IV_2002-2014', 'DSM-IV_2015-2019', 'DSM-5_2020', 'DSM-5_2021+'];

export function seriesByName(name: string): Series | undefined {
  return BY_NAME.get(name);
}

/** The series a single survey year belongs to among `names` (by default, the default breaks). */
export function seriesForYear(year: number, names: readonly string[] = DEFAULT_SERIES): Series | undefined {
  for (const name of names) {
    const s = BY_NAME.get(name);
    if (s && year >= s.firstYear && (s.lastYear === null || year <= s.lastYear)) return s;
  }
  return undefined;
}

/** Parses `2014` or `2018-2019` into first and last survey years. */
export function periodYears(period: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(period);
  if (!m) return null;
  const first = Number(m[1]);
  const last = m[2] ? Number(m[2]) : first;
  return [first, last];
}

/** The series both years of a period belong to among `names`, or null when the period crosses a break. */
export function seriesForPeriod(period: string, names: readonly string[] = DEFAULT_SERIES): Series | null {
  const years = periodYears(period);
  if (!years) return null;
  const a = seriesForYear(years[0], names);
  const b = seriesForYear(years[1], names);
  return a && a === b ? a : null;
}
