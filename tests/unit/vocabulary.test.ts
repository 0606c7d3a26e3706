import { describe, expect, it } from 'vitest';
import { fieldWords } from '@/lib/i18n/columns';
import { ageLabel, placeName, qualifierWords, seriesWords, unitWords } from '@/lib/i18n/vocabulary';

describe('the data vocabulary in Spanish', () => {
  it('names places, ages, series and columns in Spanish, and English by default', () => {
    expect(placeName('NY', 'es')).toBe('Nueva York');
    expect(placeName('NY', 'en')).toBe('New York');
    expect(ageLabel('18-25', 'es')).toBe('De 18 a 25 años');
    expect(seriesWords('DSM-5_2020', 'es')?.title).toBe('2020 (DSM-5, año de la pandemia)');
    expect(fieldWords('estimate', 'es')?.title).toBe('Estimación');
  });

  it('finds only its own entries: a code such as "constructor" or "__proto__" is not a word', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(placeName(code, 'es')).toBe(code);
      expect(ageLabel(code, 'es')).toBe(code);
      expect(seriesWords(code, 'es')).toBeUndefined();
      expect(unitWords(code, 'es')).toBeUndefined();
      expect(qualifierWords(code, 'es')).toBeUndefined();
      expect(fieldWords(code, 'es')).toBeUndefined();
    }
  });
});
