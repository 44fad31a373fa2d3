// Name tokens and phonetic keys for search and duplicate detection (issue 4); similarity.ts
// compares names over these tokens.
//
// A name becomes a list of tokens. Each token has a canonical text (from the lexicon when the
// name is known, else its normalised spelling or, for Arabic, its transliteration), a "shape"
// (spelling with consonant swaps unified and vowels reduced to a/e/i/u) and a "key" (the shape
// without vowels: a consonant skeleton). Keys are coarse on purpose — Mohamed and Mahmoud share
// "mhmd" — because they serve candidate retrieval; similarity.ts also weighs shapes and the lexicon.

import { DIVINE_NAMES, LEXICON, lookupArabic, lookupLatin } from './lexicon';
import { normaliseArabic, normaliseLatin, SCRIPT_RUNS, scriptOf, transliterateArabic } from './normalise';
import { transliterateBengali, transliterateEthiopic } from './scripts';

/**
 * A Latin token → its shape: one letter per sound class (kh→k, ph→f, dh→z, th→s, sh/ch→x, dj→j,
 * q/c→k, c before e/i→s), vowels reduced to a/e/i/u (o→u, medial y→i, medial w→u, ou/oo→u,
 * ee→i, ei/ey/ay→ai), French silent final e and a final h after a vowel dropped, doubles collapsed.
 */
export function spell(token: string): string {
  const s = token
    .replace(/[^a-z]/g, '')
    .replace(/x/g, 'ks')
    .replace(/t?sch|tch/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'z')
    .replace(/th/g, 's') // Othman / Osman: ث is heard as s or t, and spelled th, s or t
    .replace(/[sc]h/g, 'x')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/ou|oo|uu/g, 'u')
    .replace(/ee|ii/g, 'i')
    .replace(/[ae][iy](?![aeiou])/g, 'ai')
    .replace(/([aiou][bdfgjklmnrstxz])e$/, '$1') // Ousmane, Souleymane, Lamine
    .replace(/([aeiouy])h$/, '$1') // Fatimah, Abdallah
    .replace(/^y(?=[aeiou])/, 'Y') // consonantal y and w at the start stay consonants
    .replace(/^w(?=[aeiou])/, 'W')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    .replace(/o/g, 'u')
    .replace(/^Y/, 'y')
    .replace(/^W/, 'w');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * A shape without its vowels, except that an initial vowel of any quality is kept as "a": it tells
 * Ahmed ("ahmd") from Hamid ("hmd") and gives short names (Ali "al", Aisha "ax") a searchable
 * key. All-vowel names (Aya, Awa) keep their shape, so no key is empty.
 */
function skeleton(shape: string): string {
  const first = shape.slice(0, 1);
  const consonants = shape.slice(1).replace(/[aeiu]/g, '');
  if (!/[aeiu]/.test(first)) return first + consonants;
  return consonants ? `a${consonants}` : shape;
}

/** Any script → Latin letters ready for spell(). */
function romanise(s: string): string {
  let out = '';
  for (const run of s.match(SCRIPT_RUNS) ?? []) {
    const script = scriptOf(run);
    if (script === 'arabic') out += ` ${transliterateArabic(run)} `;
    else if (script === 'ethiopic') out += ` ${transliterateEthiopic(run)} `;
    else if (script === 'bengali') out += ` ${transliterateBengali(run)} `;
    else out += run;
  }
  return normaliseLatin(out);
}

/**
 * The consonant skeleton of one token, by rule only (no lexicon): tolerant to vowels, doubled
 * letters and the usual consonant swaps. "Mohammed", "Muhamad" and محمد → "mhmd"; "Youssef",
 * "Yusuf", "Youcef" → "ysf"; "Othman", "Ousmane", "Usman" → "asmn" (initial vowels become "a"). Letters of other scripts pass through.
 */
export function phoneticKey(token: string): string {
  const latin = romanise(token).replace(/[^\p{L}]/gu, '');
  const shape = spell(latin);
  return shape ? skeleton(shape) : latin;
}

// Shapes of the lexicon's spellings find unlisted variants ("mouhamad" has the shape of
// "muhamad"); a shape claimed by two names is left out rather than guessed.
const BY_SHAPE = new Map<string, string | null>();
for (const e of LEXICON)
  for (const v of [e.canonical, ...e.latin]) {
    const s = spell(v);
    const had = BY_SHAPE.get(s);
    BY_SHAPE.set(s, had === undefined || had === e.canonical ? e.canonical : null);
  }

function canonicalLatin(w: string): string | undefined {
  return lookupLatin(w) ?? BY_SHAPE.get(spell(w)) ?? undefined;
}

/** Shared between names (memoised per word): never changed once made. */
export interface Token {
  /** canonical text: lexicon name, normalised Latin spelling or Arabic transliteration */
  readonly text: string;
  /** spelling shape, or null for a transliterated Arabic word (its short vowels are unknown) */
  readonly shape: string | null;
  readonly key: string;
  /** the text is a lexicon name */
  readonly known: boolean;
}

