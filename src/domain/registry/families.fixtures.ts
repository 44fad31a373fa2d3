import type { Subject } from './duplicates.fixtures';

/**
 * Families for the name-order evaluation (issue 9 §2), shared by the domain test and the API
 * test. Names chain the given name with the father's and grandfather's, so a person's father,
 * son and brother carry the same words at other positions. Test data, not used at run time.
 *
 * Each name is [spelling on records, spelling typed in queries, Arabic script]: queries never use
 * the records' spelling, and half of them are in Arabic script.
 */
const NAMES: [string, string, string][] = [
  ['Mohamed', 'Muhammad', 'محمد'],
  ['Abdelrahman', 'Abd al-Rahman', 'عبد الرحمن'],
  ['Ali', 'Aly', 'علي'],
  ['Hassan', 'Hasan', 'حسن'],
  ['Omar', 'Umar', 'عمر'],
  ['Ibrahim', 'Ebrahim', 'إبراهيم'],
  ['Youssef', 'Yusuf', 'يوسف'],
  ['Khalid', 'Khaled', 'خالد'],
  ['Adam', 'Adum', 'آدم'],
  ['Osman', 'Othman', 'عثمان'],
  ['Idriss', 'Idris', 'إدريس'],
  ['Ahmed', 'Ahmad', 'أحمد'],
  ['Mahmoud', 'Mahmud', 'محمود'],
  ['Hussein', 'Husayn', 'حسين'],
  ['Abdallah', 'Abdullah', 'عبد الله'],
  ['Yahya', 'Yahia', 'يحيى'],
  ['Ismail', 'Ismael', 'إسماعيل'],
  ['Suleiman', 'Souleymane', 'سليمان'],
  ['Musa', 'Moussa', 'موسى'],
  ['Salih', 'Saleh', 'صالح'],
  ['Mustafa', 'Moustapha', 'مصطفى'],
  ['Abdelaziz', 'Abd al-Aziz', 'عبد العزيز'],
  ['Abubakar', 'Aboubakar', 'أبو بكر'],
  ['Gamal', 'Jamal', 'جمال'],
  ['Eltayeb', 'Tayeb', 'الطيب'],
  ['Elamin', 'Al-Amin', 'الأمين'],
  ['Nour', 'Nur', 'نور'],
  ['Bashir', 'Bachir', 'بشير'],
  ['Hamid', 'Hamed', 'حامد'],
  ['Yassin', 'Yasin', 'ياسين'],
  ['Said', 'Saeed', 'سعيد'],
  ['Karim', 'Kareem', 'كريم'],
  ['Taher', 'Tahir', 'طاهر'],
  ['Zakaria', 'Zakariya', 'زكريا'],
  ['Anwar', 'Anouar', 'أنور'],
  ['Faisal', 'Faysal', 'فيصل'],
  ['Hamza', 'Hamzah', 'حمزة'],
  ['Bilal', 'Belal', 'بلال'],
  ['Jibril', 'Djibril', 'جبريل'],
  ['Adel', 'Adil', 'عادل'],
  ['Nasser', 'Nasir', 'ناصر'],
  ['Haroun', 'Harun', 'هارون'],
  ['Bakhit', 'Bakheet', 'بخيت'],
  ['Abdelkarim', 'Abdul Karim', 'عبد الكريم'],
  ['Mubarak', 'Moubarak', 'مبارك'],
  ['Bakri', 'Bakry', 'بكري'],
  ['Siddig', 'Siddiq', 'صديق'],
  ['Awad', 'Awadh', 'عوض'],
  ['Hamdan', 'Hamdane', 'حمدان'],
  ['Ayoub', 'Ayyub', 'أيوب'],
  ['Yaqub', 'Yacoub', 'يعقوب'],
  ['Sharif', 'Cherif', 'شريف'],
];

export const FAMILY_COUNT = 44;
const NATIONALITIES = ['SDN', 'TCD', 'EGY', 'LBY'];

/** Deterministic draws (mulberry32), so the families are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Role = 'person' | 'father' | 'son' | 'namesake son' | 'brother';
export interface Member extends Subject {
  family: number;
  role: Role;
}
export interface FamilyQuery {
  family: number;
  label: string;
  /** what a caseworker types in the search box */
  text: string;
  /** the same as a registration form, for the duplicate check */
  subject: Subject;
}

const record = (i: number) => NAMES[i]![0];
const typed = (i: number) => NAMES[i]![1];
const arabic = (i: number) => NAMES[i]![2];

