import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSamhsaWebPage, WEB_PAGE_INDICATORS, WebPageError, type WebPageResult } from '@/lib/import/3-import-samhsa-web-page';
import type { Observation } from '@/lib/vocabulary/schema';

const DIR = path.join(__dirname, '..', '..', 'data', 'sources', 'samhsa-state-web-pages');
const FILES = [
  'NSDUH_2009-2010_num.html',
  'NSDUH_2009-2010_pct.html',
  'NSDUH_2010-2011_num.html',
  'NSDUH_2011-2012.html',
  'NSDUH_2012-2013.html',
  'NSDUH_2013-2014.html',
  'NSDUH_2014-2015.html',
  'NSDUH_2015-2016.html',
  'NSDUH_2016-2017.html',
] as const;
type File = (typeof FILES)[number];

const bytes = (file: string) => readFileSync(path.join(DIR, file));
const pages = new Map<string, WebPageResult>();
beforeAll(() => {
  for (const f of FILES) pages.set(f, readSamhsaWebPage(bytes(f), f));
});
const page = (f: File) => pages.get(f) as WebPageResult;

type Key = Pick<Observation, 'indicator' | 'period' | 'geography' | 'age_group' | 'unit'>;
/** The one observation with this key (revision 0). */
function one(f: File, key: Key): Observation {
  const found = page(f).observations.filter(
    (o) => o.indicator === key.indicator && o.period === key.period && o.geography === key.geography && o.age_group === key.age_group && o.unit === key.unit && o.revision === 0,
  );
  expect(found, JSON.stringify(key)).toHaveLength(1);
  return found[0];
}

