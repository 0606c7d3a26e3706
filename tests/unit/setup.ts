// The unit tests call lib/charts as server code does: with English defaults registered.
import '@/lib/charts/english';
// …and the Spanish data vocabulary, as every request's configuration registers it (lib/i18n/request.ts).
import '@/lib/i18n/vocabulary-data';
