/**
 * The OpenAPI 3.1 description of the public API, built from the same registries the validator
 * uses, so the documented enums are the accepted ones.
 */
import { AGE_GROUPS } from '../vocabulary/age-groups';
import { GEOGRAPHIES } from '../vocabulary/geography';
import { QUALIFIERS } from '../vocabulary/qualifiers';
import { CANONICAL_SCHEMA, INDICATOR_PATTERN, INTERVAL_TYPES, PERIOD_PATTERN } from '../vocabulary/schema';
import { SERIES } from '../vocabulary/series';
import { UNITS } from '../vocabulary/units';

const list = (name: string, description: string, items: object) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Several values: separate them with commas.`,
  style: 'form',
  explode: false,
  schema: { type: 'array', items },
});

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const cacheHeaders = {
  ETag: { description: 'Strong validator of this representation; send it back in If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, no-cache: cache, but revalidate every time (published data can change).', schema: { type: 'string' } },
};
const lang = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'en (default) or es: titles and definitions in Spanish (datapackage.json keeps both languages). Values, codes and column names do not change.',
  schema: { type: 'string', enum: ['en', 'es'], default: 'en' },
};
const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier response; the answer is 304 if it still matches.', schema: { type: 'string' } };

export function openApiDocument(version: string) {
  const description = (name: string) => CANONICAL_SCHEMA.fields.find((f) => f.name === name)?.description ?? '';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Substance Use Atlas API',
      version,
      summary: 'NSDUH estimates (SAMHSA) with their 95% intervals, comparability series and sources.',
      description:
        'Read-only access to every dataset behind the Substance Use Atlas. Responses carry strong ETags and `Cache-Control: public, no-cache`; send `If-None-Match` to get 304 when nothing changed. CORS is open for GET. Errors are JSON and name the bad parameter. The data are U.S. Government works in the public domain: cite SAMHSA.',
      license: { name: 'Public domain (U.S. Government work); cite SAMHSA', url: 'https://www.usa.gov/government-copyright' },
    },
    paths: {
      '/api/datasets': {
        get: {
          operationId: 'listDatasets',
          summary: 'List the datasets and what each covers',
          parameters: [lang, ifNoneMatch],
          responses: {
            '200': { description: 'The catalog.', headers: cacheHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/Catalog' } } } },
            '304': { description: 'Not modified since the ETag you sent.', headers: cacheHeaders },
            '400': errorResponse('A parameter was given (this endpoint takes none).'),
          },
        },
      },
      '/api/datasets/{id}': {
        get: {
          operationId: 'getObservations',
          summary: 'Observations of one dataset, filtered, as JSON or CSV',
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'Dataset identifier from /api/datasets.', schema: { type: 'string' } },
            list('indicator', 'Indicator identifiers.', { type: 'string', pattern: INDICATOR_PATTERN }),
            list('geography', 'US, a census region, or state postal codes.', { type: 'string', enum: GEOGRAPHIES.map((g) => g.code) }),
            list('age_group', 'Age groups. Write + as %2B in a URL (an unescaped + arrives as a space, which is read as + for these codes).', { type: 'string', enum: [...AGE_GROUPS] }),
            list('period', 'Survey years (2014) or pooled pairs (2018-2019).', { type: 'string', pattern: PERIOD_PATTERN }),
            list('unit', 'Units.', { type: 'string', enum: UNITS.map((u) => u.name) }),
            list('revision', 'Revisions: 0 for figures as first published, 1, 2… for later restatements of the same figure (both are kept). Without it, every revision.', { type: 'integer', minimum: 0, maximum: 999 }),
            { name: 'from', in: 'query', required: false, description: 'Only periods that start in or after this survey year.', schema: { type: 'integer', minimum: 1000, maximum: 9999 } },
            { name: 'to', in: 'query', required: false, description: 'Only periods that end in or before this survey year.', schema: { type: 'integer', minimum: 1000, maximum: 9999 } },
            lang,
            { name: 'format', in: 'query', required: false, description: 'json (default) or csv (the canonical CSV, re-importable with data:check; text that could start a spreadsheet formula is neutralised).', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
            ifNoneMatch,
          ],
          responses: {
            '200': {
              description: 'The matching observations.',
              headers: { ...cacheHeaders, 'Content-Disposition': { description: 'For CSV: attachment with a descriptive file name.', schema: { type: 'string' } } },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Observations' } },
                'text/csv': { schema: { type: 'string', description: `Header: ${CANONICAL_SCHEMA.fields.map((f) => f.name).join(',')}` } },
              },
            },
            '304': { description: 'Not modified since the ETag you sent.', headers: cacheHeaders },
            '400': errorResponse('A parameter is unknown, repeated, empty or malformed; `error.parameter` names it.'),
            '404': errorResponse('No dataset has this identifier (`error.parameter` is "id").'),
            '503': errorResponse('The dataset exists but its file cannot be read right now (`error.code` is "dataset-unavailable"); other datasets are unaffected.'),
          },
        },
      },
      '/api/package': {
        get: {
          operationId: 'getPackage',
          summary: 'The whole data package as a ZIP: datapackage.json, the CSVs and a README',
          parameters: [{ ...lang, description: 'en (default) or es: the README in Spanish. datapackage.json holds both languages either way.' }, ifNoneMatch],
          responses: {
            '200': { description: 'A ZIP archive.', headers: cacheHeaders, content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } } },
            '304': { description: 'Not modified since the ETag you sent.', headers: cacheHeaders },
          },
        },
      },
      '/api/openapi.json': {
        get: { operationId: 'getOpenApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
    },
    components: {
      schemas: {
        Observation: {
          type: 'object',
          description: 'One published estimate. Missing values are null, never 0.',
          required: CANONICAL_SCHEMA.fields.map((f) => f.name),
          properties: {
            indicator: { type: 'string', pattern: INDICATOR_PATTERN, description: description('indicator') },
            period: { type: 'string', pattern: PERIOD_PATTERN, description: description('period') },
            geography: { type: 'string', enum: GEOGRAPHIES.map((g) => g.code), description: description('geography') },
            age_group: { type: 'string', enum: [...AGE_GROUPS], description: description('age_group') },
            unit: { type: 'string', enum: UNITS.map((u) => u.name), description: description('unit') },
            estimate: { type: ['number', 'null'], minimum: 0, description: description('estimate') },
            ci_lower: { type: ['number', 'null'], minimum: 0, description: description('ci_lower') },
            ci_upper: { type: ['number', 'null'], minimum: 0, description: description('ci_upper') },
            interval_type: { type: ['string', 'null'], enum: [...INTERVAL_TYPES, null], description: description('interval_type') },
            series: { type: 'string', enum: SERIES.map((s) => s.name), description: description('series') },
            revision: { type: 'integer', minimum: 0, description: description('revision') },
            qualifiers: { type: 'array', items: { type: 'string', enum: QUALIFIERS.map((q) => q.code) }, description: description('qualifiers') },
            source: { type: 'string', description: description('source') },
            note: { type: 'string', description: description('note') },
          },
        },
        Observations: {
          type: 'object',
          required: ['dataset', 'filter', 'count', 'observations'],
          properties: {
            language: { type: 'string', enum: ['en', 'es'], description: 'Only with ?lang: the language of the titles and definitions.' },
            indicators: {
              type: 'object',
              description: 'Only with ?lang: each measure in the answer, with its title and definition in that language.',
              additionalProperties: { type: 'object', required: ['title', 'definition'], properties: { title: { type: 'string' }, definition: { type: 'string' } } },
            },
            dataset: {
              type: 'object',
              properties: { id: { type: 'string' }, title: { type: 'string' }, lastModified: { type: 'string', format: 'date-time' }, hash: { type: 'string' }, version: { type: 'string' } },
            },
            filter: { type: 'object', description: 'The filter applied, as parsed.' },
            count: { type: 'integer', minimum: 0 },
            observations: { type: 'array', items: { $ref: '#/components/schemas/Observation' } },
          },
        },
        Catalog: {
          type: 'object',
          required: ['version', 'datasets'],
          properties: {
            name: { type: 'string' },
            title: { type: 'string' },
            version: { type: 'string' },
            language: { type: 'string', enum: ['es'], description: 'With ?lang=es: the titles are in Spanish.' },
            datasets: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  title: { type: 'string' },
                  description: { type: 'string' },
                  observations: { type: 'integer' },
                  available: { type: 'boolean', description: 'False when the dataset’s file cannot be read right now; its coverage lists are then empty.' },
                  problem: { type: 'string', description: 'Why the dataset is unavailable (only when available is false).' },
                  lastModified: { type: 'string', format: 'date-time' },
                  hash: { type: 'string' },
                  indicators: { type: 'array', items: { type: 'string' } },
                  periods: { type: 'array', items: { type: 'string' } },
                  geographies: { type: 'array', items: { type: 'string' } },
                  ageGroups: { type: 'array', items: { type: 'string' } },
                  units: { type: 'array', items: { type: 'string' } },
                  series: { type: 'array', items: { type: 'string' }, description: 'Comparability series of its rows (see "comparability" in datapackage.json for which series each measure follows).' },
                  derived: { type: 'integer', description: 'How many of its observations come from a derived re-publication (qualifier derived), not a SAMHSA original.' },
                  url: { type: 'string' },
                  csv: { type: 'string' },
                },
              },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer' },
                code: { type: 'string', enum: ['invalid-parameter', 'not-found', 'dataset-unavailable', 'internal-error'] },
                message: { type: 'string' },
                parameter: { type: 'string', description: 'The parameter that was wrong.' },
              },
            },
          },
        },
      },
    },
  };
}