function latinToken(w: string): Token {
  const c = canonicalLatin(w);
  const text = c ?? w;
  const shape = spell(text) || text; // letters of other scripts are compared as they are
  return { text, shape, key: skeleton(shape), known: c !== undefined };
}

function arabicToken(w: string): Token {
  const c = w === 'الله' ? 'allah' : lookupArabic(w);
  if (c) return latinToken(c);
  const text = transliterateArabic(w).replace(/[^a-z]/g, '');
  return { text, shape: null, key: skeleton(spell(text)) || text, known: false };
}

/** ʿAbd, Abu, and Abdi (which binds only to a divine name) join the next name into one token. */
type Kind = 'name' | 'abd' | 'abu' | 'abdi';
interface Item {
  kind: Kind;
  word: string;
  arabic: boolean;
}

const ARTICLES = new Set(
  'al el ul il ol l ad ed ar er as es at et an en az ez ash ech esh ud ur us'.split(' '),
);
/** "son/daughter of" (Ould Ahmed, bin Laden, ag Ghaly): not a name. */
const PATRONYMICS = new Set('bin ben ibn bint binti ould wld oulad walad wad ag mint'.split(' '));
const ABD = new Set(
  'abd abdel abdul abdal abdoul abdu abde abdur abdus abdil abdol abder abdar abdes'.split(' '),
);
const ABU = new Set('abu abou abo bou'.split(' '));
const AR_PATRONYMICS = new Set(['بن', 'ابن', 'بنت', 'ولد', 'ود']);
/** Words that start with ال but are not the article. */
const AR_NOT_ARTICLE = new Set(['الياس', 'الهام', 'الله']);
const ABD_CONNECTORS = ['oul', 'oel', 'ul', 'el', 'al', 'il', 'ol', 'ou', 'u', 'e', 'a', 'i', 'o', ''];
const DIN_SUFFIX = /^(.{3,}?)(?:uddin|uddeen|uddine|eddine|eddin|eldin|aldin|iddin|addin)$/;

/** "abdelrahman" → "rahman", "abdurrahman" → "rahman", "abdikarim" → "karim". */
function splitAbd(w: string): string | undefined {
  if (!w.startsWith('abd') || w.length < 6) return undefined;
  const rest = w.slice(3);
  let fallback: string | undefined;
  for (const c of ABD_CONNECTORS) {
    if (!rest.startsWith(c)) continue;
    const r = rest.slice(c.length); // "rrahman" of Abdurrahman: spell() collapses the double
    if (r.length < 3) continue;
    if (canonicalLatin(r)) return r;
    fallback ??= r;
  }
  return fallback;
}

/**
 * "eltayeb" → "tayeb", "alamin" → "amin", "assadiq" → "sadiq". Al/el before four or more letters
 * is taken as the article (a European "Albert" splits the same way on both records, harmlessly);
 * shorter rests and assimilated forms split only when the rest is a known name (Alia, Essam stay).
 */
function splitArticle(w: string): string | undefined {
  const long = /^[ae]l(.{4,})$/.exec(w)?.[1];
  if (long) return long;
  const rest = /^[aeiu]l(.{3,})$/.exec(w)?.[1] ?? /^[aeu]([tdrszn])\1(.{2,})$/.exec(w)?.slice(1).join('');
  return rest && canonicalLatin(rest) ? rest : undefined;
}

function pushLatin(items: Item[], w: string, dropped: string[]): void {
  const name = (word: string) => items.push({ kind: 'name', word, arabic: false });
  if (ARTICLES.has(w) || PATRONYMICS.has(w)) dropped.push(w);
  else if (ABD.has(w)) items.push({ kind: 'abd', word: w, arabic: false });
  else if (w === 'abdi') items.push({ kind: 'abdi', word: w, arabic: false });
  else if (ABU.has(w)) items.push({ kind: 'abu', word: w, arabic: false });
  else if (canonicalLatin(w)) name(w);
  else {
    const abd = splitAbd(w);
    const abu = /^(?:abou|abu)(.{3,})$/.exec(w)?.[1];
    const din = DIN_SUFFIX.exec(w)?.[1];
    const art = splitArticle(w);
    if (abd) {
      items.push({ kind: 'abd', word: 'abd', arabic: false });
      name(abd);
    } else if (abu) {
      items.push({ kind: 'abu', word: 'abu', arabic: false });
      name(abu);
    } else if (din) {
      pushLatin(items, din, dropped);
      name('din');
    } else name(art ?? w);
  }
}