describe('SAMHSA state web pages: every page converts', () => {
  it.each([
    // [file, period(s) in the captions, observations per "period unit"]
    // Count pages: 21 tables × 56 places × 5 ages + Table 12 (2 measures, ages 12-20) + Tables 23-25 (3 adult ages) + Table 26 (4 ages) = 6,720.
    ['NSDUH_2009-2010_num.html', { '2009-2010 thousands': 6720 }],
    // 25 adult tables × 56 places, both periods; Table 5 (first use) is a rate of the at-risk population.
    ['NSDUH_2009-2010_pct.html', { '2008-2009 percent': 1344, '2009-2010 percent': 1344, '2008-2009 percent_of_at_risk': 56, '2009-2010 percent_of_at_risk': 56 }],
    ['NSDUH_2010-2011_num.html', { '2010-2011 thousands': 6720 }],
    // 56 places × (21 five-age rows + 2 rows for ages 12-20 + MDE with 4 ages + 3 adult-only rows with 3 ages) = 56 × 120.
    ['NSDUH_2011-2012.html', { '2011-2012 thousands': 6720, '2011-2012 percent': 6440, '2011-2012 percent_of_at_risk': 280 }],
    ['NSDUH_2012-2013.html', { '2012-2013 thousands': 6720, '2012-2013 percent': 6440, '2012-2013 percent_of_at_risk': 280 }],
    ['NSDUH_2013-2014.html', { '2013-2014 thousands': 6720, '2013-2014 percent': 6440, '2013-2014 percent_of_at_risk': 280 }],
    // Only the measures comparable across the 2015 redesign: 56 × (8 five-age rows + 1 row for 12-20 + MDE 4 + 3 adult-only × 3) = 56 × 64.
    ['NSDUH_2014-2015.html', { '2014-2015 thousands': 3584, '2014-2015 percent': 3304, '2014-2015 percent_of_at_risk': 280 }],
    ['NSDUH_2015-2016.html', { '2015-2016 thousands': 7728, '2015-2016 percent': 7448, '2015-2016 percent_of_at_risk': 280 }],
    // 2016-2017 adds Past Year Methamphetamine Use (5 ages × 56 × 2 units).
    ['NSDUH_2016-2017.html', { '2016-2017 thousands': 8008, '2016-2017 percent': 7728, '2016-2017 percent_of_at_risk': 280 }],
  ] as Array<[File, Record<string, number>]>)('%s: observations per period and unit', (f, expected) => {
    const r = page(f);
    const counts: Record<string, number> = {};
    for (const o of r.observations) counts[`${o.period} ${o.unit}`] = (counts[`${o.period} ${o.unit}`] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(r.encoding).toBe('utf-8');
    // One expect per page, not per observation: a hundred thousand expect calls would make this test slow.
    const odd = r.observations.filter(
      (o) => !WEB_PAGE_INDICATORS.includes(o.indicator) || o.series === '' || o.revision !== 0 || !/^SAMHSA, 20\d\d-20\d\d NSDUH .*\(web page\), Table \d+: \S/.test(o.source),
    );
    expect(odd).toEqual([]);
    const keys = new Set(r.observations.map((o) => [o.indicator, o.period, o.geography, o.age_group, o.unit, o.revision].join('|')));
    expect(keys.size).toBe(r.observations.length);
  });

  it('reads the period from every caption, and the captions agree with the file names', () => {
    const periods = (f: File) => [...new Set(page(f).tables.map((t) => t.period))];
    expect(periods('NSDUH_2009-2010_num.html')).toEqual(['2009-2010']);
    expect(periods('NSDUH_2010-2011_num.html')).toEqual(['2010-2011']);
    expect(periods('NSDUH_2011-2012.html')).toEqual(['2011-2012']); // 19 of its captions print "2011–2012" with an en dash
    expect(periods('NSDUH_2016-2017.html')).toEqual(['2016-2017']);
    expect(page('NSDUH_2009-2010_pct.html').tables.every((t) => t.period === '2009-2010' && t.comparedWith === '2008-2009')).toBe(true);
    expect(page('NSDUH_2009-2010_num.html').tables).toHaveLength(26);
    expect(page('NSDUH_2009-2010_pct.html').tables).toHaveLength(25);
    const specific = page('NSDUH_2013-2014.html').tables;
    expect(specific).toHaveLength(112);
    // "… in the Midwest Region by Age Group" (no comma) is still read as the Midwest.
    expect(specific.filter((t) => t.geography === 'Midwest').map((t) => t.unit)).toEqual(['thousands', 'percent']);
  });

  it('decodes the UTF-8 pages and their entities: en dashes in captions, not mojibake', () => {
    const title = page('NSDUH_2009-2010_num.html').tables[0].title;
    expect(title).toBe(
      'Table 1. – Illicit Drug Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands), Annual Averages Based on 2009 and 2010 NSDUHs',
    );
    // 2016-2017 writes its dashes as &ndash; and &#045;.
    expect(page('NSDUH_2016-2017.html').tables[0].title).toMatch(/^Table 1 – Selected Drug Use, .* in the United States, by Age Group: .*Based on 2016-2017 NSDUHs$/);
    for (const f of FILES) for (const t of page(f).tables) expect(t.title).not.toMatch(/â|Ã|\uFFFD/);
  });

  it('reads the same page saved as Windows-1252 to the same observations', () => {
    const utf8 = bytes('NSDUH_2009-2010_num.html').toString('utf-8').replace('charset=UTF-8', 'charset=windows-1252');
    const cp1252 = new Map([['–', 0x96], ['—', 0x97]]);
    const out = Buffer.alloc(utf8.length);
    let n = 0;
    for (const ch of utf8) {
      const code = ch.codePointAt(0) as number;
      out[n++] = cp1252.get(ch) ?? (code < 256 ? code : 0x3f);
    }
    const r = readSamhsaWebPage(out.subarray(0, n), 'NSDUH_2009-2010_num.html');
    expect(r.encoding).toBe('windows-1252');
    expect(r.tables[0].title).toContain('Table 1. – Illicit Drug Use');
    expect(r.observations).toEqual(page('NSDUH_2009-2010_num.html').observations);
  });
});

type Expected = Partial<Pick<Observation, 'estimate' | 'ci_lower' | 'ci_upper' | 'interval_type' | 'qualifiers' | 'series'>>;
const P = (indicator: string, period: string, geography: string, age_group: string, unit: string): Key => ({ indicator, period, geography, age_group, unit });

describe('round trip: cells of the source pages', () => {
  const cases: Array<[File, string, Key, Expected]> = [
    // NSDUH_2009-2010_num.html, "Table 1. – Illicit Drug Use in the Past Month, by Age Group and State: Estimated Numbers (in Thousands) …"
    ['NSDUH_2009-2010_num.html', 'T1 Total U.S. 12+: 22,291 (21,636 - 22,960)', P('illicit_drug_use_past_month', '2009-2010', 'US', '12+', 'thousands'), { estimate: 22291, ci_lower: 21636, ci_upper: 22960, interval_type: 'confidence', series: 'DSM-IV_2002-2014' }],
    ['NSDUH_2009-2010_num.html', 'T1 Alabama 18-25: 91 (76 - 108)', P('illicit_drug_use_past_month', '2009-2010', 'AL', '18-25', 'thousands'), { estimate: 91, ci_lower: 76, ci_upper: 108, interval_type: 'credible' }],
    ['NSDUH_2009-2010_num.html', 'T1 California 18-25: 999 (915 - 1,088)', P('illicit_drug_use_past_month', '2009-2010', 'CA', '18-25', 'thousands'), { estimate: 999, ci_lower: 915, ci_upper: 1088, interval_type: 'credible' }],
    ['NSDUH_2009-2010_num.html', 'T1 Wyoming 12-17: 4 (4 - 5)', P('illicit_drug_use_past_month', '2009-2010', 'WY', '12-17', 'thousands'), { estimate: 4, ci_lower: 4, ci_upper: 5, qualifiers: [] }],
    // "Table 7. – Cocaine Use in the Past Year …", District of Columbia 12-17: "0 (0 - 0)"
    ['NSDUH_2009-2010_num.html', 'T7 DC 12-17: 0 (0 - 0)', P('cocaine_use_past_year', '2009-2010', 'DC', '12-17', 'thousands'), { estimate: 0, ci_lower: 0, ci_upper: 0, qualifiers: ['rounded_to_zero'] }],
    // "Table 12. – Alcohol Use and Binge Alcohol Use in the Past Month among Persons Aged 12 to 20, by State …": the column groups are measures.
    ['NSDUH_2009-2010_num.html', 'T12 Total U.S. binge: 6,684 (6,481 - 6,893)', P('binge_alcohol_use_past_month', '2009-2010', 'US', '12-20', 'thousands'), { estimate: 6684, ci_lower: 6481, ci_upper: 6893, interval_type: 'confidence' }],
    ['NSDUH_2009-2010_num.html', 'T12 Texas alcohol: 855 (810 - 902)', P('alcohol_use_past_month', '2009-2010', 'TX', '12-20', 'thousands'), { estimate: 855, ci_lower: 810, ci_upper: 902, interval_type: 'credible' }],
    // "Table 26. – Had at Least One Major Depressive Episode in the Past Year …" (columns 18+, 12-17, 18-25, 26+)
    ['NSDUH_2009-2010_num.html', 'T26 Ohio 12-17: 76 (68 - 86)', P('mde_past_year', '2009-2010', 'OH', '12-17', 'thousands'), { estimate: 76, ci_lower: 68, ci_upper: 86 }],

    // NSDUH_2010-2011_num.html, "Table 11 – Perceptions of Great Risk of Having Five or More Drinks of an Alcoholic Beverage Once or Twice a Week …"
    ['NSDUH_2010-2011_num.html', 'T11 Total U.S. 12+: 108,820 (107,448 - 110,185)', P('great_risk_binge_drinking_weekly', '2010-2011', 'US', '12+', 'thousands'), { estimate: 108820, ci_lower: 107448, ci_upper: 110185, interval_type: 'confidence' }],
    ['NSDUH_2010-2011_num.html', 'T11 Total U.S. 18+: 98,814, interval printed "—"', P('great_risk_binge_drinking_weekly', '2010-2011', 'US', '18+', 'thousands'), { estimate: 98814, ci_lower: null, ci_upper: null, interval_type: null }],
    ['NSDUH_2010-2011_num.html', 'T11 Alaska 26+: 177 (161 - 194)', P('great_risk_binge_drinking_weekly', '2010-2011', 'AK', '26+', 'thousands'), { estimate: 177, ci_lower: 161, ci_upper: 194, interval_type: 'credible' }],
    ['NSDUH_2010-2011_num.html', 'T11 Iowa 12+: 960 (885 - 1,039)', P('great_risk_binge_drinking_weekly', '2010-2011', 'IA', '12+', 'thousands'), { estimate: 960, ci_lower: 885, ci_upper: 1039 }],
    // "Table 20 – Dependence or Abuse of Illicit Drugs or Alcohol in the Past Year …", New York 12-17: 101 (88 - 116)
    ['NSDUH_2010-2011_num.html', 'T20 New York 12-17: 101 (88 - 116)', P('sud_past_year', '2010-2011', 'NY', '12-17', 'thousands'), { estimate: 101, ci_lower: 88, ci_upper: 116, interval_type: 'credible' }],

    // NSDUH_2009-2010_pct.html, "Table 1. – Illicit Drug Use in the Past Month among Persons Aged 18 or Older, by State: Percentages …, 2008-2009 and 2009-2010 NSDUHs"
    ['NSDUH_2009-2010_pct.html', 'T1 Total U.S. 2008-2009: 8.24(a) (7.97 - 8.52)', P('illicit_drug_use_past_month', '2008-2009', 'US', '18+', 'percent'), { estimate: 8.24, ci_lower: 7.97, ci_upper: 8.52, interval_type: 'confidence', qualifiers: [] }],
    ['NSDUH_2009-2010_pct.html', 'T1 Total U.S. 2009-2010: 8.68 (8.40 - 8.97)', P('illicit_drug_use_past_month', '2009-2010', 'US', '18+', 'percent'), { estimate: 8.68, ci_lower: 8.4, ci_upper: 8.97, interval_type: 'confidence' }],
    ['NSDUH_2009-2010_pct.html', 'T1 Alabama 2008-2009: 6.87 (5.67 - 8.30)', P('illicit_drug_use_past_month', '2008-2009', 'AL', '18+', 'percent'), { estimate: 6.87, ci_lower: 5.67, ci_upper: 8.3, interval_type: 'credible' }],
    ['NSDUH_2009-2010_pct.html', 'T1 Oregon 2009-2010: 12.61 (10.69 - 14.81)', P('illicit_drug_use_past_month', '2009-2010', 'OR', '18+', 'percent'), { estimate: 12.61, ci_lower: 10.69, ci_upper: 14.81, interval_type: 'credible' }],
    // "Table 5. – First Use of Marijuana among Persons Aged 18 or Older, by State: Average Annual Rates …", Utah 2009-2010: 0.88 (0.68 - 1.13)
    ['NSDUH_2009-2010_pct.html', 'T5 Utah 2009-2010: 0.88 (0.68 - 1.13)', P('first_use_of_marijuana', '2009-2010', 'UT', '18+', 'percent_of_at_risk'), { estimate: 0.88, ci_lower: 0.68, ci_upper: 1.13, interval_type: 'credible' }],

    // NSDUH_2011-2012.html, "Table 1 – Selected Drug Use, … in the United States, by Age Group: Estimated Numbers (in Thousands) …"
    ['NSDUH_2011-2012.html', 'T1 US "Past Month Illicit Drug Use" 12+: 23,159', P('illicit_drug_use_past_month', '2011-2012', 'US', '12+', 'thousands'), { estimate: 23159, ci_lower: null, ci_upper: null, interval_type: null, series: 'DSM-IV_2002-2014' }],
    ['NSDUH_2011-2012.html', 'T1 US "Average Annual Number of Marijuana Initiates" 26+: 214', P('first_use_of_marijuana', '2011-2012', 'US', '26+', 'thousands'), { estimate: 214, series: 'NSDUH_2002-2019' }],
    ['NSDUH_2011-2012.html', 'T1 US "Past Month Alcohol Use (Persons Aged 12 to 20)" 12+ column: 9,475(4)', P('alcohol_use_past_month', '2011-2012', 'US', '12-20', 'thousands'), { estimate: 9475 }],
    ['NSDUH_2011-2012.html', 'T1 US "Illicit Drug Dependence or Abuse" 18-25: 2,640', P('illicit_drug_use_disorder_past_year', '2011-2012', 'US', '18-25', 'thousands'), { estimate: 2640 }],
    // "Table 12 – … in Alabama, by Age Group: Percentages …"
    ['NSDUH_2011-2012.html', 'T12 Alabama "Average Annual Rate of First Use of Marijuana" 12-17: 4.94', P('first_use_of_marijuana', '2011-2012', 'AL', '12-17', 'percent_of_at_risk'), { estimate: 4.94 }],
    ['NSDUH_2011-2012.html', 'T12 Alabama "Had at Least One Major Depressive Episode" 26+: 5.96', P('mde_past_year', '2011-2012', 'AL', '26+', 'percent'), { estimate: 5.96 }],
    // "Table 111 – … in Wyoming …: Estimated Numbers", "Past Year Cocaine Use" 12-17: 0
    ['NSDUH_2011-2012.html', 'T111 Wyoming "Past Year Cocaine Use" 12-17: 0', P('cocaine_use_past_year', '2011-2012', 'WY', '12-17', 'thousands'), { estimate: 0, qualifiers: ['rounded_to_zero'] }],
    // "Table 27 – … in the District of Columbia …: Estimated Numbers", "Past Month Binge Alcohol Use (Persons Aged 12 to 20)": 14(4)
    ['NSDUH_2011-2012.html', 'T27 DC binge 12-20: 14', P('binge_alcohol_use_past_month', '2011-2012', 'DC', '12-20', 'thousands'), { estimate: 14 }],

    // NSDUH_2012-2013.html, "Table 2 – … in the United States …: Percentages …"
    ['NSDUH_2012-2013.html', 'T2 US "Past Month Illicit Drug Use" 18-25: 21.44', P('illicit_drug_use_past_month', '2012-2013', 'US', '18-25', 'percent'), { estimate: 21.44, interval_type: null }],
    ['NSDUH_2012-2013.html', 'T2 US "Average Annual Incidence Estimates of First Use of Marijuana" 18+: 1.23', P('first_use_of_marijuana', '2012-2013', 'US', '18+', 'percent_of_at_risk'), { estimate: 1.23 }],
    ['NSDUH_2012-2013.html', 'T2 US "Past Month Binge Alcohol Use (Individuals Aged 12 to 20)": 14.75(4)', P('binge_alcohol_use_past_month', '2012-2013', 'US', '12-20', 'percent'), { estimate: 14.75 }],
    ['NSDUH_2012-2013.html', 'T45 Kentucky "Past Year Nonmedical Pain Reliever Use" 18-25: 45', P('nonmedical_use_of_pain_relievers_past_year', '2012-2013', 'KY', '18-25', 'thousands'), { estimate: 45 }],
    ['NSDUH_2012-2013.html', 'T74 New Mexico "Past Month Use of Illicit Drugs Other Than Marijuana" 12-17: 4.26', P('illicit_drug_use_other_than_marijuana_past_month', '2012-2013', 'NM', '12-17', 'percent'), { estimate: 4.26 }],
    ['NSDUH_2012-2013.html', 'T89 Rhode Island "Perception of Great Risk of Smoking One or More Packs of Cigarettes per Day" 26+: 514', P('great_risk_pack_a_day', '2012-2013', 'RI', '26+', 'thousands'), { estimate: 514 }],

    // NSDUH_2013-2014.html
    ['NSDUH_2013-2014.html', 'T1 US "Past Year Marijuana Use" 12+: 34,038', P('marijuana_use_past_year', '2013-2014', 'US', '12+', 'thousands'), { estimate: 34038 }],
    ['NSDUH_2013-2014.html', 'T1 US "Perception of Great Risk from Drinking Five or More Drinks Once or Twice a Week" 12-17: 9,726', P('great_risk_binge_drinking_weekly', '2013-2014', 'US', '12-17', 'thousands'), { estimate: 9726 }],
    ['NSDUH_2013-2014.html', 'T1 US "Illicit Drug Dependence" 26+: 2,752', P('illicit_drug_dependence_past_year', '2013-2014', 'US', '26+', 'thousands'), { estimate: 2752 }],
    ['NSDUH_2013-2014.html', 'T30 Florida "Perception of Great Risk from Smoking Marijuana Once a Month" 18-25: 15.62', P('great_risk_marijuana_monthly', '2013-2014', 'FL', '18-25', 'percent'), { estimate: 15.62 }],
    ['NSDUH_2013-2014.html', 'T63 Montana "Any Mental Illness" 26+: 130', P('any_mental_illness_past_year', '2013-2014', 'MT', '26+', 'thousands'), { estimate: 130 }],
    ['NSDUH_2013-2014.html', 'T6 Midwest Region (caption without comma) "Past Month Cigarette Use" 18-25: 32.84', P('cigarette_use_past_month', '2013-2014', 'Midwest', '18-25', 'percent'), { estimate: 32.84 }],

    // NSDUH_2014-2015.html
    ['NSDUH_2014-2015.html', 'T1 US "Past Year Heroin Use" 12+: 871', P('heroin_use_past_year', '2014-2015', 'US', '12+', 'thousands'), { estimate: 871, series: 'NSDUH_2002-2019' }],
    ['NSDUH_2014-2015.html', 'T1 US "Alcohol Use Disorder" 18+: 15,715', P('aud_past_year', '2014-2015', 'US', '18+', 'thousands'), { estimate: 15715 }],
    ['NSDUH_2014-2015.html', 'T32 Georgia "First Use of Marijuana" 18-25: 7.58', P('first_use_of_marijuana', '2014-2015', 'GA', '18-25', 'percent_of_at_risk'), { estimate: 7.58 }],
    ['NSDUH_2014-2015.html', 'T101 Vermont "Had Serious Thoughts of Suicide" 26+: 17', P('serious_thoughts_of_suicide_past_year', '2014-2015', 'VT', '26+', 'thousands'), { estimate: 17 }],
    ['NSDUH_2014-2015.html', 'T101 Vermont "Past Year Heroin Use" 12-17: 0', P('heroin_use_past_year', '2014-2015', 'VT', '12-17', 'thousands'), { estimate: 0, qualifiers: ['rounded_to_zero'] }],
    ['NSDUH_2014-2015.html', 'T34 Hawaii "Past Month Alcohol Use (Individuals Aged 12 to 20)": 20.57(4)', P('alcohol_use_past_month', '2014-2015', 'HI', '12-20', 'percent'), { estimate: 20.57 }],

    // NSDUH_2015-2016.html
    ['NSDUH_2015-2016.html', 'T1 US "Past Year Misuse of Pain Relievers" 12+: 11,989', P('pain_reliever_misuse_past_year', '2015-2016', 'US', '12+', 'thousands'), { estimate: 11989, series: 'DSM-IV_2015-2019' }],
    ['NSDUH_2015-2016.html', 'T1 US "Perceptions of Great Risk from Using Cocaine Once a Month" 18+: 178,963', P('great_risk_cocaine_monthly', '2015-2016', 'US', '18+', 'thousands'), { estimate: 178963 }],
    ['NSDUH_2015-2016.html', 'T1 US "Needing But Not Receiving Treatment for Substance Use" 18-25: 4,982', P('needing_not_receiving_specialty_tx', '2015-2016', 'US', '18-25', 'thousands'), { estimate: 4982 }],
    ['NSDUH_2015-2016.html', 'T20 California "Substance Use Disorder" 18-25: 14.97', P('sud_past_year', '2015-2016', 'CA', '18-25', 'percent'), { estimate: 14.97, series: 'DSM-IV_2015-2019' }],
    ['NSDUH_2015-2016.html', 'T20 California "Received Mental Health Services" 26+: 11.95', P('received_mental_health_services_past_year', '2015-2016', 'CA', '26+', 'percent'), { estimate: 11.95 }],
    ['NSDUH_2015-2016.html', 'T79 North Dakota "Perceptions of Great Risk from Trying Heroin Once or Twice" 12+: 522', P('great_risk_trying_heroin', '2015-2016', 'ND', '12+', 'thousands'), { estimate: 522 }],
    ['NSDUH_2015-2016.html', 'T98 Texas "Past Month Binge Alcohol Use (Individuals Aged 12 to 20)": 10.91', P('binge_alcohol_use_past_month', '2015-2016', 'TX', '12-20', 'percent'), { estimate: 10.91 }],

    // NSDUH_2016-2017.html
    ['NSDUH_2016-2017.html', 'T2 US "Past Year Methamphetamine Use" 18-25: 0.93', P('methamphetamine_use_past_year', '2016-2017', 'US', '18-25', 'percent'), { estimate: 0.93 }],
    ['NSDUH_2016-2017.html', 'T2 US "Major Depressive Episode" 12-17: 13.01', P('mde_past_year', '2016-2017', 'US', '12-17', 'percent'), { estimate: 13.01, series: 'NSDUH_2002-2019' }],
    ['NSDUH_2016-2017.html', 'T108 West Virginia "Pain Reliever Use Disorder" 18+: 0.83', P('pain_reliever_use_disorder_past_year', '2016-2017', 'WV', '18+', 'percent'), { estimate: 0.83 }],
    ['NSDUH_2016-2017.html', 'T71 New Jersey "Past Month Illicit Drug Use Other Than Marijuana" 26+: 135', P('illicit_drug_use_other_than_marijuana_past_month', '2016-2017', 'NJ', '26+', 'thousands'), { estimate: 135 }],
    ['NSDUH_2016-2017.html', 'T111 Wyoming "Past Year Heroin Use" 18-25: 0', P('heroin_use_past_year', '2016-2017', 'WY', '18-25', 'thousands'), { estimate: 0, qualifiers: ['rounded_to_zero'] }],
  ];

  it.each(cases)('%s %s', (f, _what, key, expected) => {
    expect(one(f, key)).toMatchObject(expected);
  });

  it('writes the source as the publication, table number and, in a few words, what the table holds', () => {
    expect(one('NSDUH_2011-2012.html', P('mde_past_year', '2011-2012', 'AL', '26+', 'percent')).source).toBe('SAMHSA, 2011-2012 NSDUH State-Specific Tables (web page), Table 12: Alabama, percentages');
    expect(one('NSDUH_2011-2012.html', P('mde_past_year', '2011-2012', 'US', '26+', 'thousands')).source).toBe(
      'SAMHSA, 2011-2012 NSDUH State-Specific Tables (web page), Table 1: United States, estimated numbers (in thousands)',
    );
    expect(one('NSDUH_2009-2010_num.html', P('illicit_drug_use_past_month', '2009-2010', 'OH', '12+', 'thousands')).source).toBe(
      'SAMHSA, 2009-2010 NSDUH State Estimates, Estimated Numbers by Age Group and State (web page), Table 1: Illicit Drug Use in the Past Month',
    );
  });

  it('marks only counts printed as 0 with rounded_to_zero; a percentage or a nonzero count never', () => {
    let marked = 0;
    for (const f of FILES) {
      const wrong = page(f).observations.filter((o) => {
        const zero = o.estimate === 0 || o.ci_lower === 0 || o.ci_upper === 0;
        if (o.qualifiers.includes('rounded_to_zero')) marked++;
        return o.qualifiers.includes('rounded_to_zero') !== (zero && o.unit === 'thousands');
      });
      expect(wrong, f).toEqual([]);
    }
    expect(marked).toBe(23 + 23 + 10 + 11 + 14 + 49 + 61 + 88);
  });
});

describe("SAMHSA's p values for the change from 2008-2009 (NSDUH_2009-2010_pct.html)", () => {
  const f = 'NSDUH_2009-2010_pct.html';
  it('marks a significant change and quotes the p value (Table 1, Total U.S.: p 0.001, marked "a")', () => {
    const o = one(f, P('illicit_drug_use_past_month', '2009-2010', 'US', '18+', 'percent'));
    expect(o.qualifiers).toEqual(['change_significant']);
    expect(o.note).toBe("SAMHSA's test of the change from 2008-2009: p = 0.001.");
  });

  it('marks a change that is not significant (Table 1, Alabama: p 0.730; Maryland: p 0.052, marked only "b" at the 0.10 level)', () => {
    const al = one(f, P('illicit_drug_use_past_month', '2009-2010', 'AL', '18+', 'percent'));
    expect(al.qualifiers).toEqual(['change_not_significant']);
    expect(al.note).toBe("SAMHSA's test of the change from 2008-2009: p = 0.730.");
    const md = one(f, P('illicit_drug_use_past_month', '2009-2010', 'MD', '18+', 'percent'));
    expect(md).toMatchObject({ estimate: 7.9, qualifiers: ['change_not_significant'], note: "SAMHSA's test of the change from 2008-2009: p = 0.052." });
  });

  it('follows SAMHSA\'s "a" marker when the printed p is exactly 0.050 (Table 4, District of Columbia, 29.32(a) → 26.94)', () => {
    const dc = one(f, P('great_risk_marijuana_monthly', '2009-2010', 'DC', '18+', 'percent'));
    expect(dc).toMatchObject({ estimate: 26.94, qualifiers: ['change_significant'], note: "SAMHSA's test of the change from 2008-2009: p = 0.050." });
  });

  it('puts the test on the 2009-2010 row only, and keeps the two periods apart', () => {
    const first = page(f).observations.filter((o) => o.period === '2008-2009');
    const second = page(f).observations.filter((o) => o.period === '2009-2010');
    expect(first.every((o) => o.qualifiers.length === 0 && o.note === '')).toBe(true);
    expect(second.every((o) => o.qualifiers.length === 1 && /^SAMHSA's test of the change from 2008-2009: p [=<>] \d?\.\d{3}\.$/.test(o.note))).toBe(true);
    // 153 estimates carry SAMHSA's "a" marker (significant at 0.05) on this page; the rest do not.
    expect(second.filter((o) => o.qualifiers[0] === 'change_significant')).toHaveLength(153);
  });
});

describe('measures across releases', () => {
  it('2014-2015 has only the measures comparable across the 2015 redesign: no substance use disorder or treatment rows', () => {
    const indicators = new Set(page('NSDUH_2014-2015.html').observations.map((o) => o.indicator));
    expect([...indicators].sort()).toEqual(
      [
        'alcohol_dependence_past_year',
        'alcohol_use_past_month',
        'any_mental_illness_past_year',
        'aud_past_year',
        'cigarette_use_past_month',
        'cocaine_use_past_year',
        'first_use_of_marijuana',
        'heroin_use_past_year',
        'marijuana_use_past_month',
        'marijuana_use_past_year',
        'mde_past_year',
        'serious_mental_illness_past_year',
        'serious_thoughts_of_suicide_past_year',
        'tobacco_product_use_past_month',
      ].sort(),
    );
    for (const gone of ['sud_past_year', 'illicit_drug_use_disorder_past_year', 'pain_reliever_use_disorder_past_year', 'needing_not_receiving_specialty_tx', 'illicit_drug_use_past_month']) {
      expect(indicators.has(gone)).toBe(false);
    }
    expect(new Set(page('NSDUH_2014-2015.html').observations.map((o) => o.series))).toEqual(new Set(['NSDUH_2002-2019']));
  });

  it('maps the pain reliever measure to a different indicator before and after the 2015 redesign', () => {
    const inds = (f: File) => new Set(page(f).observations.map((o) => o.indicator));
    for (const f of ['NSDUH_2009-2010_num.html', 'NSDUH_2011-2012.html', 'NSDUH_2013-2014.html'] as File[]) {
      expect(inds(f).has('nonmedical_use_of_pain_relievers_past_year')).toBe(true);
      expect(inds(f).has('pain_reliever_misuse_past_year')).toBe(false);
    }
    for (const f of ['NSDUH_2015-2016.html', 'NSDUH_2016-2017.html'] as File[]) {
      expect(inds(f).has('pain_reliever_misuse_past_year')).toBe(true);
      expect(inds(f).has('nonmedical_use_of_pain_relievers_past_year')).toBe(false);
    }
    // DSM-IV "dependence or abuse" rows before 2015 and "use disorder" rows after land on one indicator, in different series.
    expect(one('NSDUH_2013-2014.html', P('sud_past_year', '2013-2014', 'US', '12+', 'thousands')).series).toBe('DSM-IV_2002-2014');
    expect(one('NSDUH_2015-2016.html', P('sud_past_year', '2015-2016', 'US', '12+', 'thousands')).series).toBe('DSM-IV_2015-2019');
  });

  it('gives ages 12 to 20 only to the underage-drinking rows, from their 12+ column', () => {
    for (const f of FILES.filter((name) => name !== 'NSDUH_2009-2010_pct.html')) {
      const young = page(f).observations.filter((o) => o.age_group === '12-20');
      expect(new Set(young.map((o) => o.indicator)).size).toBeGreaterThan(0);
      expect(young.every((o) => o.indicator === 'alcohol_use_past_month' || o.indicator === 'binge_alcohol_use_past_month')).toBe(true);
    }
    // 2014-2015 kept only underage alcohol use (binge drinking changed in 2015).
    expect(page('NSDUH_2014-2015.html').observations.filter((o) => o.age_group === '12-20')).toHaveLength(112);
  });
});

describe('what is left out, and unknown layouts', () => {
  it('lists what it leaves out: the "--" (not available) cells of the adult-only and 12+ mental-health rows, no whole row', () => {
    expect(page('NSDUH_2009-2010_num.html').skipped).toEqual([]);
    expect(page('NSDUH_2009-2010_pct.html').skipped).toEqual([]);
    const s = page('NSDUH_2015-2016.html').skipped;
    expect(s).toHaveLength(9);
    expect(s).toContainEqual(expect.stringMatching(/^“Serious Mental Illness”, 12-17: printed “--” .*\[112 tables: Table 1; Table 2; Table 3; …\]$/));
    expect(s).toContainEqual(expect.stringMatching(/^“Major Depressive Episode”, 12\+: printed “--”/));
    expect(page('NSDUH_2010-2011_num.html').warnings).toEqual([
      'Table 11, Total U.S., 18+: the interval is printed “—”; the estimate 98,814 is kept without an interval.',
    ]);
  });

  it('skips, with the reason, a row label that maps to none of the indicators', () => {
    const html = bytes('NSDUH_2014-2015.html').toString('utf-8').replaceAll('Past Year Heroin Use', 'Past Year Kratom Use');
    const r = readSamhsaWebPage(Buffer.from(html, 'utf-8'), 'NSDUH_2014-2015.html');
    expect(r.observations.some((o) => o.indicator === 'heroin_use_past_year')).toBe(false);
    expect(r.observations).toHaveLength(page('NSDUH_2014-2015.html').observations.length - 560); // 5 ages × 112 tables
    expect(r.skipped).toContainEqual(expect.stringMatching(/^“Past Year Kratom Use” \(thousands\): “Kratom Use in the Past Year” gives kratom_use_past_year, which is not one of the atlas's indicators/));
  });

  it('rejects an unknown caption with an error naming the file and the table', () => {
    const html = bytes('NSDUH_2009-2010_num.html')
      .toString('utf-8')
      .replace('Cocaine Use in the Past Year,</em> by Age Group and State: Estimated Numbers (in Thousands)', 'Cocaine Use in the Past Year,</em> by Age Group and State: Medians');
    const read = () => readSamhsaWebPage(Buffer.from(html, 'utf-8'), 'NSDUH_2009-2010_num.html');
    expect(read).toThrow(WebPageError);
    expect(read).toThrow(
      /^NSDUH_2009-2010_num\.html, table 7 \(“Table 7\. – Cocaine Use in the Past Year, by Age Group and State: Medians, .*”\): The caption “Table 7\. – Cocaine Use in the Past Year, by Age Group and State: Medians, Annual Averages Based on 2009 and 2010 NSDUHs” is not one this reader knows/,
    );
  });

  it('rejects a state-specific caption naming a place it does not know, and a period that disagrees with the file name', () => {
    const text = bytes('NSDUH_2014-2015.html').toString('utf-8');
    expect(() => readSamhsaWebPage(Buffer.from(text.replace('in <span class="italic">Alabama</span>', 'in <span class="italic">Puerto Rico</span>'), 'utf-8'), 'NSDUH_2014-2015.html')).toThrow(
      /^NSDUH_2014-2015\.html, table 11 \(“Table 11 – Selected Drug Use, .*”\): The caption names “Puerto Rico”, which is not a state/,
    );
    expect(() => readSamhsaWebPage(bytes('NSDUH_2009-2010_pct.html'), 'NSDUH_2010-2011_pct.html')).toThrow(/^NSDUH_2010-2011_pct\.html: The file name says 2010-2011, but every caption says 2009-2010/);
  });

  it('rejects a p value that contradicts SAMHSA\'s own significance marker', () => {
    const html = bytes('NSDUH_2009-2010_pct.html').toString('utf-8').replace('<td width="13%">0.730</td>', '<td width="13%">0.030</td>');
    expect(() => readSamhsaWebPage(Buffer.from(html, 'utf-8'), 'NSDUH_2009-2010_pct.html')).toThrow(/table 1 .*Alabama.*p value 0\.030 disagrees with SAMHSA's “a” marker/);
  });
});
