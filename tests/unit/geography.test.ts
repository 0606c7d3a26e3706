import { describe, expect, it } from 'vitest';
import { compareText } from '@/lib/format/compare';
import { compareStatesByName, GEOGRAPHIES, STATES_BY_NAME } from '@/lib/vocabulary/geography';

describe('states in alphabetical order without a collator', () => {
  it('STATES_BY_NAME is every state and DC, in the order Intl.Collator gives their names', () => {
    const states = GEOGRAPHIES.filter((g) => g.level === 'state');
    expect(STATES_BY_NAME).toHaveLength(51);
    const collated = [...states].sort((a, b) => new Intl.Collator().compare(a.name, b.name));
    expect(STATES_BY_NAME.map((g) => g.name)).toEqual(collated.map((g) => g.name));
    expect(STATES_BY_NAME.map((g) => g.name).slice(7, 10)).toEqual(['Delaware', 'District of Columbia', 'Florida']);
  });

  it('compareStatesByName orders codes by their names, as compareText orders the names', () => {
    const codes = ['WV', 'DC', 'NY', 'NC', 'DE', 'WA', 'AK', 'AL'];
    const byName = [...codes].sort(compareStatesByName);
    expect(byName).toEqual(['AL', 'AK', 'DE', 'DC', 'NY', 'NC', 'WA', 'WV']);
    const name = (code: string) => GEOGRAPHIES.find((g) => g.code === code)!.name;
    expect(byName).toEqual([...codes].sort((a, b) => compareText(name(a), name(b))));
    expect(compareStatesByName('CO', 'CO')).toBe(0);
    // A code that is not a state sorts after every state.
    expect(compareStatesByName('US', 'WY')).toBeGreaterThan(0);
  });
});
