// The demo person factory: fictional, deterministic people drawn from the curated name books.
// Pure (no database), so the demo loader, its test and the registry benchmark share it.

import type { DOCUMENT_TYPES } from '../../../../domain/registry/schemas';
import { NAME_BOOKS, type NameBook } from './demo-names';

/** A small seeded PRNG (mulberry32): the same seed gives the same demo everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
export function weighted<T>(rng: Rng, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, x) => s + x[1], 0);
  let r = rng() * total;
  for (const [x, w] of xs) {
    r -= w;
    if (r < 0) return x;
  }
  return xs[xs.length - 1]![0];
}

/** Names listed most common first: the i-th is chosen with weight 1 / (i + 1)^0.7 (Zipf-like). */
export function common<T>(rng: Rng, xs: readonly T[]): T {
  const total = xs.reduce((sum, _, i) => sum + (i + 1) ** -0.7, 0);
  let r = rng() * total;
  for (const [i, x] of xs.entries()) {
    r -= (i + 1) ** -0.7;
    if (r < 0) return x;
  }
  return xs[xs.length - 1] as T;
}

import { addDays } from '../../../../domain/common/dates';

export { addDays };

/** One name with its Latin spellings (most common first) and its original script, if any. */
export interface NameEntry {
  latin: string[];
  original?: string;
}

export const parseEntries = (s: string): NameEntry[] =>
  s
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const [latin = '', original] = e.split('=');
      return {
        latin: latin.split('/').map((x) => x.trim()),
        ...(original ? { original: original.trim() } : {}),
      };
    });

interface Book extends NameBook {
  maleNames: NameEntry[];
  femaleNames: NameEntry[];
  familyNames: NameEntry[];
  prefixName?: NameEntry;
}

const BOOKS: Book[] = NAME_BOOKS.map((b) => ({
  ...b,
  maleNames: parseEntries(b.male),
  femaleNames: parseEntries(b.female),
  familyNames: parseEntries(b.family),
  ...(b.prefix ? { prefixName: parseEntries(b.prefix)[0] } : {}),
}));
const BY_NATIONALITY = new Map(BOOKS.map((b) => [b.nationality, b]));
export const NATIONALITIES = BOOKS.map((b) => b.nationality);
export const bookOf = (nationality: string): Book => {
  const b = BY_NATIONALITY.get(nationality);
  if (!b) throw new Error(`no demo names for ${nationality}`);
  return b;
};

/** The names a person is known by, as name entries (spellings are chosen when written down). */
export interface PersonName {
  given: NameEntry[];
  family: NameEntry[];
}

export type DemoSex = 'female' | 'male';
type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The person's fields as a caseworker would type them at registration. */
export interface DemoIdentity {
  givenName: string;
  familyName: string;
  fullNameOriginal?: string;
  sex: DemoSex;
  birthDate?: string;
  birthDateEstimated: boolean;
  nationality: string;
  languages: string[];
  documents: { type: DocumentType; number?: string; issuingCountry?: string }[];
  phone?: string;
}

export interface DemoPerson extends DemoIdentity {
  name: PersonName;
  /** age in whole years on the factory's "today" */
  age: number;
}

/**
 * Writes a name down: one Latin spelling per part (the usual one more often than not; `avoid`
 * forces at least one part to differ from it) and, with `script`, the original script when
 * every part has one.
 */
export function spellName(
  rng: Rng,
  name: PersonName,
  script: boolean,
  avoid?: { givenName: string; familyName: string },
): Pick<DemoIdentity, 'givenName' | 'familyName' | 'fullNameOriginal'> {
  // written again elsewhere, any spelling is as likely as the usual one
  const spell = (e: NameEntry) =>
    avoid
      ? pick(rng, e.latin)
      : e.latin.length > 1 && rng() >= 0.55
        ? pick(rng, e.latin.slice(1))
        : (e.latin[0] as string);
  for (let attempt = 0; ; attempt++) {
    const givenName = name.given.map(spell).join(' ');
    const familyName = name.family.map(spell).join(' ');
    const same = avoid && givenName === avoid.givenName && familyName === avoid.familyName;
    if (same && attempt < 20) continue;
    const parts = [...name.given, ...name.family];
    const original =
      script && parts.every((p) => p.original) ? parts.map((p) => p.original).join(' ') : undefined;
    return { givenName, familyName, ...(original ? { fullNameOriginal: original } : {}) };
  }
}

