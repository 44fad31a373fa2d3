// Similarity of two names for search ranking and duplicate detection (issues 4 and 9), over the
// tokens of keys.ts: token by token (Jaro–Winkler on keys and shapes, lexicon names kept apart),
// then name parts aligned in order.

import { jaroWinkler } from '@skyra/jaro-winkler';
import { analyse, MAX_TOKENS, type Token } from './keys';

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

/**
 * Share of the parts of `query` that match a whole part of `name` (a spelling variant of it, at
 * VARIANT level or above), in any position: "Abakar" is a whole part of "Halima Abakar", not of
 * "Abu Touré", which only shares letters with it.
 */
export function wholeParts(query: string, name: string): number {
  const qs = analyse(query);
  const ns = analyse(name);
  if (qs.length === 0 || ns.length === 0) return 0;
  let whole = 0;
  for (const q of qs) if (ns.some((n) => tokenSimilarity(q, n) >= VARIANT)) whole++;
  return whole / qs.length;
}
