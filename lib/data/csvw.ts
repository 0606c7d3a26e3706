/**
 * CSV on the Web (W3C CSVW) metadata for each dataset's CSV, generated from its Frictionless
 * Table Schema in datapackage.json, so tools that read CSVW (csvw-validator, csvwlib, rdflib,
 * R's csvwr) type the columns without guessing. Served at /data/{dataset}.csv-metadata.json, the
 * name CSVW looks for beside {dataset}.csv, and shipped in the package ZIP.
 */
import type { DataPackage, DataResource } from './package';
import type { SchemaField } from '../vocabulary/schema';

/** "national-estimates.csv" → "national-estimates.csv-metadata.json" (CSVW's default location). */
export const csvwFileOf = (resource: Pick<DataResource, 'path'>) => `${resource.path}-metadata.json`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Table Schema field as a CSVW datatype: its base type and every constraint CSVW can state. */
function datatypeOf(field: SchemaField): Record<string, unknown> {
  const c = field.constraints ?? {};
  if (field.type === 'string') {
    const format = c.enum ? `^(?:${c.enum.map(escapeRegExp).join('|')})$` : c.pattern;
    return { base: 'string', ...(format ? { format } : {}), ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}) };
  }
  const base = field.type === 'integer' ? 'integer' : 'double';
  return { base, ...(c.minimum !== undefined ? { minimum: c.minimum } : {}) };
}

/** The CSVW table description of one dataset's CSV. */
export function csvwMetadata(pkg: DataPackage, resource: DataResource): Record<string, unknown> {
  const schema = resource.schema;
  const license = pkg.licenses[0];
  const dialect = resource.dialect;
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: resource.path,
    'dc:title': resource.title,
    'dc:description': resource.description,
    'dc:modified': resource.lastModified,
    'dc:license': license?.path ?? license?.title ?? license?.name,
    'dc:source': resource.sources.map((s) => s.title + (s.path ? ` (${s.path})` : '')),
    'schema:version': pkg.version,
    dialect: {
      header: dialect.header,
      delimiter: dialect.delimiter,
      quoteChar: dialect.quoteChar,
      doubleQuote: dialect.doubleQuote,
      lineTerminators: [dialect.lineTerminator],
      encoding: resource.encoding,
    },
    tableSchema: {
      columns: schema.fields.map((f) => ({
        name: f.name,
        titles: f.name,
        'dc:title': f.title,
        'dc:description': f.description,
        datatype: datatypeOf(f),
        required: f.constraints?.required === true,
        null: schema.missingValues,
      })),
      primaryKey: schema.primaryKey,
    },
  };
}

/** Every dataset's CSVW file name and bytes (pretty-printed JSON). */
export function csvwFiles(pkg: DataPackage): Array<{ name: string; data: Buffer }> {
  return pkg.resources.map((r) => ({ name: csvwFileOf(r), data: Buffer.from(`${JSON.stringify(csvwMetadata(pkg, r), null, 2)}\n`, 'utf8') }));
}
