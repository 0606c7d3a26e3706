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

/** Citation of the publisher's data behind a dataset. */
export function sourceCitation(resource: DataResource): Citation {
  const source = resource.sources[0];
  const title = source?.title ?? resource.title;
  const url = source?.path ?? '';
  const version = source?.version;
  const author = 'Substance Abuse and Mental Health Services Administration';
  const text = `${author}, Center for Behavioral Health Statistics and Quality. ${title}${version ? ` (${version})` : ''}. Rockville, MD: SAMHSA.${url ? ` ${url}` : ''}`;
  const key = `samhsa_${resource.name.replace(/[^a-z0-9]/g, '_')}`;
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
