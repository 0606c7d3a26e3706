import 'server-only';
import type { Locale } from './locales';
import enApi from '@/messages/en/api.json';
import enCharts from '@/messages/en/charts.json';
import enCite from '@/messages/en/cite.json';
import enCommon from '@/messages/en/common.json';
import enDashboard from '@/messages/en/dashboard.json';
import enData from '@/messages/en/data.json';
import enFormat from '@/messages/en/format.json';
import enIop from '@/messages/en/iop.json';
import enMethodology from '@/messages/en/methodology.json';
import enReadme from '@/messages/en/readme.json';
import enStates from '@/messages/en/states.json';
import esApi from '@/messages/es/api.json';
import esCharts from '@/messages/es/charts.json';
import esCite from '@/messages/es/cite.json';
import esCommon from '@/messages/es/common.json';
import esDashboard from '@/messages/es/dashboard.json';
import esData from '@/messages/es/data.json';
import esFormat from '@/messages/es/format.json';
import esIop from '@/messages/es/iop.json';
import esMethodology from '@/messages/es/methodology.json';
import esReadme from '@/messages/es/readme.json';
import esStates from '@/messages/es/states.json';

/**
 * Every message of the site, by locale and namespace: one file per namespace in messages/{locale}/.
 * English is the reference (its shape types every t() call, see global.d.ts); the unit test
 * tests/unit/messages.test.ts fails on a key missing from a language or used nowhere.
 */
export const MESSAGES = {
  en: { api: enApi, charts: enCharts, cite: enCite, common: enCommon, dashboard: enDashboard, data: enData, format: enFormat, iop: enIop, methodology: enMethodology, readme: enReadme, states: enStates },
  es: { api: esApi, charts: esCharts, cite: esCite, common: esCommon, dashboard: esDashboard, data: esData, format: esFormat, iop: esIop, methodology: esMethodology, readme: esReadme, states: esStates },
} satisfies Record<Locale, unknown>;

export type Messages = (typeof MESSAGES)['en'];
export type Namespace = keyof Messages;

/**
 * The namespaces client components read (charts, controls, the language switch): only these are
 * sent to the browser, so a page does not carry the IOP explainer's prose in its script.
 */
export const CLIENT_NAMESPACES = ['common', 'format', 'charts', 'dashboard', 'cite'] as const satisfies readonly Namespace[];

export function clientMessages(locale: Locale): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  const all = MESSAGES[locale] as Messages;
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
}
