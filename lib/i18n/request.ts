import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from './messages';
import './vocabulary-data'; // the Spanish data vocabulary, for server components
import { isLocale, routing } from './routing';

/** next-intl's per-request configuration: the locale from the address ([locale] segment) and its messages. */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return { locale, messages: MESSAGES[locale], timeZone: 'UTC' };
});
