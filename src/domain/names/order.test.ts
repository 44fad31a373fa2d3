import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from './similarity';

// Issue 9 §2: name parts keep their order. "Mohamed Abdelrahman Ali" is Mohamed, son of
// Abdelrahman, son of Ali; his father is "Abdelrahman Ali …", his son "… Mohamed Abdelrahman".

const sim = nameSimilarity;

describe('a person outranks their father, son and brother', () => {
  // [person as searched or typed, the person's record, relatives' records]
  it.each([
    [
      'Mohamed Abdelrahman',
      'Mohamed Abdelrahman Ali',
      [
        'Abdelrahman Mohamed',
        'Abdelrahman Ali Hassan',
        'Ali Mohamed Abdelrahman',
        'Ahmed Abdelrahman Ali',
        'Abdelrahman Mohamed Abdelrahman',
      ],
    ],
    [
      'Mohamed Abdelrahman Ali',
      'Mohamed Abdelrahman Ali',
      [
        'Abdelrahman Ali Hassan',
        'Omar Mohamed Abdelrahman',
        'Ahmed Abdelrahman Ali',
        'Ali Mohamed Abdelrahman',
      ],
    ],
    [
      'محمد عبد الرحمن',
      'محمد عبدالرحمن علي',
      ['عبد الرحمن محمد', 'عبد الرحمن علي حسن', 'علي محمد عبد الرحمن', 'أحمد عبد الرحمن علي'],
    ],
    [
      'محمد عبد الرحمن',
      'Mohamed Abdelrahman Ali',
      ['Abdelrahman Mohamed', 'Abdelrahman Ali Hassan', 'Ali Mohamed Abdelrahman', 'Ahmed Abdelrahman Ali'],
    ],
    [
      'Yusuf Ibrahim',
      'Youssef Ibrahim Adam',
      ['Ibrahim Youssef', 'Ibrahim Adam Osman', 'Omar Youssef Ibrahim', 'Khalid Ibrahim Adam'],
    ],
    [
      'Tesfay Haile',
      'Tesfaye Haile Gebremedhin',
      ['Haile Tesfaye', 'Haile Gebremedhin Tekle', 'Yohannes Tesfaye Haile', 'Mehret Haile Gebremedhin'],
    ],
    [
      'Fatouma Issa',
      'Fatima Issa Moussa',
      ['Issa Fatima', 'Issa Moussa Adam', 'Aisha Fatima Issa', 'Mariam Issa Moussa'],
    ],
  ])('%s → %s', (query, person, relatives) => {
    const own = sim(query, person);
    expect(own).toBeGreaterThanOrEqual(0.95);
    for (const r of relatives) expect(sim(query, r), r).toBeLessThan(own - 0.03);
  });

  it('scores the same names at other positions clearly lower', () => {
    const person = 'Mohamed Abdelrahman Ali';
    expect(sim(person, 'Abdelrahman Ali Hassan')).toBeLessThan(0.8); // father
    expect(sim(person, 'Omar Mohamed Abdelrahman')).toBeLessThan(0.8); // son
    expect(sim(person, 'Ahmed Abdelrahman Ali')).toBeLessThan(0.8); // brother
    expect(sim('Mohamed Abdelrahman', 'Abdelrahman Ali Hassan')).toBeLessThan(0.6); // father
    expect(sim('Mohamed Abdelrahman', 'Ahmed Abdelrahman Ali')).toBeLessThan(0.7); // brother
  });
});

describe('a shorter name matches the start of a chain', () => {
  it.each([
    ['Mohamed Abdelrahman', 'Mohamed Abdelrahman Ali'],
    ['Mohamed Abdelrahman', 'Mohammed Abd al-Rahman Ali Hassan'],
    ['محمد عبد الرحمن', 'Muhammad Abdelrahman Ali'],
    ['Tesfaye Haile', 'ተስፋዬ ሃይሌ ገብረመድህን'],
    ['Youssef El-Amin', 'Yusuf Alamin Osman'],
  ])('%s ⊂ %s', (short, long) => {
    expect(sim(short, long)).toBeGreaterThan(0.9);
    expect(sim(short, long)).toBeLessThan(1);
  });

  it('ranks a prefix above an omitted middle name, and both above shifted names', () => {
    const prefix = sim('Mohamed Ahmed', 'Mohamed Ahmed Hassan');
    const gap = sim('Mohamed Hassan', 'Mohamed Ahmed Hassan');
    const shifted = sim('Ahmed Hassan', 'Mohamed Ahmed Hassan');
    expect(prefix).toBeGreaterThan(gap);
    expect(gap).toBeGreaterThan(0.85);
    expect(shifted).toBeLessThan(gap); // "Ahmed Hassan" is Mohamed's father, or his record swapped
  });
});

describe('a one-part name', () => {
  it('finds any part of a longer name, the given name first', () => {
    const given = sim('Diallo', 'Diallo Amadou Oumar Ba');
    const last = sim('Diallo', 'Amadou Oumar Ba Diallo');
    expect(last).toBeGreaterThanOrEqual(0.5); // the search's cut-off: a family name alone still finds
    expect(given).toBeGreaterThan(last);
    expect(sim('Tesfay', 'Yohannes Tesfay')).toBeGreaterThan(0.7);
  });
});

