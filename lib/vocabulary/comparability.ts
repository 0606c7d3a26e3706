/**
 * Which comparability series each measure's years belong to, with SAMHSA's words for every break
 * and every "comparable" claim. NSDUH's breaks are per measure: the 2015 questionnaire redesign
 * broke some measures and not others; 2020 and 2021 broke all of them. Where no evidence says a
 * measure is comparable across a break, it is a break — a gap is never a lie, a joined line can be.
 *
 * An observation's series must be the one this registry gives its indicator and period; a pooled
 * period is valid only when both its years are in one series of that measure; a chart joins two
 * points only within one series. data:build writes the registry into data/datapackage.json
 * ("comparability"), and the package check keeps the two in step.
 */
import { DEFAULT_SERIES, seriesByName, seriesForPeriod, seriesForYear, type Series } from './series';

export interface Evidence {
  /** What the evidence supports, in a sentence. */
  claim: string;
  /** SAMHSA's (or a federal statistical agency's) own words. */
  quote: string;
  /** Where the words are: a report, page or table. */
  source: string;
  url: string;
}

export interface MeasureComparability {
  /** Indicator identifiers this entry covers. */
  indicators: string[];
  /** The series their years belong to, in time order, covering every year once. */
  series: string[];
  evidence: Evidence[];
}

/**
 * A year whose first-published figures were later restated under newer methods: within its
 * series, only a restated figure (revision ≥ `minRevision`) is joined to the years after it.
 */
export interface Restatement {
  year: number;
  series: string;
  minRevision: number;
  evidence: Evidence[];
}

export interface ComparabilityRegistry {
  /** Every measure not listed under `measures`: breaks in 2015, 2020 and 2021. */
  default: { series: string[]; evidence: Evidence[] };
  measures: MeasureComparability[];
  restatements: Restatement[];
}

const REDESIGN_2015: Evidence = {
  claim: 'The 2015 questionnaire redesign broke the trend of every measure that SAMHSA did not find comparable; those begin new baselines in 2015.',
  quote: "Estimates that are not comparable are assumed to have 'broken' trends and to begin new baselines in 2015.",
  source: 'SAMHSA, 2015 National Survey on Drug Use and Health: Summary of the Effects of the 2015 NSDUH Questionnaire Redesign (abstract)',
  url: 'https://pubmed.ncbi.nlm.nih.gov/30199192/',
};

const BREAK_2020: Evidence = {
  claim: '2020 stands alone: it is not compared with any other year.',
  quote: 'it is not recommended to compare any estimates from 2020 to estimates from other survey years',
  source: 'SAMHSA FAQ: Why does SAMHSA caution against comparing 2020 estimates to estimates from prior years?',
  url: 'https://www.samhsa.gov/data/faq/concerns-about-trend-comparability/why-does-samhsa-caution-against-comparing-2020-estimates-estimates-prior-years',
};

const BREAK_2021: Evidence = {
  claim: '2021 begins a new baseline: not compared with 2019 or earlier, nor with 2020.',
  quote: 'data from 2021 should not be compared to estimates from 2019 or earlier',
  source: 'SAMHSA FAQ: Why does SAMHSA caution against comparing 2021 estimates to estimates from prior years?',
  url: 'https://www.samhsa.gov/data/faq/concerns-about-trend-comparability/why-does-samhsa-caution-against-comparing-2021-estimates-estimates-prior-years',
};

const RELEASE_2014_2015: Evidence = {
  claim: 'SAMHSA published 2014-2015 state estimates (pooling 2014 with 2015) only for measures comparable across the 2015 redesign.',
  quote: 'estimates for measures that were not comparable between the 2 years could not be produced for this publication',
  source: 'SAMHSA Data Archive FAQ: Why are there fewer outcomes in some state estimates than others?',
  url: 'https://www.datafiles.samhsa.gov/',
};

/** A measure SAMHSA kept in its 2014-2015 state release, named by that release's table title. */
const inRelease = (title: string): Evidence => ({
  claim: 'Comparable between 2014 and 2015: SAMHSA pooled the two years for this measure in its 2014-2015 state estimates.',
  quote: title,
  source: 'SAMHSA, 2014-2015 NSDUH State-Specific Tables (NSDUHsaeTotals2015.xlsx), table title',
  url: 'https://www.datafiles.samhsa.gov/',
});

