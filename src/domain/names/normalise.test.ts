import { describe, expect, it } from 'vitest';
import { LEXICON } from './lexicon';
import { normaliseArabic, normaliseLatin, transliterateArabic } from './normalise';
import { transliterateBengali, transliterateEthiopic } from './scripts';

describe('normaliseLatin', () => {
  it.each([
    ['Aïcha', 'aicha'],
    ['  ÇİSSÉ  ', 'cisse'],
    ['Abd al\u2013Rahman', 'abd al-rahman'],
    ['El - Amin', 'el-amin'],
    ['Sa\u2019id', "sa'id"],
    ['Saʿīd', "sa'id"],
    ['N\u2019DIAYE', "n'diaye"],
    ['Øystein Straße', 'oystein strasse'],
    ['Mu\u00ADham\u200Bmad', 'muhammad'],
    ['Hailé\tSelassie', 'haile selassie'],
  ])('%s → %s', (input, expected) => expect(normaliseLatin(input)).toBe(expected));
});

describe('normaliseArabic', () => {
  it.each([
    ['مُحَمَّد', 'محمد'], // harakat and shadda
    ['محـــمد', 'محمد'], // tatweel
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آدم', 'ادم'],
    ['فاطمة', 'فاطمه'],
    ['مصطفى', 'مصطفي'],
    ['عائشة', 'عايشه'],
    ['لؤي', 'لوي'],
    ['علاء', 'علا'],
    ['ﻣﺤﻤﺪ', 'محمد'], // presentation forms
    ['یوسف کریم', 'يوسف كريم'], // Persian yeh and keheh
    ['  عبد   الرحمن ', 'عبد الرحمن'],
  ])('%s → %s', (input, expected) => expect(normaliseArabic(input)).toBe(expected));

  it('is idempotent', () => {
    for (const e of LEXICON) for (const a of e.arabic) expect(normaliseArabic(a)).toBe(a);
  });
});

describe('transliterateArabic', () => {
  it.each([
    ['محمد', 'mhmd'],
    ['عبد الرحمن', 'abd al-rhmn'],
    ['يوسف', 'yusf'],
    ['فاطمة', 'fatma'],
    ['فاطمه', 'fatma'], // ta marbuta written as heh
    ['عثمان', 'athman'],
    ['إبراهيم', 'ibrahim'],
    ['عبد الله', 'abd allah'],
    ['حسين', 'hsin'],
    ['مُحَمَّد', 'mhmd'],
  ])('%s → %s', (input, expected) => expect(transliterateArabic(input)).toBe(expected));

  it('leaves no Arabic letter behind', () => {
    for (const e of LEXICON) for (const a of e.arabic) expect(transliterateArabic(a)).toMatch(/^[a-z -]+$/);
  });
});

describe("Ge'ez and Bengali transliteration", () => {
  it.each([
    ['ተስፋዬ', 'tesfaye'],
    ['ዮሐንስ', 'yohens'],
    ['ኃይሌ', 'hayle'],
    ['ሰላም', 'selam'],
    ['አብርሃም', 'abrham'],
    ['ተስፋዬ፡ሃይሌ', 'tesfaye hayle'],
  ])('Ethiopic %s → %s', (input, expected) => expect(transliterateEthiopic(input)).toBe(expected));

  it.each([
    ['মোহাম্মদ', 'mohammad'],
    ['রহমান', 'rahaman'],
    ['হোসেন', 'hosen'],
    ['আক্তার', 'aktar'],
  ])('Bengali %s → %s', (input, expected) => expect(transliterateBengali(input)).toBe(expected));
});

describe('lexicon', () => {
  it('gives every Latin spelling to one name only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of LEXICON)
      for (const v of e.latin) {
        const had = owner.get(v);
        if (had !== undefined && had !== e.canonical) clashes.push(`${v}: ${had} / ${e.canonical}`);
        owner.set(v, e.canonical);
      }
    expect(clashes).toEqual([]);
  });

  it('lists each canonical form among its own spellings, in lower-case ASCII', () => {
    for (const e of LEXICON) {
      expect(e.latin).toContain(e.canonical);
      for (const v of e.latin) expect(v).toMatch(/^[a-z]+$/);
    }
  });
});