function pushArabic(items: Item[], w: string, dropped: string[]): void {
  if (w === 'ال' || AR_PATRONYMICS.has(w)) dropped.push(transliterateArabic(w));
  else if (w === 'عبد') items.push({ kind: 'abd', word: w, arabic: true });
  else if (w === 'ابو' || w === 'بو') items.push({ kind: 'abu', word: w, arabic: true });
  else if (w === 'الله' || lookupArabic(w)) items.push({ kind: 'name', word: w, arabic: true });
  else if (w.startsWith('عبد') && w.length > 4) {
    items.push({ kind: 'abd', word: 'عبد', arabic: true });
    pushArabic(items, w.slice(3), dropped);
  } else if (w.startsWith('ابو') && w.length > 4) {
    items.push({ kind: 'abu', word: 'ابو', arabic: true });
    pushArabic(items, w.slice(3), dropped);
  } else if (w.startsWith('ال') && w.length >= 4 && !AR_NOT_ARTICLE.has(w))
    pushArabic(items, w.slice(2), dropped);
  else items.push({ kind: 'name', word: w, arabic: true });
}

/** Name words repeat across a mission (thousands of Mohamed, Ahmed, Fatima): tokens memoised per word. */
const words = new Map<string, Token>();
const resolve = (it: Item): Token => {
  const k = `${it.arabic ? 'a' : 'l'}${it.word}`;
  let t = words.get(k);
  if (!t) {
    t = it.arabic ? arabicToken(it.word) : latinToken(it.word);
    remember(words, k, t, 20_000);
  }
  return t;
};

/** A bounded memo: past `max` entries the oldest goes (no cliff where every entry is lost at once). */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V, max: number): void {
  if (memo.size >= max) memo.delete(memo.keys().next().value as K);
  memo.set(key, value);
}

/** "abd" + "rahman" → one token "abdrahman", whichever way it was written. */
function compound(prefix: 'abd' | 'abu', rest: Token): Token {
  const text = prefix + rest.text;
  const c = lookupLatin(text);
  if (c) return latinToken(c);
  const shape = spell(text);
  return { text, shape: rest.shape === null ? null : shape, key: skeleton(shape), known: rest.known };
}

const MAX_INPUT = 300;
export const MAX_TOKENS = 8;
const memo = new Map<string, readonly Token[]>();

/** The tokens of a name, in order (memoised: search compares one text with hundreds of names). */
export function analyse(name: string): readonly Token[] {
  const hit = memo.get(name);
  if (hit) return hit;
  const items: Item[] = [];
  const dropped: string[] = [];
  for (const run of name.slice(0, MAX_INPUT).match(SCRIPT_RUNS) ?? []) {
    const script = scriptOf(run);
    if (script === 'arabic') {
      for (const w of normaliseArabic(run).split(/[^\u0621-\u064A\u0671-\u06D3]+/))
        if (w) pushArabic(items, w, dropped);
      continue;
    }
    const latin =
      script === 'ethiopic'
        ? transliterateEthiopic(run)
        : script === 'bengali'
          ? transliterateBengali(run)
          : run;
    for (const w of normaliseLatin(latin)
      .replace(/'/g, '')
      .split(/[^\p{L}]+/u))
      if (w) pushLatin(items, w, dropped);
  }
  const tokens: Token[] = [];
  for (let i = 0; i < items.length && tokens.length < MAX_TOKENS; i++) {
    const it = items[i]!;
    const next = items[i + 1];
    if (it.kind === 'name') tokens.push(resolve(it));
    else if (next?.kind === 'name') {
      const rest = resolve(next);
      if (it.kind === 'abdi' && !DIVINE_NAMES.has(rest.text)) {
        tokens.push(latinToken('abdi')); // Somali "Abdi Hassan": Abdi, son of Hassan
        continue;
      }
      tokens.push(compound(it.kind === 'abu' ? 'abu' : 'abd', rest));
      i++;
    } else tokens.push(latinToken(it.kind === 'abdi' ? 'abdi' : it.kind)); // a dangling particle
  }
  // a name made only of particles ("Al", "Ben") is still that name
  if (tokens.length === 0) for (const w of dropped.slice(0, MAX_TOKENS)) if (w) tokens.push(latinToken(w));
  const out = tokens.filter((t) => t.text !== '');
  remember(memo, name, out, 20_000);
  return out;
}

/**
 * Canonical tokens of a name in any script: particles handled ("Abd al-Rahman", "Abdel Rahman",
 * "Abdelrahman", "Abdirahman", عبد الرحمن → "abdrahman"; "El-Amin", "Alamin", الأمين → "amin";
 * bin/ben/ibn/ould/wld dropped; "Md" → "muhammad"), known names in their lexicon form.
 */
export function nameTokens(name: string): string[] {
  return analyse(name).map((t) => t.text);
}

/**
 * A string for PostgreSQL pg_trgm: the tokens' phonetic keys, de-duplicated and sorted so that
 * the order of name parts does not matter. "Mohammed Abdelrahman" and محمد عبد الرحمن both give
 * "abdrhmn mhmd". Coarse by design (retrieval); rank the candidates with nameSimilarity (similarity.ts).
 */
export function searchKey(fullName: string): string {
  return [...new Set(analyse(fullName).map((t) => t.key))].sort().join(' ');
}
