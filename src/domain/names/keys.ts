// Name tokens, phonetic keys and similarity for search and duplicate detection (issue 4).
//
// A name becomes a list of tokens. Each token has a canonical text (from the lexicon when the
// name is known, else its normalised spelling or, for Arabic, its transliteration), a "shape"
// (spelling with consonant swaps unified and vowels reduced to a/e/i/u) and a "key" (the shape
// without vowels: a consonant skeleton). Keys are coarse on purpose — Mohamed and Mahmoud share
// "mhmd" — because they serve candidate retrieval; similarity also weighs shapes and the lexicon.

import { jaroWinkler } from '@skyra/jaro-winkler';
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

interface Token {
  /** canonical text: lexicon name, normalised Latin spelling or Arabic transliteration */
  text: string;
  /** spelling shape, or null for a transliterated Arabic word (its short vowels are unknown) */
  shape: string | null;
  key: string;
  /** the text is a lexicon name */
  known: boolean;
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

const resolve = (it: Item): Token => (it.arabic ? arabicToken(it.word) : latinToken(it.word));

/** "abd" + "rahman" → one token "abdrahman", whichever way it was written. */
function compound(prefix: 'abd' | 'abu', rest: Token): Token {
  const text = prefix + rest.text;
  const c = lookupLatin(text);
  if (c) return latinToken(c);
  const shape = spell(text);
  return { text, shape: rest.shape === null ? null : shape, key: skeleton(shape), known: rest.known };
}

const MAX_INPUT = 300;
const MAX_TOKENS = 8;
const memo = new Map<string, readonly Token[]>();

function analyse(name: string): readonly Token[] {
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
  if (memo.size >= 2000) memo.clear();
  memo.set(name, out);
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
 * "abdrhmn mhmd". Coarse by design (retrieval); rank the candidates with nameSimilarity.
 */
export function searchKey(fullName: string): string {
  return [...new Set(analyse(fullName).map((t) => t.key))].sort().join(' ');
}

/** Jaro–Winkler, made exactly symmetric by always comparing in the same order. */
function jw(a: string, b: string): number {
  if (a === b) return 1;
  return a < b ? jaroWinkler(a, b) : jaroWinkler(b, a);
}

/** Two different lexicon names (Muhammad / Mahmud, Hasan / Husayn) never look like one name. */
const KNOWN_DIFFERENT_CAP = 0.7;
/** Without short vowels (Arabic), agreeing consonants are weaker evidence. */
const ABJAD_FACTOR = 0.95;

function tokenSimilarity(a: Token, b: Token): number {
  if (a.text === b.text) return 1;
  const k = jw(a.key, b.key);
  let s = a.shape !== null && b.shape !== null ? (k + jw(a.shape, b.shape)) / 2 : k * ABJAD_FACTOR;
  if (a.known && b.known) s = Math.min(s, KNOWN_DIFFERENT_CAP);
  return s;
}

// Position-aware similarity (issue 9 §2). Arabic, Ethiopian and many West African names chain
// the given name with the father's and grandfather's: "Mohamed Abdelrahman Ali" is the son of
// "Abdelrahman Ali …" and the father of "… Mohamed Abdelrahman". The same words at other
// positions are another person of the same family, so parts are matched in order.

/** The given name (first part) weighs as much as two other parts. */
const GIVEN_WEIGHT = 2;
/** Spelling variants of one name score at least this (Arabic-script words without vowels: 0.95). */
const VARIANT = 0.9;
/**
 * Parts below variant level count quadratically (continuous at VARIANT): two different names with
 * a family resemblance (Ahmed / Mohamed, 0.7) are brothers or cousins, not one name misspelled.
 */
const contrast = (s: number) => (s >= VARIANT ? s : (s * s) / VARIANT);
/** A given name matched with a part that is not the other's given name: a relative, most often. */
const GIVEN_ELSEWHERE = 0.5;
/** A single part could be either the given or the family name: a mild preference for the given. */
const SINGLE_ELSEWHERE = 0.98;
/** Weight of a part of the longer name left over after the last match (a shorter chain: prefix). */
const TAIL_WEIGHT = 0.15;
/** … and of one skipped before it (an omitted father's or middle name). */
const GAP_WEIGHT = 0.3;
/**
 * Factor for a rotated order: given and family fields entered the wrong way round ("Diallo
 * Amadou" for "Amadou Diallo", "Abdelrahman Ali Mohamed" for "Mohamed | Abdelrahman Ali"), a
 * common registration error. High enough that a swapped duplicate stays "likely", below any
 * prefix of the exact order.
 */
const SWAPPED = 0.92;

const serialise = (ts: readonly Token[]) => ts.map((t) => `${t.text}/${t.key}/${t.shape ?? ''}`).join(' ');

/**
 * Best in-order alignment of the shorter name's parts (rows, in the order `ri`) onto the longer
 * one's (columns, in the order `ci`): matched parts count their weighted value (`values`, already
 * contrasted); the denominator is the shorter name's weight plus GAP_WEIGHT per skipped column
 * before the last match and TAIL_WEIGHT per column after it. Dynamic programming over (row, last
 * column, gaps), in two scratch buffers: search re-ranks hundreds of candidates per request.
 */
const SIDE = MAX_TOKENS + 1;
let scratchA = new Float64Array(SIDE * SIDE);
let scratchB = new Float64Array(SIDE * SIDE);
function aligned(values: readonly Float64Array[], ri: readonly number[], ci: readonly number[]): number {
  const m = ri.length;
  const n = ci.length;
  const single = m === 1;
  // a one-part name is not a chain: every part of the other counts as an extra, as omitted parts
  const tail = single ? GAP_WEIGHT : TAIL_WEIGHT;
  const total = single ? 1 : m - 1 + GIVEN_WEIGHT;
  // f[j * SIDE + g]: best numerator with columns < j consumed, the last match at column j − 1
  // (or none when j = 0) and g columns skipped before it; -1 when unreachable
  let f = scratchA;
  let next = scratchB;
  f.fill(-1);
  f[0] = 0;
  for (let i = 0; i < m; i++) {
    next.set(f); // row i left unmatched
    const row = values[ri[i]!]!;
    const weight = i === 0 && !single ? GIVEN_WEIGHT : 1;
    for (let j = 0; j < n; j++)
      for (let g = 0; g <= j; g++) {
        const here = f[j * SIDE + g]!;
        if (here < 0) continue;
        for (let k = j; k < n; k++) {
          const place = single
            ? k === 0
              ? 1
              : SINGLE_ELSEWHERE
            : (i === 0) === (k === 0)
              ? 1
              : GIVEN_ELSEWHERE;
          const v = here + weight * row[ci[k]!]! * place;
          const at = (k + 1) * SIDE + g + (k - j);
          if (v > next[at]!) next[at] = v;
        }
      }
    [f, next] = [next, f];
  }
  [scratchA, scratchB] = [f, next];
  let best = 0;
  for (let j = 1; j <= n; j++)
    for (let g = 0; g < j; g++) {
      const num = f[j * SIDE + g]!;
      if (num > 0) best = Math.max(best, num / (total + GAP_WEIGHT * g + tail * (n - j)));
    }
  return best;
}

const rotate = (xs: readonly number[], r: number) => [...xs.slice(r), ...xs.slice(0, r)];

/**
 * Similarity of two names in [0, 1], in any script: name parts are matched in order, the given
 * name counting most (see `aligned`), so a person outranks their father, son or brother; a
 * shorter name matches the start of a longer chain best; a rotated order (given and family
 * fields swapped) scores SWAPPED times its in-order score, counting only variant-level parts.
 * Exactly symmetric; 1 for identical names (same parts in the same order).
 */
export function nameSimilarity(a: string, b: string): number {
  let rows = analyse(a);
  let cols = analyse(b);
  if (rows.length === 0 || cols.length === 0) return 0;
  if (rows.length > cols.length || (rows.length === cols.length && serialise(rows) > serialise(cols)))
    [rows, cols] = [cols, rows];
  const m = rows.length;
  const n = cols.length;
  const inOrder: Float64Array[] = [];
  // in a rotated order only spellings of the same names count: a swap is the same name in
  // another order, where a son ("Ali Mohamed Abdelrahman") rotated looks like his father
  // ("Mohamed Abdelrahman Ali") with one part wrong
  const rotated: Float64Array[] = [];
  let rowMaxSum = 0;
  let rowMaxMax = 0;
  for (const r of rows) {
    const v = new Float64Array(n);
    const w = new Float64Array(n);
    let max = 0;
    for (let j = 0; j < n; j++) {
      const s = tokenSimilarity(r, cols[j]!);
      v[j] = contrast(s);
      w[j] = s >= VARIANT ? s : 0;
      max = Math.max(max, w[j]!);
    }
    inOrder.push(v);
    rotated.push(w);
    rowMaxSum += max;
    rowMaxMax = Math.max(rowMaxMax, max);
  }
  const ri = rows.map((_, i) => i);
  const ci = cols.map((_, j) => j);
  let best = aligned(inOrder, ri, ci);
  // no rotation can do better than every row at its best, the best one as the given name
  const bound =
    SWAPPED * (m === 1 ? rowMaxMax : (rowMaxSum + (GIVEN_WEIGHT - 1) * rowMaxMax) / (m - 1 + GIVEN_WEIGHT));
  if (bound <= best) return Math.min(1, best);
  for (let r = 1; r < m; r++) best = Math.max(best, SWAPPED * aligned(rotated, rotate(ri, r), ci));
  for (let r = 1; r < n; r++) best = Math.max(best, SWAPPED * aligned(rotated, ri, rotate(ci, r)));
  return Math.min(1, Math.max(0, best));
}
