/**
 * The canonical CSV's columns in a language: title ("Estimate", "Estimación") and description, for
 * the data page's schema table and the package README. Spanish from
 * data/sources/translations/es/columns.json. Server-side, to keep it out of the dashboard's script.
 */
import 'server-only';
import es from '@/data/sources/translations/es/columns.json';
import { CANONICAL_SCHEMA } from '../vocabulary/schema';
import type { Locale } from './locales';
import { entry } from './vocabulary-registry';

const ES = es.fields as Record<string, { title: string; description: string } | undefined>;

export function fieldWords(name: string, locale: Locale): { title: string; description: string } | undefined {
  const f = CANONICAL_SCHEMA.fields.find((x) => x.name === name);
  if (!f) return undefined;
  return (locale === 'es' ? entry(ES, name) : undefined) ?? { title: f.title ?? f.name, description: f.description ?? '' };
}
