/**
 * The README that travels in the data package ZIP: what is in it, what every column and code
 * means, and the methodology breaks — in English, or in Spanish for /api/package?lang=es (its
 * words in messages/{locale}/readme.json; the package's own words from its translations).
 */
import 'server-only';
import { createTranslator } from 'next-intl';
import type { Locale } from '../i18n/locales';
import { MESSAGES } from '../i18n/messages';
import { fieldWords } from '../i18n/columns';
import { ageLabel } from '../i18n/vocabulary';
import '../i18n/vocabulary-data'; // Spanish age labels (an API route has no request configuration)
import { localizePackage } from './localize';
import type { DataPackage } from './package';
import { CANONICAL_SCHEMA } from '../vocabulary/schema';
import { siteCitation, sourceCitations } from '../site/citation';
import { csvwFileOf } from './csvw';
import { documentPaths } from './documents';

export function packageReadme(stored: DataPackage, siteUrl: string, accessed: Date, locale: Locale = 'en'): string {
  const t = createTranslator({ locale, messages: { readme: MESSAGES[locale].readme }, namespace: 'readme' });
  const pkg = localizePackage(stored, locale);
  const code = (x: string) => `\`${x}\``;
  const lines: string[] = [];
  lines.push(`# ${pkg.title}`, '', pkg.description, '', t('version', { version: pkg.version, licenses: pkg.licenses.map((l) => l.title ?? l.name).join('; ') }), '');
  lines.push(`## ${t('files')}`, '', `- ${t('descriptor')}`);
  for (const r of pkg.resources) lines.push(`- ${t('resource', { path: r.path, title: r.title, count: String(r.observations), date: r.lastModified.slice(0, 10), description: r.description })}`);
  for (const r of pkg.resources) lines.push(`- ${t('csvw', { file: csvwFileOf(r), path: r.path })}`);
  for (const d of documentPaths(pkg)) lines.push(`- ${t('document', { path: d, files: pkg.resources.filter((r) => r.sources.some((s) => s.title.includes(d))).map((r) => code(r.path)).join(', ') })}`);
  lines.push('', `## ${t('columns')}`, '');
  for (const f of CANONICAL_SCHEMA.fields) {
    lines.push(`- ${t('column', { name: f.name, type: f.constraints?.required ? t('required', { type: f.type }) : f.type, description: fieldWords(f.name, locale)?.description ?? '' })}`);
  }
  lines.push('', t('missing', { key: CANONICAL_SCHEMA.primaryKey.join(', ') }), '');
  lines.push(`## ${t('breaks')}`, '', t('breaksLead'), '');
  for (const s of pkg.series) lines.push(`- ${code(s.name)} (${s.firstYear}–${s.lastYear ?? t('present')}): ${s.change} ${s.comparability}`);
  const registry = pkg.comparability;
  if (registry) {
    lines.push('', `### ${t('byMeasure')}`, '', t('byMeasureLead', { series: registry.default.series.map(code).join(', ') }), '');
    for (const m of registry.measures) {
      const evidence = m.evidence
        .filter((e) => /2014 and 2015/.test(e.quote))
        .map((e) => `“${e.quote}” (${e.source})`)
        .join('; ');
      lines.push(`- ${t('measure', { indicators: m.indicators.map(code).join(', '), series: m.series.map(code).join(', '), evidence })}`);
    }
    for (const r of registry.restatements) {
      lines.push(`- ${t('restatement', { series: r.series, year: String(r.year), revision: String(r.minRevision), quote: r.evidence[0]?.quote ?? '', source: r.evidence[0]?.source ?? '', url: r.evidence[0]?.url ?? '' })}`);
    }
  }
  lines.push('', `## ${t('intervals')}`, '', `- ${t('confidence')}`, `- ${t('credible')}`, `- ${t('noInterval')}`, '');
  lines.push(`## ${t('qualifiers')}`, '');
  for (const q of pkg.qualifiers) lines.push(`- ${code(q.code)} (${q.label}): ${q.description}`);
  lines.push('', `## ${t('units')}`, '');
  for (const u of pkg.units) lines.push(`- ${code(u.name)}: ${u.description}`);
  lines.push('', `## ${t('ageGroups')}`, '', t('ageCodes', { plus: ageLabel('12+', locale).toLowerCase(), range: ageLabel('18-25', locale).toLowerCase() }), '');
  lines.push(`## ${t('indicators')}`, '');
  for (const i of pkg.indicators) lines.push(`### ${i.title} (${code(i.name)})`, '', i.definition, '', t('universe', { universe: i.universe }), '', ...i.notes.map((n) => `- ${t('note', { note: n })}`), ...(i.notes.length ? [''] : []));
  const withFiles = pkg.resources.filter((r) => r.sourceFiles?.length || r.notImported?.length);
  if (withFiles.length) {
    lines.push(`## ${t('originals')}`, '', t('originalsLead'), '');
    for (const r of withFiles) {
      lines.push(`### ${r.title} (${code(r.path)})`, '');
      for (const f of r.sourceFiles ?? []) lines.push(`- ${t('original', { path: f.path, bytes: String(f.bytes), sha256: f.sha256, origin: f.origin })}`);
      for (const n of r.notImported ?? []) lines.push(`- ${t('notImported', { table: n.table, file: n.file, reason: n.reason })}`);
      lines.push('');
    }
  }
  lines.push(`## ${t('cite')}`, '');
  for (const c of [...pkg.resources.flatMap((r) => sourceCitations(r, siteUrl, locale)), siteCitation(pkg, siteUrl, accessed, locale)]) lines.push(`- ${c.text}`);
  lines.push('', t('safe'), '');
  return lines.join('\n');
}
