/**
 * The vocabulary lists datapackage.json carries (series, comparability registry, qualifiers,
 * units): the English from lib/vocabulary, each with its Spanish beside it (translations.es) from
 * data/sources/translations/es/. npm run data:build writes these; checkPackage requires the package
 * to hold exactly these, so the words cannot drift from the code.
 */
import esCatalogue from '../../data/sources/translations/es/catalogue.json';
import esVocabulary from '../../data/sources/translations/es/vocabulary.json';
import { COMPARABILITY } from '../vocabulary/comparability';
import { QUALIFIERS } from '../vocabulary/qualifiers';
import { SERIES } from '../vocabulary/series';
import { UNITS } from '../vocabulary/units';
import { entry } from '../i18n/vocabulary-registry';

type Words<T> = Record<string, T | undefined>;

/** Our Spanish for the indicator catalogue, the universe, comparability claims and dataset titles. */
export const ES_CATALOGUE = esCatalogue as unknown as {
  indicators: Words<{ title: string; definition: string; notes?: string[] }>;
  universes: Words<string>;
  claims: Words<string>;
  resources: Words<{ title: string }>;
};

const ES_VOCABULARY = esVocabulary as unknown as {
  series: Words<{ title: string; change: string; comparability: string }>;
  units: Words<{ label: string; description: string }>;
  qualifiers: Words<{ label: string; description: string }>;
};

const spanish = <T extends object>(es: T | undefined) => (es ? { translations: { es } } : {});

/** The comparability registry with a Spanish copy of every claim (quotes and sources stay as published). */
function withSpanishClaims<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSpanishClaims) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withSpanishClaims(v);
  const claim = (value as { claim?: unknown }).claim;
  const es = typeof claim === 'string' ? entry(ES_CATALOGUE.claims, claim) : undefined;
  return (es ? { ...out, translations: { es: { claim: es } } } : out) as T;
}

export const PACKAGE_SERIES = SERIES.map((x) => ({ ...x, ...spanish(entry(ES_VOCABULARY.series, x.name)) }));
export const PACKAGE_COMPARABILITY = withSpanishClaims(COMPARABILITY);
export const PACKAGE_QUALIFIERS = QUALIFIERS.map((q) => ({ ...q, ...spanish(entry(ES_VOCABULARY.qualifiers, q.code)) }));
export const PACKAGE_UNITS = UNITS.map((u) => ({ ...u, ...spanish(entry(ES_VOCABULARY.units, u.name)) }));
