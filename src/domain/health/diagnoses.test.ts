import { describe, expect, it } from 'vitest';
import {
  DIAGNOSES,
  DIAGNOSIS_GROUP_LABELS,
  DIAGNOSIS_GROUPS,
  type Diagnosis,
  diagnosisByCode,
  diagnosisDefinition,
  diagnosisQuery,
  ICD10_CODE,
  searchDiagnoses,
} from './diagnoses';

const codes = (q: string, limit?: number) => searchDiagnoses(DIAGNOSES, q, limit).map((d) => d.code);
const ARABIC_LETTER = /[\u0621-\u064A]/;

// health-shared.md: the surveillance syndromes count these codes, so the catalogue must offer them.
const SYNDROME_ENTRIES: Record<string, string> = {
  B86: 'Scabies (suspected)',
  'A09.0': 'Acute watery diarrhoea',
  'A00.9': 'Cholera (suspected)',
  'A03.9': 'Bloody diarrhoea (suspected shigellosis)',
  'A06.0': 'Amoebic dysentery',
  'J06.9': 'Acute upper respiratory infection with fever',
  'J11.1': 'Influenza-like illness',
  'J18.9': 'Pneumonia',
  'J20.9': 'Acute bronchitis',
  'A16.9': 'Tuberculosis (suspected)',
  'A15.0': 'Pulmonary tuberculosis (confirmed)',
  'B05.9': 'Fever with rash (suspected measles)',
  R17: 'Acute jaundice syndrome',
  'B15.9': 'Hepatitis A',
  'B17.2': 'Hepatitis E',
  'G03.9': 'Meningitis (suspected)',
  'A39.0': 'Meningococcal meningitis',
  'A80.9': 'Acute flaccid paralysis (suspected poliomyelitis)',
};

describe('the built-in diagnosis catalogue', () => {
  it('holds about two hundred conditions, in every group, in group order', () => {
    expect(DIAGNOSES.length).toBeGreaterThanOrEqual(190);
    for (const g of DIAGNOSIS_GROUPS)
      expect(DIAGNOSES.filter((d) => d.group === g).length).toBeGreaterThan(5);
    const groupOrder = DIAGNOSES.map((d) => DIAGNOSIS_GROUPS.indexOf(d.group));
    expect(groupOrder).toEqual([...groupOrder].sort((a, b) => a - b));
  });
  it('uses each ICD-10 code once, each well formed', () => {
    const all = DIAGNOSES.map((d) => d.code);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((c) => !ICD10_CODE.test(c))).toEqual([]);
    expect(diagnosisByCode.size).toBe(all.length);
    expect(diagnosisByCode.get('B86')?.names.fr).toBe('Gale (suspicion)');
  });
  it('names every entry in English, Arabic and French, each in its own script', () => {
    for (const d of DIAGNOSES) {
      for (const lang of ['en', 'ar', 'fr'] as const) expect(d.names[lang].trim(), d.code).not.toBe('');
      expect(d.names.ar, d.code).toMatch(ARABIC_LETTER);
      expect(d.names.en, d.code).not.toMatch(ARABIC_LETTER);
      expect(d.names.fr, d.code).not.toMatch(ARABIC_LETTER);
      expect(d.terms ?? [], d.code).not.toContain('');
    }
  });
  it('offers every code the surveillance syndromes count, under the agreed names', () => {
    for (const [code, en] of Object.entries(SYNDROME_ENTRIES))
      expect(diagnosisByCode.get(code)?.names.en).toBe(en);
  });
  it('labels every group in every language', () => {
    expect(Object.keys(DIAGNOSIS_GROUP_LABELS).sort()).toEqual([...DIAGNOSIS_GROUPS].sort());
    for (const label of Object.values(DIAGNOSIS_GROUP_LABELS)) {
      expect(label.ar).toMatch(ARABIC_LETTER);
      expect(label.en).not.toBe(label.fr);
    }
  });
});

