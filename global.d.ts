import type { Locale } from './lib/i18n/locales';
import type { Messages } from './lib/i18n/messages';

// next-intl checks every t('key') against the English messages, and every locale against LOCALES.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