/**
 * Names of each family: person p, son of f, son of g, son of gg; p's son s, p's brother b. Draws
 * are rejected when two records anywhere would start with the same two names, so "the person
 * first" is well posed for two-part queries.
 */
function draw(): number[][] {
  const next = random(9);
  const starts = new Set<string>();
  const families: number[][] = [];
  while (families.length < FAMILY_COUNT) {
    const ids = new Set<number>();
    while (ids.size < 6) ids.add(Math.floor(next() * NAMES.length));
    const [p, f, g, gg, s, b] = [...ids] as [number, number, number, number, number, number];
    const heads = [
      [p, f],
      [f, g],
      [s, p],
      [f, p],
      [b, f],
    ].map(([x, y]) => `${x}/${y}`);
    if (heads.some((h) => starts.has(h))) continue;
    for (const h of heads) starts.add(h);
    families.push([p, f, g, gg, s, b]);
  }
  return families;
}

const DRAWN = draw();

function member(family: number, role: Role, chain: number[], year: number, estimated: boolean): Member {
  const [given, ...rest] = chain;
  return {
    label: `${role} ${family}`,
    family,
    role,
    givenName: record(given!),
    familyName: rest.map(record).join(' '),
    // one family in three was registered without the Arabic spelling
    ...(family % 3 === 2 ? {} : { fullNameOriginal: chain.map(arabic).join(' ') }),
    sex: 'male',
    birthDate: estimated ? `${year}-07-01` : `${year}-03-${String(1 + (family % 28)).padStart(2, '0')}`,
    birthDateEstimated: estimated,
    nationality: NATIONALITIES[family % NATIONALITIES.length]!,
  };
}

const yearOf = (family: number) => 1968 + ((family * 7) % 30);

/** Everyone in the registry: five records per family. */
export const FAMILY_POOL: Member[] = DRAWN.flatMap(([p, f, g, gg, s, b], k) => {
  const y = yearOf(k);
  return [
    member(k, 'person', [p!, f!, g!], y, k % 2 === 0),
    member(k, 'father', [f!, g!, gg!], y - 27, true),
    member(k, 'son', [s!, p!, f!], y + 25, true),
    // the first son is often named after his grandfather
    member(k, 'namesake son', [f!, p!, f!], y + 23, true),
    member(k, 'brother', [b!, f!, g!], y + 3, true),
  ];
});

const typedSubject = (
  label: string,
  k: number,
  given: string,
  family: string,
  original: string,
  born: boolean,
) => ({
  label,
  givenName: given,
  familyName: family,
  ...(original ? { fullNameOriginal: original } : {}),
  sex: 'male' as const,
  ...(born ? { birthDate: `${yearOf(k)}-07-01` } : {}),
  birthDateEstimated: true,
  nationality: NATIONALITIES[k % NATIONALITIES.length]!,
});

function queriesOf(k: number, swapped: boolean): FamilyQuery[] {
  const [p, f, g] = DRAWN[k]! as [number, number, number];
  const q = (label: string, given: number[], family: number[], script: 'latin' | 'arabic', born: boolean) => {
    const names = script === 'latin' ? typed : arabic;
    const text = [...given, ...family].map(names).join(' ');
    const full = `${label} ${k}`;
    const subject =
      script === 'latin'
        ? typedSubject(full, k, given.map(typed).join(' '), family.map(typed).join(' '), '', born)
        : typedSubject(full, k, '', '', text, born);
    return { family: k, label: full, text, subject };
  };
  if (swapped)
    return [
      q('swapped, two parts', [f], [p], 'latin', false),
      q('swapped, three parts', [f, g], [p], 'latin', true),
    ];
  return [
    q('Latin, two parts', [p], [f], 'latin', false),
    q('Latin, two parts, born', [p], [f], 'latin', true),
    q('Latin, three parts, born', [p], [f, g], 'latin', true),
    q('Latin, three parts', [p], [f, g], 'latin', false),
    q('Arabic, two parts', [p], [f], 'arabic', false),
    q('Arabic, three parts, born', [p], [f, g], 'arabic', true),
  ];
}

/** The person as a caseworker would type them: two or three parts, either script, ± birth year. */
export const FAMILY_QUERIES: FamilyQuery[] = DRAWN.flatMap((_, k) => queriesOf(k, false));
/** The person with the given and family fields entered the wrong way round. */
export const SWAPPED_QUERIES: FamilyQuery[] = DRAWN.flatMap((_, k) => queriesOf(k, true));