describe('searchDiagnoses', () => {
  it.each(['B86', 'b86', ' b86 ', 'scab', 'Scabies', 'جرب', 'الجرب', 'جَرَب', 'جـرب', 'gale', 'Gale', 'Gâle'])(
    'finds scabies first for %j',
    (q) => expect(codes(q)[0]).toBe('B86'),
  );
  it('matches a code by its prefix, with or without the dot', () => {
    expect(codes('A09')[0]).toBe('A09.0');
    expect(codes('a090')[0]).toBe('A09.0');
    expect(codes('A09.0')[0]).toBe('A09.0');
    // shorter codes first, then alphabetical
    expect(codes('J0').slice(0, 3)).toEqual(['J00', 'J01.9', 'J02.0']);
  });
  it('puts the exact code before longer codes that start with it', () => {
    const list: Diagnosis[] = [
      { code: 'R17.1', group: 'other', names: { en: 'x', ar: 'س', fr: 'x' } },
      { code: 'R17', group: 'other', names: { en: 'y', ar: 'ص', fr: 'y' } },
    ];
    expect(searchDiagnoses(list, 'r17').map((d) => d.code)).toEqual(['R17', 'R17.1']);
  });
  it('folds Arabic spelling variants: hamza seats, taa marbuta, alef maqsura', () => {
    expect(codes('اسهال مائي')[0]).toBe('A09.0'); // إسهال
    expect(codes('انفلونزا')).toContain('J11.1'); // إنفلونزا
    expect(codes('حمي')).toContain('R50.9'); // حمى
    expect(codes('ريوي')).toContain('J18.9'); // رئوي (hamza seat dropped)
    expect(codes('الصدفيه')[0]).toBe('L40.9'); // الصدفية
  });
  it('folds French case and accents', () => {
    expect(codes('diarrhee aqueuse')[0]).toBe('A09.0');
    expect(codes('ÉPILEPSIE')[0]).toBe('G40.9');
  });
  it('needs every query word, and prefers whole words in the names', () => {
    expect(codes('hepatitis b').slice(0, 2)).toEqual(['B16.9', 'B18.1']);
    const entry = (code: string, en: string, terms?: string[]): Diagnosis => ({
      code,
      group: 'skin',
      names: { en, ar: 'حكة', fr: 'x' },
      ...(terms ? { terms } : {}),
    });
    const list = [
      entry('L01', 'Alpha', ['itch']),
      entry('L02', 'Itching'),
      entry('L03', 'Skin itch'),
      entry('L04', 'Itch'),
    ];
    // a whole name word, first word before later; then the start of a name word; then a term
    expect(searchDiagnoses(list, 'itch').map((d) => d.code)).toEqual(['L04', 'L03', 'L02', 'L01']);
    // among equal matches, names that begin with the query first
    expect(codes('fever').slice(0, 2)).toEqual(['B05.9', 'R50.9']);
    expect(codes('حمى')[0]).toBe('B05.9');
  });
  it('finds search terms in any language', () => {
    expect(codes('tramadol')[0]).toBe('F11.2');
    expect(codes('حكة')).toContain('B86');
    expect(codes('viol')[0]).toBe('T74.2');
  });
  it('falls back to a substring inside a word', () => {
    expect(codes('phtiri')).toEqual(['B85.3']);
    expect(codes('ermatit')).toContain('L30.9');
  });
  it('returns nothing for a nonsense string', () => {
    expect(codes('zzqxw')).toEqual([]);
    expect(codes('Z99.9')).toEqual([]);
  });
  it('honours the limit', () => {
    expect(codes('a', 5)).toHaveLength(5);
    expect(codes('pain', 1)).toHaveLength(1);
    expect(codes('', 0)).toEqual([]);
  });
  it('lists the catalogue in group order for an empty query', () => {
    expect(codes('')).toEqual(DIAGNOSES.slice(0, 20).map((d) => d.code));
    const mixed: Diagnosis[] = [
      { code: 'Z00.0', group: 'other', names: { en: 'Check', ar: 'فحص', fr: 'Bilan' } },
      { code: 'B86', group: 'skin', names: { en: 'Scabies', ar: 'جرب', fr: 'Gale' } },
    ];
    expect(searchDiagnoses(mixed, '  ').map((d) => d.code)).toEqual(['B86', 'Z00.0']);
  });
  it("searches a mission's own list, its additions included", () => {
    const own: Diagnosis = {
      code: 'B87.9',
      group: 'skin',
      names: { en: 'Myiasis', ar: 'النغف', fr: 'Myiase' },
      terms: ['maggots'],
    };
    const list = [...DIAGNOSES, own];
    expect(searchDiagnoses(list, 'maggot').map((d) => d.code)).toEqual(['B87.9']);
    expect(searchDiagnoses(list, 'نغف')[0]?.code).toBe('B87.9');
    expect(codes('maggot')).toEqual([]);
  });
});

describe('diagnosis schemas', () => {
  const names = { en: 'Myiasis', ar: 'النغف', fr: 'Myiase' };
  it('accepts an ICD-10 code, upper-casing it', () => {
    expect(diagnosisDefinition.parse({ code: ' b87.9 ', group: 'skin', names }).code).toBe('B87.9');
    expect(diagnosisDefinition.parse({ code: 'X84', group: 'injury', names }).code).toBe('X84');
  });
  it.each(['B8', 'B870', 'B87.', 'B87.123', '887', 'B87-9'])(
    'rejects %j with a message on the code',
    (code) => {
      const r = diagnosisDefinition.safeParse({ code, group: 'skin', names });
      expect(r.success).toBe(false);
      expect(r.error?.issues).toEqual([
        expect.objectContaining({ path: ['code'], message: 'Use an ICD-10 code, e.g. B86 or A09.0' }),
      ]);
    },
  );
  it('needs the names in every language and a known group', () => {
    const r = diagnosisDefinition.safeParse({ code: 'B87', group: 'skin', names: { en: 'Myiasis', ar: '' } });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['names.ar', 'names.fr']);
    expect(diagnosisDefinition.safeParse({ code: 'B87', group: 'eyes', names }).success).toBe(false);
  });
  it('bounds the query: q up to 100 characters, limit 1–50 defaulting to 20', () => {
    expect(diagnosisQuery.parse({})).toEqual({ q: '', limit: 20 });
    expect(diagnosisQuery.parse({ q: 'gale', limit: '5', group: 'skin' })).toEqual({
      q: 'gale',
      limit: 5,
      group: 'skin',
    });
    expect(diagnosisQuery.safeParse({ q: 'x'.repeat(101) }).success).toBe(false);
    expect(diagnosisQuery.safeParse({ limit: '51' }).success).toBe(false);
    expect(diagnosisQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
