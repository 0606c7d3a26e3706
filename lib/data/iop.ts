/**
 * The statistics the IOP explainer quotes, chosen from the data at render time. Nothing here is
 * typed in: each figure is an observation, shown with its source.
 */
import '../charts/english'; // English defaults for the chart functions this module calls
import { toStatesModel, type StateValue } from '../charts/states';
import { figureFor, latestFigure, type Figure } from './headline';
import type { Observation } from '../vocabulary/schema';
import { periodYears } from '../vocabulary/series';
import { createTranslator } from 'next-intl';
import enIop from '../../messages/en/iop.json';
import esIop from '../../messages/es/iop.json';
import { formatDate } from '../format/numbers';
import type { Locale } from '../i18n/locales';

export interface TreatmentGap {
  period: string;
  /** People who needed substance use treatment (a count). */
  needed: Observation;
  /** Of them, the percent who received it at a specialty facility. */
  receivedSpecialty: Observation;
}

export interface StateGap {
  period: string;
  us: Observation;
  highest: StateValue;
  lowest: StateValue;
}

export interface IopStatistics {
  reference: Figure | null;
  latest: Figure | null;
  gap: TreatmentGap | null;
  /** The latest percent of those needing treatment who received any treatment, in any setting. */
  receivedAny: Observation | null;
  stateGap: StateGap | null;
}

const US_12 = { geography: 'US', age_group: '12+' } as const;
const lastYear = (period: string) => periodYears(period)?.[1] ?? 0;
const latestRevision = (rows: Observation[]) => rows.sort((a, b) => b.revision - a.revision)[0];

export function iopStatistics(observations: readonly Observation[], referencePeriod: string): IopStatistics {
  const us = observations.filter((o) => o.geography === US_12.geography && o.age_group === US_12.age_group && o.estimate !== null);

  let gap: TreatmentGap | null = null;
  const neededPeriods = [...new Set(us.filter((o) => o.indicator === 'needed_tx_any' && ['millions', 'thousands', 'persons'].includes(o.unit)).map((o) => o.period))].sort(
    (a, b) => lastYear(b) - lastYear(a),
  );
  for (const period of neededPeriods) {
    const share = us.filter(
      (o) =>
        o.period === period &&
        ((o.indicator === 'received_specialty_tx_among_needing' && o.unit === 'percent') ||
          (o.indicator === 'received_specialty_tx_any_among_needing' && o.unit === 'percent_of_needing')),
    );
    if (share.length) {
      const needed = us.filter((o) => o.period === period && o.indicator === 'needed_tx_any' && ['millions', 'thousands', 'persons'].includes(o.unit));
      gap = { period, needed: latestRevision(needed), receivedSpecialty: latestRevision(share) };
      break;
    }
  }

  const any = us.filter((o) => o.indicator === 'received_any_su_tx_among_needing').sort((a, b) => lastYear(b.period) - lastYear(a.period) || b.revision - a.revision);

  let stateGap: StateGap | null = null;
  const statePeriods = [...new Set(observations.filter((o) => o.indicator === 'needing_not_receiving_specialty_tx' && o.geography !== 'US').map((o) => o.period))].sort(
    (a, b) => lastYear(b) - lastYear(a),
  );
  if (statePeriods.length) {
    const model = toStatesModel(observations, {
      indicator: 'needing_not_receiving_specialty_tx',
      indicatorTitle: '',
      ageGroup: '12+',
      measure: 'percent',
      period: statePeriods[0],
    });
    if (model.us && model.states.length) {
      stateGap = { period: statePeriods[0], us: model.us.observation, highest: model.states[0], lowest: model.states[model.states.length - 1] };
    }
  }

  return {
    reference: figureFor(observations, { indicator: 'sud_past_year', ...US_12, period: referencePeriod }),
    latest: latestFigure(us, { indicator: 'sud_past_year', ...US_12 }),
    gap,
    receivedAny: any[0] ?? null,
    stateGap,
  };
}

/**
 * The documents the IOP explainer's facts come from. Each fact on the page names one of these
 * beside it (publisher, title, year, public link). Only what the document itself says is stated.
 */
export interface IopSource {
  /** Who published it, as a reader would name them. */
  publisher: string;
  title: string;
  /** Year of publication (or of the event), or null for a web page kept up to date without one. */
  year: string | null;
  /** A public https address of the document or its official page. */
  url: string;
  /** A press release's date (ISO), written after its title in the reader's language. */
  pressRelease?: string;
  /**
   * What a Spanish reader is sent to: `url` is a Spanish edition of the same page; `{}` says the
   * page itself serves Spanish readers (the Helpline's page, FindTreatment.gov's Spanish
   * interface). Without it the page is in English only, and the Spanish citation says so.
   */
  spanish?: { url?: string };
}