/** A measure SAMHSA kept in its 2014-2015 release: one series from 2002 to 2019, then the 2020 and 2021 breaks. */
const keptIn2014to2015 = (indicators: string[], ...titles: string[]): MeasureComparability => ({
  indicators,
  series: ['NSDUH_2002-2019', 'DSM-5_2020', 'DSM-5_2021+'],
  evidence: [RELEASE_2014_2015, ...titles.map(inRelease), BREAK_2020, BREAK_2021],
});

const RESTATED_2021: Evidence = {
  claim: 'First-published 2021 figures are not compared with 2022 and later; the 2021 figures restated in the 2022 Detailed Tables are.',
  quote: 'Many (but not all) NSDUH estimates from 2022 and 2023 are comparable with estimates from 2021 as long as updated 2021 estimates presented in the 2022 Detailed Tables are used',
  source: 'SAMHSA FAQ: Are NSDUH data from 2022 comparable with data from 2021?',
  url: 'https://www.samhsa.gov/data/faq/concerns-about-trend-comparability/nsduh-data-2022-comparable-data-2021',
};

export const COMPARABILITY: ComparabilityRegistry = {
  default: { series: [...DEFAULT_SERIES], evidence: [REDESIGN_2015, BREAK_2020, BREAK_2021] },
  measures: [
    keptIn2014to2015(['marijuana_use_past_year'], 'Table 1. Marijuana Use in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['marijuana_use_past_month'], 'Table 2. Marijuana Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['first_use_of_marijuana'], 'Table 3. First Use of Marijuana, by Age Group and State: Average Annual Numbers of Marijuana Initiates (Expressed as Numbers in Thousands of the At-Risk Population), Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['cocaine_use_past_year'], 'Table 4. Cocaine Use in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['heroin_use_past_year'], 'Table 5. Heroin Use in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['alcohol_use_past_month'], 'Table 6. Alcohol Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs', 'Table 7. Alcohol Use in the Past Month among Individuals Aged 12 to 20, by State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['tobacco_product_use_past_month'], 'Table 8. Tobacco Product Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['cigarette_use_past_month'], 'Table 9. Cigarette Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    // DSM-IV alcohol use disorder ("dependence or abuse") under either identifier.
    keptIn2014to2015(['aud_past_year', 'alcohol_dependence_or_abuse'], 'Table 10. Alcohol Use Disorder in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['alcohol_dependence_past_year'], 'Table 11. Alcohol Dependence in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['serious_mental_illness_past_year'], 'Table 12. Serious Mental Illness in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['any_mental_illness_past_year'], 'Table 13. Any Mental Illness in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['serious_thoughts_of_suicide_past_year'], 'Table 14. Had Serious Thoughts of Suicide in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
    keptIn2014to2015(['mde_past_year'], 'Table 15. Major Depressive Episode in the Past Year, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2014 and 2015 NSDUHs'),
  ],
  restatements: [{ year: 2021, series: 'DSM-5_2021+', minRevision: 1, evidence: [RESTATED_2021] }],
};

const BY_INDICATOR = new Map<string, MeasureComparability>();
for (const m of COMPARABILITY.measures) for (const i of m.indicators) BY_INDICATOR.set(i, m);

/** The series a measure's years belong to, in time order. */
export function seriesNamesFor(indicator: string): readonly string[] {
  return BY_INDICATOR.get(indicator)?.series ?? COMPARABILITY.default.series;
}

export function seriesListFor(indicator: string): Series[] {
  return seriesNamesFor(indicator).map((name) => seriesByName(name) as Series);
}

/** The series one survey year of a measure belongs to. */
export const seriesForIndicatorYear = (indicator: string, year: number): Series | undefined => seriesForYear(year, seriesNamesFor(indicator));

/** The series both years of a period belong to for this measure, or null when the period crosses one of its breaks. */
export const seriesForIndicatorPeriod = (indicator: string, period: string): Series | null => seriesForPeriod(period, seriesNamesFor(indicator));

/** The evidence for how a measure is compared across years. */
export const evidenceFor = (indicator: string): Evidence[] => BY_INDICATOR.get(indicator)?.evidence ?? COMPARABILITY.default.evidence;

/**
 * Whether a line may join a figure for `year` (of `revision`) to the next year's, both in
 * `series`: not when the year was restated and this is the first-published figure.
 */
export function joinsNextYear(series: string, year: number, revision: number): boolean {
  return !COMPARABILITY.restatements.some((r) => r.series === series && r.year === year && revision < r.minRevision);
}