/** A plausible age: mostly young adults, a few older people; children are asked for explicitly. */
function adultAge(rng: Rng, sex: DemoSex): number {
  if (rng() < 0.06) return int(rng, 41, 66);
  const tri = (rng() + rng() + rng()) / 3; // peaks in the mid-twenties
  return sex === 'male' ? 18 + Math.floor(tri * 20) : 18 + Math.floor(tri * 18);
}

const LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => int(rng, 0, 9)).join('');

export interface PersonOptions {
  nationality?: string;
  sex?: DemoSex;
  age?: number;
  /** family name entries given by the family (e.g. children carry their father's names) */
  family?: NameEntry[];
}

/**
 * A deterministic stream of fictional people. `today` anchors ages and birth dates; the same
 * seed and day give the same people.
 */
export function personFactory(seed: number, today: string) {
  const rng = mulberry32(seed);
  const year = Number(today.slice(0, 4));
  const nationalityWeights = BOOKS.map((b) => [b.nationality, b.weight] as const);

  function nameFor(book: Book, sex: DemoSex, family?: NameEntry[]): PersonName {
    const pool = sex === 'female' && book.femaleNames.length ? book.femaleNames : book.maleNames;
    const given = [common(rng, pool)];
    if (book.prefixName && sex === 'male' && rng() < (book.prefixShare ?? 0)) given.unshift(book.prefixName);
    const familyParts = family ?? [common(rng, book.familyNames)];
    if (!family && rng() < book.twoPart) {
      const second = common(rng, book.familyNames);
      if (second !== familyParts[0]) familyParts.push(second);
    }
    return { given, family: familyParts };
  }

  function person(o: PersonOptions = {}): DemoPerson {
    const nationality = o.nationality ?? weighted(rng, nationalityWeights);
    const book = bookOf(nationality);
    const sex = o.sex ?? (rng() < book.women ? 'female' : 'male');
    const age = o.age ?? adultAge(rng, sex);
    const name = nameFor(book, sex, o.family);
    const documents: DemoIdentity['documents'] = [];
    if (age >= 16 && rng() < book.passport)
      documents.push({
        type: 'passport',
        number: `${pick(rng, LETTERS)}${pick(rng, LETTERS)}${digits(rng, 7)}`,
        issuingCountry: nationality,
      });
    if (age >= 16 && rng() < book.nationalId * (documents.length ? 0.3 : 1))
      documents.push({
        type: 'national_id',
        number: digits(rng, int(rng, 9, 14)),
        issuingCountry: nationality,
      });
    if (age < 5 && rng() < 0.3) documents.push({ type: 'birth_certificate', issuingCountry: nationality });
    // a document or a remembered date gives an exact birth date; otherwise the age is estimated
    const exact = documents.length > 0 ? rng() < 0.9 : rng() < 0.15;
    const unknown = !exact && age >= 18 && rng() < 0.03;
    const birthDate = unknown
      ? undefined
      : exact
        ? addDays(today, -Math.floor(age * 365.25) - int(rng, 1, 364))
        : `${year - age}-07-01`;
    const languages = [...pick(rng, book.languages)];
    if (!languages.includes('ar') && age >= 12 && rng() < 0.15) languages.push('ar');
    let phone: string | undefined;
    if (age >= 16 && rng() < 0.4)
      phone =
        rng() < 0.6
          ? `+218 9${int(rng, 1, 4)} ${digits(rng, 3)} ${digits(rng, 4)}`
          : `+${book.dial} ${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 4)}`;
    return {
      ...spellName(rng, name, rng() < book.script),
      name,
      sex,
      age,
      ...(birthDate ? { birthDate: birthDate > today ? today : birthDate } : {}),
      birthDateEstimated: !exact && !unknown,
      nationality,
      languages,
      documents,
      ...(phone ? { phone } : {}),
    };
  }

  return { rng, person, nameFor: (nationality: string, sex: DemoSex) => nameFor(bookOf(nationality), sex) };
}

export type PersonFactory = ReturnType<typeof personFactory>;

/**
 * The same person as written down again elsewhere: other spellings, maybe without the original
 * script or with it, no documents (lost or taken), and an age estimated afresh.
 */
export function respell(rng: Rng, p: DemoPerson, today: string): DemoIdentity {
  const book = bookOf(p.nationality);
  const script = book.script > 0 && (p.fullNameOriginal ? rng() < 0.5 : true);
  const year = Number(today.slice(0, 4));
  const ageNow = p.age + int(rng, -1, 1);
  return {
    ...spellName(rng, p.name, script, p),
    sex: p.sex,
    birthDate: `${year - ageNow}-07-01`,
    birthDateEstimated: true,
    nationality: p.nationality,
    languages: p.languages,
    documents: [],
  };
}
