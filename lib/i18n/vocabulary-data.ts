/**
 * Registers the Spanish data vocabulary for server code (lib/i18n/request.ts imports this with
 * every request's configuration; the unit tests in their setup). Client components get the same
 * table from the layout (VocabularyRegistrar), so it stays out of the scripts.
 */
import es from '@/data/sources/translations/es/vocabulary.json';
import { registerVocabulary, type VocabularyTable } from './vocabulary-registry';

export const SPANISH_VOCABULARY: VocabularyTable = es;

registerVocabulary('es', SPANISH_VOCABULARY);