describe('given and family names swapped', () => {
  it.each([
    ['Amadou Diallo', 'Diallo Amadou'],
    ['Oluwaseun Adeyemi', 'Adeyemi Oluwaseun'],
    ['Mohamed Abdelrahman Ali', 'Abdelrahman Ali Mohamed'],
    ['Amadou Oumar Diallo', 'Diallo Amadou Oumar'],
    ['محمد عبد الرحمن', 'Abdelrahman Mohamed'],
    ['Ousmane Traoré', 'Traore Usman'],
  ])('%s ↔ %s: high, below the exact order', (a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(0.9);
    expect(sim(a, b)).toBeLessThan(sim(a, a));
    expect(sim(a, b)).toBeLessThan(0.95);
  });
});

describe('spellings, scripts and particles keep the order', () => {
  it.each([
    ['Muhamad Abd al-Rahman Ali', 'محمد عبدالرحمن علي'],
    ['Mohammed Abdelrahman', 'محمد عبد الرحمن'],
    ['Mohamed Ould Ahmed', 'Mohamed Ahmed'],
    ['Mohamed bin Ahmed Hassan', 'محمد بن أحمد حسن'],
    ['Youssef El-Amin', 'Yusuf Alamin'],
    ['Salah Eldin Osman', 'Salaheddine Othman'],
    ['Md. Shafiqul Islam', 'Mohammad Shafiqul Islam'],
    ['ተስፋዬ ሃይሌ', 'Tesfay Haile'],
  ])('%s = %s', (a, b) => expect(sim(a, b)).toBe(1));

  it('tells the order apart in Arabic script as in Latin', () => {
    expect(sim('محمد عبد الرحمن', 'عبد الرحمن محمد')).toBeLessThan(1);
    expect(sim('محمد عبد الرحمن', 'عبد الرحمن محمد')).toBe(sim('Mohamed Abdelrahman', 'Abdelrahman Mohamed'));
  });
});

// Properties over clearly different names, each in Latin or Arabic script.
const NAMES: [string, string][] = [
  ['Mohamed', 'محمد'],
  ['Abdelrahman', 'عبد الرحمن'],
  ['Ali', 'علي'],
  ['Hassan', 'حسن'],
  ['Omar', 'عمر'],
  ['Ibrahim', 'إبراهيم'],
  ['Youssef', 'يوسف'],
  ['Khalid', 'خالد'],
  ['Adam', 'آدم'],
  ['Osman', 'عثمان'],
  ['Idriss', 'إدريس'],
  ['Fatima', 'فاطمة'],
  ['Tesfaye', 'ተስፋዬ'],
  ['Diallo', 'ديالو'],
  ['Bishara', 'بشارة'],
  ['Nour', 'نور'],
];
const chain = (min: number, max: number) =>
  fc
    .shuffledSubarray(NAMES, { minLength: min, maxLength: max })
    .chain((ns) => fc.tuple(...ns.map((n) => fc.constantFrom(...n))));
const text = (parts: readonly string[]) => parts.join(' ');
const rotations = (parts: readonly string[]) =>
  parts.map((_, r) => [...parts.slice(r), ...parts.slice(0, r)]);

describe('nameSimilarity order properties', () => {
  it('scores an exact match 1, and nothing else above it', () => {
    fc.assert(
      fc.property(chain(1, 5), chain(1, 5), (a, b) => {
        expect(sim(text(a), text(a))).toBe(1);
        expect(sim(text(a), text(b))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never scores higher after two parts change places', () => {
    fc.assert(
      fc.property(chain(2, 5), fc.nat(), fc.nat(), fc.nat({ max: 2 }), (parts, x, y, extra) => {
        const q = parts.slice(0, Math.max(2, parts.length - extra));
        const i = x % parts.length;
        const j = y % parts.length;
        const swapped = [...parts];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(sim(text(q), text(swapped))).toBeLessThanOrEqual(sim(text(q), text(parts)));
        if (i !== j && Math.min(i, j) < q.length)
          expect(sim(text(q), text(swapped))).toBeLessThan(sim(text(q), text(parts)));
      }),
    );
  });

  it('scores a prefix of a chain above the same names shifted by a relative', () => {
    fc.assert(
      fc.property(chain(2, 5), (parts) => {
        const [x, ...q] = parts;
        const prefix = sim(text(q), text([...q, x!]));
        if (q.length > 1) expect(prefix).toBeGreaterThan(0.9);
        expect(sim(text(q), text([x!, ...q]))).toBeLessThan(prefix);
      }),
    );
  });

  it('scores a rotated order (fields swapped) high, below the exact order, above other orders', () => {
    fc.assert(
      fc.property(chain(2, 4), (parts) => {
        for (const rotated of rotations(parts).slice(1)) {
          const s = sim(text(parts), text(rotated));
          expect(s).toBeGreaterThanOrEqual(0.9);
          expect(s).toBeLessThan(1);
        }
        if (parts.length >= 3) {
          const [a, b, c, ...rest] = parts;
          expect(sim(text(parts), text([b!, a!, c!, ...rest]))).toBeLessThan(0.9); // not a rotation
        }
      }),
    );
  });
});
