/**
 * Suggested citations, as plain text, BibTeX and RIS: one for SAMHSA's data (the source a
 * researcher should cite) and one for this site's compiled release (with the access date).
 * In a reader's language: the words around the entries (labels, notes, "accessed") come from
 * messages/{locale}/cite.json; publication titles, authors' names, field names and machine
 * formats (ISO dates in BibTeX and RIS) are the same in every language.
 */
import { createTranslator } from 'next-intl';
import enCite from '../../messages/en/cite.json';
import esCite from '../../messages/es/cite.json';
import type { DataPackage, DataResource } from '../data/package';
import { formatDate } from '../format/numbers';
import { localePath, type Locale } from '../i18n/locales';
import { SITE_NAME } from './metadata';

export interface Citation {
  label: string;
  text: string;
  bibtex: string;
  ris: string;
}

const year = (iso: string) => iso.slice(0, 4);
const bibEscape = (s: string) => s.replace(/([{}%&$#_])/g, '\\$1');

const SAMHSA = 'Substance Abuse and Mental Health Services Administration';

type CitationKey = keyof typeof enCite.citation;
type Words = (key: `citation.${CitationKey}`, values?: Record<string, string>) => string;
const translators: Partial<Record<Locale, Words>> = {};

/** The citation words of a locale, through next-intl's translator (made once per locale). */
function words(locale: Locale): Words {
  return (translators[locale] ??= createTranslator({ locale, messages: { cite: locale === 'es' ? esCite : enCite }, namespace: 'cite' }) as unknown as Words);
}

/**
 * Survey years a source covers: the years its title names ("…, 2009–2010 to 2018–2019" → 2009 and
 * 2019), else the first and last years of the dataset's periods.
 */
function surveyYears(resource: DataResource, title: string): { first: string; last: string } | null {
  const named = [...title.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0]).sort();
  const years = named.length ? named : (resource.coverage?.periods ?? []).flatMap((p) => p.split('-')).sort();
  return years.length ? { first: years[0], last: years.at(-1) as string } : null;
}

const yearsText = (y: { first: string; last: string }) => (y.first === y.last ? y.first : `${y.first}–${y.last}`);

/**
 * A source's description split into a citable title and a note: the author's name is dropped from
 * the front (it is the author field), text after a semicolon becomes the note, and the survey
 * years are added when the title names none. A file named by its path beside datapackage.json
 * ("sources/nsduh-national/quotes.md") becomes its address under /data/ when the site is known.
 */
function titleAndNote(resource: DataResource, description: string, site?: string): { title: string; note: string } {
  const [head, ...rest] = description.split(';');
  let title = head.replace(/^SAMHSA,\s*Center for Behavioral Health Statistics and Quality,\s*/i, '').replace(/^SAMHSA\s+(?=National Survey)/, '').trim();
  const years = surveyYears(resource, description);
  if (years && !/\b(?:19|20)\d{2}\b/.test(title)) title = `${title}, ${yearsText(years)}`;
  let note = rest.join(';').trim();
  // A note that ends with an address gets no full stop (it would be copied into the address).
  if (note) note = `${note.charAt(0).toUpperCase()}${note.slice(1)}${/[.!?]$|\.(?:md|txt)$/.test(note) ? '' : '.'}`;
  if (site) note = note.replace(/\bsources\/[\w./-]+\.(?:md|txt)\b/g, (file) => `${site.replace(/\/$/, '')}/data/${file}`);
  return { title, note };
}

/** Citation of the publisher's data behind a dataset: its first source (SAMHSA's). */
export function sourceCitation(resource: DataResource, site?: string, locale: Locale = 'en'): Citation {
  return sourceCitationOf(resource, resource.sources[0] ?? { title: resource.title }, 0, site, locale);
}

/**
 * One citation per source of a dataset: SAMHSA's releases, and any re-publication some of its
 * figures come from (named as its own author, never as SAMHSA). `site` (the site's address) turns
 * files the sources name by path into links.
 */
export function sourceCitations(resource: DataResource, site?: string, locale: Locale = 'en'): Citation[] {
  return (resource.sources.length ? resource.sources : [{ title: resource.title }]).map((s, i) => sourceCitationOf(resource, s, i, site, locale));
}

function sourceCitationOf(resource: DataResource, source: DataResource['sources'][number], index: number, site: string | undefined, locale: Locale): Citation {
  const t = words(locale);
  const url = source.path ?? '';
  const version = source.version;
  const bySamhsa = /\bSAMHSA\b|Substance Abuse and Mental Health/.test(source.title) && !/^CORGIS\b/.test(source.title);
  if (!bySamhsa) return derivedCitation(resource, source.title, url, version, index, locale);
  const { title, note } = titleAndNote(resource, source.title, site);
  const years = surveyYears(resource, source.title);
  const author = SAMHSA;
  const text = `${author}, Center for Behavioral Health Statistics and Quality. ${t('citation.dataSetTitle', { title: `${title}${version ? ` (${version})` : ''}` })}. Rockville, MD: SAMHSA.${url ? ` ${url}` : ''}${note ? ` ${note}` : ''}`;
  const key = `samhsa_${resource.name.replace(/[^a-z0-9]/g, '_')}${index ? `_${index + 1}` : ''}`;
  return {
    label: t('citation.samhsaLabel', { title: resource.title }),
    text,
    bibtex: [
      `@misc{${key},`,
      `  author = {{${author}}},`,
      `  title = {${bibEscape(title)}},`,
      ...(years ? bibYear(years) : []),
      ...(version ? [`  version = {${bibEscape(version)}},`] : []),
      `  publisher = {Center for Behavioral Health Statistics and Quality, SAMHSA},`,
      `  address = {Rockville, MD},`,
      ...(url ? [`  url = {${url}},`] : []),
      ...(note ? [`  note = {${bibEscape(note)}},`] : []),
      `}`,
    ].join('\n'),
    ris: [
      'TY  - DATA',
      `AU  - ${author}`,
      `TI  - ${title}`,
      ...(years ? risYear(years, locale) : []),
      'PB  - Center for Behavioral Health Statistics and Quality, SAMHSA',
      'CY  - Rockville, MD',
      ...(version ? [`ET  - ${version}`] : []),
      ...(url ? [`UR  - ${url}`] : []),
      ...(note ? [`N1  - ${note}`] : []),
      'ER  - ',
    ].join('\n'),
  };
}

/** BibTeX: the survey years as `year` (a range prints as 2002–2024) and as an ISO range `date` for biblatex. */
const bibYear = (y: { first: string; last: string }) => (y.first === y.last ? [`  year = {${y.first}},`] : [`  year = {${y.first}--${y.last}},`, `  date = {${y.first}/${y.last}},`]);

/** RIS holds one year: the latest survey year, with the whole span in a note when there are several. */
const risYear = (y: { first: string; last: string }, locale: Locale) => [`PY  - ${y.last}`, ...(y.first === y.last ? [] : [`N1  - ${words(locale)('citation.surveyYears', { years: yearsText(y) })}`])];

/** A re-publication of SAMHSA's figures by someone else: cited under its own name, with what it is. */
function derivedCitation(resource: DataResource, title: string, url: string, version: string | undefined, index: number, locale: Locale): Citation {
  const t = words(locale);
  // The author is the title up to its first parenthesis, comma or colon ("CORGIS Dataset Project").
  const author = /^[^(,:]+/.exec(title)?.[0].trim() ?? title;
  const key = `${author.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}_${resource.name.replace(/[^a-z0-9]/g, '_')}${index ? `_${index + 1}` : ''}`;
  const shortVersion = version && /^[0-9a-f]{40}$/.test(version) ? `commit ${version.slice(0, 7)}` : version;
  const years = surveyYears(resource, title);
  // The entry's title: without the author's name in front and a closing parenthesis (which goes to the note).
  const aside = /\s*\(([^()]*)\)$/.exec(title);
  const bare = (aside ? title.slice(0, aside.index) : title).slice(author.length).replace(/^\s*\([^()]*\)/, '').replace(/^[\s,:]+/, '') || title;
  const note = `${t('citation.derivedNote')}${aside ? `. ${aside[1].charAt(0).toUpperCase()}${aside[1].slice(1)}` : ''}`;
  return {
    label: t('citation.derivedLabel', { title: resource.title }),
    text: `${t('citation.dataSetTitle', { title: `${title}${shortVersion ? ` (${shortVersion})` : ''}` })}.${url ? ` ${url}` : ''} ${t('citation.derivedText')}`,
    bibtex: [
      `@misc{${key},`,
      `  author = {{${bibEscape(author)}}},`,
      `  title = {${bibEscape(bare)}},`,
      ...(years ? bibYear(years) : []),
      ...(shortVersion ? [`  version = {${bibEscape(shortVersion)}},`] : []),
      ...(url ? [`  url = {${url}},`] : []),
      `  note = {${bibEscape(note)}},`,
      `}`,
    ].join('\n'),
    ris: ['TY  - DATA', `AU  - ${author}`, `TI  - ${bare}`, ...(years ? risYear(years, locale) : []), ...(shortVersion ? [`ET  - ${shortVersion}`] : []), ...(url ? [`UR  - ${url}`] : []), `N1  - ${note}`, 'ER  - '].join('\n'),
  };
}

/**
 * Citation of this site's compiled data package, dated the day it was accessed. The address is
 * the data page in the reader's language (/es/data in Spanish); `pkg` is the package in that
 * language (its title), as getPackage(locale) gives it.
 */
export function siteCitation(pkg: DataPackage, siteUrl: string, accessed: Date, locale: Locale = 'en'): Citation {
  const t = words(locale);
  const day = accessed.toISOString().slice(0, 10);
  const updated = pkg.resources.map((r) => r.lastModified).sort().at(-1) ?? pkg.created;
  const url = `${siteUrl.replace(/\/$/, '')}${localePath(locale, '/data')}`;
  const author = t('citation.siteAuthor', { site: SITE_NAME });
  const note = t('citation.siteNote');
  return {
    label: t('citation.siteLabel', { site: SITE_NAME, version: pkg.version }),
    text: t('citation.siteText', { site: SITE_NAME, title: pkg.title, version: pkg.version, year: year(updated), url, day, longDate: formatDate(day, locale) }),
    bibtex: [
      '@misc{substance_use_atlas,',
      `  author = {{${author}}},`,
      `  title = {${bibEscape(pkg.title)}},`,
      `  version = {${pkg.version}},`,
      `  year = {${year(updated)}},`,
      `  url = {${url}},`,
      `  urldate = {${day}},`,
      `  note = {${bibEscape(note)}},`,
      '}',
    ].join('\n'),
    ris: ['TY  - DATA', `AU  - ${author}`, `TI  - ${pkg.title}`, `ET  - ${pkg.version}`, `PY  - ${year(updated)}`, `UR  - ${url}`, `Y2  - ${day}`, `N1  - ${note}`, 'ER  - '].join('\n'),
  };
}
