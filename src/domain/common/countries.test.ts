import { describe, expect, it } from 'vitest';
import { alpha2Of, countryName, isCountryCode } from './countries';

describe('country names', () => {
  it('names a country in English, Arabic and French from its alpha-3 code', () => {
    expect(countryName('SDN', 'en')).toBe('Sudan');
    expect(countryName('SDN', 'ar')).toBe('السودان');
    expect(countryName('SDN', 'fr')).toBe('Soudan');
    expect(countryName('eri', 'fr')).toBe('Érythrée');
  });

  it('falls back to the code only for what is no country', () => {
    expect(countryName('ZZZ', 'ar')).toBe('ZZZ');
    expect(isCountryCode('ZZZ')).toBe(false);
    expect(isCountryCode('NER')).toBe(true);
    expect(alpha2Of('NER')).toBe('NE');
  });
});
