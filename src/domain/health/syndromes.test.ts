import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNDROME_MAP, SYNDROME_LABELS, SYNDROMES, type SyndromeMap, syndromesOf } from './syndromes';

describe('syndromes', () => {
  // The catalogue entries health-shared.md requires for each syndrome.
  it.each([
    ['B86', 'scabies'],
    ['A09.0', 'acute_watery_diarrhoea'],
    ['A00.9', 'acute_watery_diarrhoea'],
    ['A03.9', 'bloody_diarrhoea'],
    ['A06.0', 'bloody_diarrhoea'],
    ['J06.9', 'respiratory_infection_fever'],
    ['J11.1', 'respiratory_infection_fever'],
    ['J18.9', 'respiratory_infection_fever'],
    ['J20.9', 'respiratory_infection_fever'],
    ['A16.9', 'tuberculosis'],
    ['A15.0', 'tuberculosis'],
    ['B05.9', 'measles'],
    ['R17', 'acute_jaundice'],
    ['B15.9', 'acute_jaundice'],
    ['B17.2', 'acute_jaundice'],
    ['G03.9', 'meningitis'],
    ['A39.0', 'meningitis'],
    ['A80.9', 'acute_flaccid_paralysis'],
    ['G83.9', 'acute_flaccid_paralysis'],
  ])('%s counts towards %s', (code, syndrome) => {
    expect(syndromesOf(code)).toEqual([syndrome]);
  });

  it.each([
    ['A09.9'], // gastroenteritis unspecified: not acute watery diarrhoea
    ['A06.1'], // chronic amoebiasis: not dysentery
    ['G83.4'], // cauda equina: not acute flaccid paralysis
    ['J45.9'],
    ['Z00.0'],
    [''],
    ['   '],
  ])('%j counts towards no syndrome', (code) => {
    expect(syndromesOf(code)).toEqual([]);
  });

  it('reads codes whatever their case and spacing', () => {
    expect(syndromesOf(' a09.0 ')).toEqual(['acute_watery_diarrhoea']);
    expect(syndromesOf('b86')).toEqual(['scabies']);
  });

  it('takes another map, and a code may count towards two syndromes', () => {
    const map: SyndromeMap = { ...DEFAULT_SYNDROME_MAP, acute_jaundice: ['B15', 'A00'], scabies: [''] };
    expect(syndromesOf('A00.9', map)).toEqual(['acute_watery_diarrhoea', 'acute_jaundice']);
    // An empty prefix would match every code: it matches none.
    expect(syndromesOf('B86', map)).toEqual([]);
  });

  it('names each syndrome in every language, with different words', () => {
    expect(Object.keys(SYNDROME_LABELS)).toEqual([...SYNDROMES]);
    expect(Object.keys(DEFAULT_SYNDROME_MAP)).toEqual([...SYNDROMES]);
    for (const s of SYNDROMES) {
      const { en, ar, fr } = SYNDROME_LABELS[s];
      expect(new Set([en, ar, fr]).size).toBe(3);
      expect(ar).toMatch(/[\u0600-\u06ff]/);
    }
  });
});