export const IOP_SOURCES = {
  tip47: {
    publisher: 'SAMHSA',
    title: 'Substance Abuse: Clinical Issues in Intensive Outpatient Treatment (TIP 47)',
    year: '2006',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK64093/',
  },
  asam: {
    publisher: 'American Society of Addiction Medicine (ASAM)',
    title: 'The ASAM Criteria, 3rd edition',
    year: '2013',
    url: 'https://www.asam.org/asam-criteria',
  },
  asamAbout: {
    publisher: 'American Society of Addiction Medicine (ASAM)',
    title: 'About the ASAM Criteria',
    year: null,
    url: 'https://www.asam.org/asam-criteria/about-the-asam-criteria',
  },
  helpline: {
    publisher: 'SAMHSA',
    title: 'National Helpline',
    year: null,
    url: 'https://www.samhsa.gov/find-help/helplines/national-helpline',
    spanish: {},
  },
  findTreatment: {
    publisher: 'SAMHSA',
    title: 'FindTreatment.gov',
    year: null,
    url: 'https://findtreatment.gov',
    spanish: {},
  },
  lifeline988: {
    publisher: '988 Suicide & Crisis Lifeline',
    title: '988lifeline.org',
    year: null,
    url: 'https://988lifeline.org',
    spanish: { url: 'https://988lifeline.org/es' },
  },
  tip63: {
    publisher: 'SAMHSA',
    title: 'Medications for Opioid Use Disorder (TIP 63)',
    year: '2021',
    url: 'https://library.samhsa.gov/product/tip-63-medications-opioid-use-disorder/pep21-02-01-002',
  },
  niaaa: {
    publisher: 'National Institute on Alcohol Abuse and Alcoholism (NIAAA)',
    title: 'Treatment for Alcohol Problems: Finding and Getting Help',
    year: null,
    url: 'https://www.niaaa.nih.gov/publications/brochures-and-fact-sheets/treatment-alcohol-problems-finding-and-getting-help',
  },
  parity: {
    publisher: 'U.S. Department of Labor',
    title: 'Mental Health and Substance Use Disorder Parity',
    year: null,
    url: 'https://www.dol.gov/agencies/ebsa/laws-and-regulations/laws/mental-health-and-substance-use-disorder-parity',
  },
  marketplace: {
    publisher: 'HealthCare.gov (CMS)',
    title: 'Mental health & substance abuse coverage',
    year: null,
    url: 'https://www.healthcare.gov/coverage/mental-health-substance-abuse-coverage/',
  },
  medicaid: {
    publisher: 'Medicaid.gov (CMS)',
    title: 'Behavioral Health Services',
    year: null,
    url: 'https://www.medicaid.gov/medicaid/benefits/behavioral-health-services/index.html',
  },
  macpac: {
    publisher: 'MACPAC (Medicaid and CHIP Payment and Access Commission)',
    title: 'Behavioral Health',
    year: null,
    url: 'https://www.macpac.gov/topic/behavioral-health/',
  },
  nidaTeens: {
    publisher: 'National Institute on Drug Abuse (NIDA)',
    title: 'Principles of Adolescent Substance Use Disorder Treatment: A Research-Based Guide',
    year: '2014',
    url: 'https://nida.nih.gov/publications/principles-adolescent-substance-use-disorder-treatment-research-based-guide',
  },
  virtualIop: {
    publisher: 'JMIR Mental Health',
    title: 'Telehealth Services for Substance Use Disorders During the COVID-19 Pandemic: Longitudinal Assessment of Intensive Outpatient Programming and Data Collection Practices (Gliske et al.)',
    year: '2022',
    url: 'https://mental.jmir.org/2022/3/e36263',
  },
  telehealthReview: {
    publisher: 'Psychiatric Services (American Psychiatric Association)',
    title: 'Addiction Treatment and Telehealth: Review of Efficacy and Provider Insights During the COVID-19 Pandemic',
    year: '2022',
    url: 'https://doi.org/10.1176/appi.ps.202100088',
  },
  narcanOtc: {
    publisher: 'U.S. Food and Drug Administration (FDA)',
    title: 'FDA Approves First Over-the-Counter Naloxone Nasal Spray',
    year: '2023',
    url: 'https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-the-counter-naloxone-nasal-spray',
    pressRelease: '2023-03-29',
  },
  overdoseResponse: {
    publisher: 'U.S. Dept. of Health and Human Services',
    title: 'How to Respond to an Opioid Overdose',
    year: null,
    url: 'https://www.hhs.gov/opioids/treatment/overdose-response/index.html',
  },
} as const satisfies Record<string, IopSource>;

export type IopSourceId = keyof typeof IOP_SOURCES;

type CitationKey = 'citation.label' | 'citation.dated' | 'citation.undated' | 'citation.pressRelease' | `publishers.${IopSourceId}`;
type Words = (key: CitationKey, values?: Record<string, string | number>) => string;
const translators: Partial<Record<Locale, Words>> = {};

/** The citation words of a locale (messages/{locale}/iop.json), through next-intl's translator. */
function words(locale: Locale): Words {
  return (translators[locale] ??= createTranslator({ locale, messages: { iop: locale === 'es' ? esIop : enIop }, namespace: 'iop' }) as unknown as Words);
}

/** "Source: " or "Sources: " ("Fuente: ", "Fuentes: "), before the citations of a fact. */
export function citationLabel(count: number, locale: Locale = 'en'): string {
  return words(locale)('citation.label', { count });
}

/** Where a reader of `locale` is sent for a source: its Spanish edition when there is one. */
export function sourceUrl(id: IopSourceId, locale: Locale = 'en'): string {
  const s: IopSource = IOP_SOURCES[id];
  return (locale === 'es' && s.spanish?.url) || s.url;
}

/**
 * The short citation shown beside a fact: publisher, “title” (year), or “(web page)” for a page
 * without one. In Spanish the publisher is named in Spanish, the title stays as published, and a
 * source only in English says “en inglés”.
 */
export function citationText(id: IopSourceId, locale: Locale = 'en'): string {
  const s: IopSource = IOP_SOURCES[id];
  const t = words(locale);
  const title = s.pressRelease ? `${s.title} (${t('citation.pressRelease', { date: formatDate(s.pressRelease, locale) })})` : s.title;
  const values = { publisher: t(`publishers.${id}`), title, year: s.year ?? '', english: locale === 'es' && !s.spanish ? 'yes' : 'no' };
  return s.year ? t('citation.dated', values) : t('citation.undated', values);
}
