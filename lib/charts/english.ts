/**
 * English defaults for lib/charts on the server: importing this module registers the English
 * `charts` translator that functions fall back on when no translator is passed (the state pages,
 * the IOP explainer's figures, the unit tests). Never imported by client components.
 */
import { createTranslator } from 'next-intl';
import en from '../../messages/en/charts.json';
import { registerEnglishT, type ChartsT } from './words';

registerEnglishT(createTranslator({ locale: 'en', messages: { charts: en }, namespace: 'charts' }) as unknown as ChartsT);
