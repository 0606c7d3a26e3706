/**
 * Suggested citations, as plain text, BibTeX and RIS: one for SAMHSA's data (the source a
 * researcher should cite) and one for this site's compiled release (with the access date).
 */
import type { DataPackage, DataResource } from '../data/package';
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

/** Citation of the publisher's data behind a dataset: its first source (SAMHSA's). */
export function sourceCitation(resource: DataResource): Citation {
  return sourceCitationOf(resource, resource.sources[0] ?? { title: resource.title }, 0);
}

/**
 * One citation per source of a dataset: SAMHSA's releases, and any re-publication some of its
 * figures come from (named as its own author, never as SAMHSA).
 */
export function sourceCitations(resource: DataResource): Citation[] {
  return (resource.sources.length ? resource.sources : [{ title: resource.title }]).map((s, i) => sourceCitationOf(resource, s, i));
}

function sourceCitationOf(resource: DataResource, source: DataResource['sources'][number], index: number): Citation {
  const title = source.title;
  const url = source.path ?? '';
  const version = source.version;
  const bySamhsa = /\bSAMHSA\b|Substance Abuse and Mental Health/.test(title) && !/^CORGIS\b/.test(title);
  if (!bySamhsa) return derivedCitation(resource, title, url, version, index);
  const author = SAMHSA;
  const text = `${author}, Center for Behavioral Health Statistics and Quality. ${title}${version ? ` (${version})` : ''}. Rockville, MD: SAMHSA.${url ? ` ${url}` : ''}`;
  const key = `samhsa_${resource.name.replace(/[^a-z0-9]/g, '_')}${index ? `_${index + 1}` : ''}`;
  return {
    label: `SAMHSA data: ${resource.title}`,
    text,
    bibtex: [
      `@misc{${key},`,
      `  author = {{${author}}},`,
      `  title = {${bibEscape(title)}},`,
      ...(version ? [`  version = {${bibEscape(version)}},`] : []),
      `  publisher = {Center for Behavioral Health Statistics and Quality, SAMHSA},`,
      `  address = {Rockville, MD},`,
      ...(url ? [`  url = {${url}},`] : []),
      `}`,
    ].join('\n'),
    ris: ['TY  - DATA', `AU  - ${author}`, `TI  - ${title}`, 'PB  - Center for Behavioral Health Statistics and Quality, SAMHSA', 'CY  - Rockville, MD', ...(version ? [`ET  - ${version}`] : []), ...(url ? [`UR  - ${url}`] : []), 'ER  - '].join('\n'),
  };
}

/** A re-publication of SAMHSA's figures by someone else: cited under its own name, with what it is. */
function derivedCitation(resource: DataResource, title: string, url: string, version: string | undefined, index: number): Citation {
  // The author is the title up to its first parenthesis, comma or colon ("CORGIS Dataset Project").
  const author = /^[^(,:]+/.exec(title)?.[0].trim() ?? title;
  const key = `${author.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}_${resource.name.replace(/[^a-z0-9]/g, '_')}${index ? `_${index + 1}` : ''}`;
  const shortVersion = version && /^[0-9a-f]{40}$/.test(version) ? `commit ${version.slice(0, 7)}` : version;
  return {
    label: `Derived re-publication used in ${resource.title}`,
    text: `${title}${shortVersion ? ` (${shortVersion})` : ''}.${url ? ` ${url}` : ''} A derived re-publication of SAMHSA data; cite SAMHSA too.`,
    bibtex: [
      `@misc{${key},`,
      `  author = {{${bibEscape(author)}}},`,
      `  title = {${bibEscape(title)}},`,
      ...(shortVersion ? [`  version = {${bibEscape(shortVersion)}},`] : []),
      ...(url ? [`  url = {${url}},`] : []),
      `  note = {Derived re-publication of data from the ${SAMHSA}},`,
      `}`,
    ].join('\n'),
    ris: ['TY  - DATA', `AU  - ${author}`, `TI  - ${title}`, ...(shortVersion ? [`ET  - ${shortVersion}`] : []), ...(url ? [`UR  - ${url}`] : []), `N1  - Derived re-publication of data from the ${SAMHSA}`, 'ER  - '].join('\n'),
  };
}

/** Citation of this site's compiled data package, dated the day it was accessed. */
export function siteCitation(pkg: DataPackage, siteUrl: string, accessed: Date): Citation {
  const day = accessed.toISOString().slice(0, 10);
  const updated = pkg.resources.map((r) => r.lastModified).sort().at(-1) ?? pkg.created;
  const url = `${siteUrl.replace(/\/$/, '')}/data`;
  return {
    label: `${SITE_NAME} (compiled data, version ${pkg.version})`,
    text: `${SITE_NAME}. ${pkg.title}, version ${pkg.version} (${year(updated)}). Compiled from SAMHSA's National Survey on Drug Use and Health. ${url} (accessed ${day}).`,
    bibtex: [
      '@misc{substance_use_atlas,',
      `  author = {{${SITE_NAME} contributors}},`,
      `  title = {${bibEscape(pkg.title)}},`,
      `  version = {${pkg.version}},`,
      `  year = {${year(updated)}},`,
      `  url = {${url}},`,
      `  urldate = {${day}},`,
      `  note = {Compiled from SAMHSA's National Survey on Drug Use and Health},`,
      '}',
    ].join('\n'),
    ris: ['TY  - DATA', `AU  - ${SITE_NAME} contributors`, `TI  - ${pkg.title}`, `ET  - ${pkg.version}`, `PY  - ${year(updated)}`, `UR  - ${url}`, `Y2  - ${day}`, "N1  - Compiled from SAMHSA's National Survey on Drug Use and Health", 'ER  - '].join('\n'),
  };
}
