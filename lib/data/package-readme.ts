/** The README that travels in the data package ZIP: what is in it, what every column and code means, and the methodology breaks. */
import { ageGroupLabel } from '../vocabulary/age-groups';
import type { DataPackage } from './package';
import { CANONICAL_SCHEMA } from '../vocabulary/schema';
import { siteCitation, sourceCitations } from '../site/citation';
import { csvwFileOf } from './csvw';
import { documentPaths } from './documents';

export function packageReadme(pkg: DataPackage, siteUrl: string, accessed: Date): string {
  const lines: string[] = [];
  lines.push(`# ${pkg.title}`, '', pkg.description, '', `Version ${pkg.version}. ${pkg.licenses.map((l) => l.title ?? l.name).join('; ')}.`, '');
  lines.push('## Files', '', '- `datapackage.json`: the Frictionless Data Package descriptor (schema, sizes, SHA-256 hashes, sources, and the definitions below, machine-readable).');
  for (const r of pkg.resources) lines.push(`- \`${r.path}\`: ${r.title} — ${r.observations} observations, last modified ${r.lastModified.slice(0, 10)}. ${r.description}`);
  for (const r of pkg.resources) lines.push(`- \`${csvwFileOf(r)}\`: the columns of \`${r.path}\` with their types and constraints as CSV on the Web (W3C CSVW) metadata, generated from its Table Schema.`);
  for (const d of documentPaths(pkg)) lines.push(`- \`${d}\`: a document the sources of ${pkg.resources.filter((r) => r.sources.some((s) => s.title.includes(d))).map((r) => `\`${r.path}\``).join(', ')} cite, at the same path as beside datapackage.json on the site.`);
  lines.push('', '## Columns', '');
  for (const f of CANONICAL_SCHEMA.fields) lines.push(`- \`${f.name}\` (${f.type}${f.constraints?.required ? ', required' : ''}): ${f.description}`);
  lines.push('', `Missing values are empty cells, never 0. Each row is unique by ${CANONICAL_SCHEMA.primaryKey.join(', ')}.`, '');
  lines.push('## Methodology breaks (comparability series)', '', 'NSDUH changed its methods several times; SAMHSA advises against comparing estimates across these breaks. Every row names its series.', '');
  for (const s of pkg.series) lines.push(`- \`${s.name}\` (${s.firstYear}–${s.lastYear ?? 'present'}): ${s.change} ${s.comparability}`);
  const registry = pkg.comparability;
  if (registry) {
    lines.push('', '### Which series each measure follows', '', `By default a measure breaks between ${registry.default.series.map((n) => `\`${n}\``).join(', ')}. These measures differ (\`comparability\` in datapackage.json has the evidence for every claim):`, '');
    for (const m of registry.measures) lines.push(`- ${m.indicators.map((i) => `\`${i}\``).join(', ')}: ${m.series.map((n) => `\`${n}\``).join(', ')}. Evidence: ${m.evidence.filter((e) => /2014 and 2015/.test(e.quote)).map((e) => `“${e.quote}” (${e.source})`).join('; ')}`);
    for (const r of registry.restatements) lines.push(`- In \`${r.series}\`, ${r.year} figures are compared with later years only when restated (revision ≥ ${r.minRevision}): “${r.evidence[0]?.quote}” (${r.evidence[0]?.source}, ${r.evidence[0]?.url})`);
  }
  lines.push('', '## Intervals', '', '- `confidence`: design-based 95% confidence intervals (national estimates).', '- `credible`: 95% Bayesian credible intervals (state and census-region small-area estimates).', '- Empty: the publisher gave no interval; none was computed.', '');
  lines.push('## Qualifiers', '');
  for (const q of pkg.qualifiers) lines.push(`- \`${q.code}\` (${q.label}): ${q.description}`);
  lines.push('', '## Units', '');
  for (const u of pkg.units) lines.push(`- \`${u.name}\`: ${u.description}`);
  lines.push('', '## Age groups', '', 'Codes such as `12+` mean ' + ageGroupLabel('12+').toLowerCase() + '; `18-25` means ' + ageGroupLabel('18-25').toLowerCase() + '.', '');
  lines.push('## Indicators', '');
  for (const i of pkg.indicators) lines.push(`### ${i.title} (\`${i.name}\`)`, '', i.definition, '', `Universe: ${i.universe}`, '', ...i.notes.map((n) => `- Note: ${n}`), ...(i.notes.length ? [''] : []));
  const withFiles = pkg.resources.filter((r) => r.sourceFiles?.length || r.notImported?.length);
  if (withFiles.length) {
    lines.push('## Original files', '', 'Each dataset was rebuilt by `npm run data:build` from these files, kept in the repository under `data/sources/` (SHA-256 of their bytes):', '');
    for (const r of withFiles) {
      lines.push(`### ${r.title} (\`${r.path}\`)`, '');
      for (const f of r.sourceFiles ?? []) lines.push(`- \`${f.path}\` (${f.bytes} bytes, SHA-256 \`${f.sha256}\`): ${f.origin}`);
      for (const n of r.notImported ?? []) lines.push(`- Not imported: ${n.table} of \`${n.file}\`. ${n.reason}`);
      lines.push('');
    }
  }
  lines.push('## How to cite', '');
  for (const c of [...pkg.resources.flatMap((r) => sourceCitations(r, siteUrl)), siteCitation(pkg, siteUrl, accessed)]) lines.push(`- ${c.text}`);
  lines.push('', 'Text cells that begin with =, +, -, @ or a tab are refused by the validator, so these files are safe to open in a spreadsheet.', '');
  return lines.join('\n');
}
