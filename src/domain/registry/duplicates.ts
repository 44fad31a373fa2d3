// Duplicate scoring at registration (issue 4): how likely is it that `candidate`, an existing
// record, is the person being registered? Pure, so the server ranks with it and tests pin it down.
// The names weigh most; birth year, sex and nationality mostly veto (a contradiction multiplies
// the score down), because the same person's name is spelled many ways but their sex is not.
//
// Reason codes (stable; the web app translates them; numbers use a dot and two decimals):
//   name:latin:<s>            best name match was Latin ↔ Latin, similarity s (0..1)
//   name:original:<s>         … original script ↔ original script (e.g. Arabic ↔ Arabic)
//   name:cross:<s>            … original script ↔ Latin, through transliteration
//   name:none                 no name to compare on one side
//   birth-date:same           same full birth date, neither estimated
//   birth-year:same           same birth year (" (estimated)" appended when either is estimated)
//   birth-year:±<d> (estimated)   years differ by d ≤ 2 and either date is estimated
//   birth-year:off-by-<d>     years differ beyond tolerance: strong penalty
//   birth-year:unknown        a birth date is missing on one side
//   sex:same | sex:different (strong penalty) | sex:unknown
//   nationality:same | nationality:different (penalty) | nationality:unknown
//   family-link               the two records share a relative (bonus)
//   family-link:relative      one record lists the other as a relative: strong penalty

import { remember } from '../names/keys';
import { nameSimilarity, wholeParts } from '../names/similarity';

export type DuplicateSex = 'female' | 'male' | 'other' | 'unknown';

/** The fields of a person that the duplicate check reads (DESIGN §7 person shape). */
export interface DuplicateSubject {
  /** the record's id, if saved: someone who lists it as a relative is not the same person */
  id?: string;
  givenName: string;
  familyName: string;
  fullNameOriginal?: string | null;
  sex: DuplicateSex;
  /** ISO date YYYY-MM-DD (only the year matters unless both are exact) */
  birthDate?: string | null;
  birthDateEstimated: boolean;
  /** ISO 3166-1 alpha-3; "", "XXX" and "UNK" mean unknown */
  nationality: string;
  /** ids of relatives */
  familyLinks?: readonly string[];
}

export interface CandidateScore {
  /** 0..1, higher is more likely the same person */
  score: number;
  reasons: string[];
}

/**
 * Suggested cut-offs for the duplicate panel, from the tests' variant table: true matches score
 * ≥ 0.89 (a swapped given/family order included); a differing family name gives about 0.8–0.9, a
 * differing given name about 0.7 (a brother), the same names shifted under 0.8 (father, son);
 * a sex or age contradiction stays under 0.5;
 * a nationality contradiction alone about 0.65 (often a misdeclared nationality, so still shown).
 */
export const DUPLICATE_THRESHOLDS = { likely: 0.88, possible: 0.6 } as const;

/** Years either side accepted when either birth date is an estimate. */
export const ESTIMATE_TOLERANCE_YEARS = 2;

// Weights of the positive evidence; they sum to 1 so a perfect match scores 1.
const W_NAME = 0.7;
const W_BIRTH = 0.1;
const W_SEX = 0.08;
const W_NATIONALITY = 0.07;
const W_FAMILY = 0.05;
// Multipliers for contradictions.
const SEX_MISMATCH = 0.45;
const BIRTH_NEAR_MISS = 0.65; // just beyond tolerance: a bad estimate is possible
const BIRTH_MISMATCH = 0.5;
const NATIONALITY_MISMATCH = 0.75; // nationality is often declared differently from one centre to the next
const RELATIVES = 0.3; // two people listed as each other's relatives are two people

const UNKNOWN_NATIONALITY = new Set(['', 'XXX', 'UNK']);

const fmt = (x: number) => x.toFixed(2);
type Named = Pick<DuplicateSubject, 'givenName' | 'familyName' | 'fullNameOriginal'>;
const latinName = (p: Named) => `${p.givenName ?? ''} ${p.familyName ?? ''}`.trim();
const originalName = (p: Named) => (p.fullNameOriginal ?? '').trim();

/**
 * Weight of whole name parts in the search ranking (issue 10): a name holding each typed part as
 * one of its parts ranks above one that only shares letters with it ("Abakar" puts "Halima
 * Abakar" above "Abu Touré", whose order-aware similarity is as high).
 */
const W_WHOLE = 0.15;

/** Search similarity of one name: order-aware similarity, blended with the whole parts matched. */
const searchScore = (text: string, name: string) =>
  (1 - W_WHOLE) * nameSimilarity(text, name) + W_WHOLE * wholeParts(text, name);

/**
 * How well text typed in the search box matches a person: the better of their Latin name (given
 * then family, in that order) and their name in the original script. Name order counts (issue 9):
 * "Mohamed Abdelrahman" finds "Mohamed | Abdelrahman Ali" before his son or father; and whole
 * parts count (issue 10): see W_WHOLE.
 */
export function searchSimilarity(text: string, p: Named): number {
  const latin = latinName(p);
  const original = originalName(p);
  return memoised(`s\u0000${text}\u0000${latin}\u0000${original}`, () =>
    Math.max(latin ? searchScore(text, latin) : 0, original ? searchScore(text, original) : 0),
  );
}

// Candidates share names (a mission holds thousands of "Mohamed Ahmed"), so one request scores
// the same pair of names many times: pure results are memoised, the memo bounded.
const MEMO = new Map<string, unknown>();
/** Empties the score memo (a benchmark times a search without the previous one's scores). */
export const forgetScores = () => MEMO.clear();
function memoised<T>(key: string, f: () => T): T {
  if (MEMO.has(key)) return MEMO.get(key) as T;
  const v = f();
  remember(MEMO, key, v, 20_000);
  return v;
}

function year(date: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
}

/** The best of Latin ↔ Latin, original ↔ original and original ↔ Latin (both ways). */
function compareNames(a: DuplicateSubject, b: DuplicateSubject): { score: number; reason: string } {
  const [la, lb, oa, ob] = [latinName(a), latinName(b), originalName(a), originalName(b)];
  return memoised(`c\u0000${la}\u0000${lb}\u0000${oa}\u0000${ob}`, () => bestOfNames(la, lb, oa, ob));
}

function bestOfNames(la: string, lb: string, oa: string, ob: string): { score: number; reason: string } {
  const tries: [string, string, string][] = [
    ['latin', la, lb],
    ['original', oa, ob],
    ['cross', oa, lb],
    ['cross', la, ob],
  ];
  let best = { score: -1, reason: 'name:none' };
  for (const [kind, x, y] of tries) {
    if (!x || !y) continue;
    const s = nameSimilarity(x, y);
    if (s > best.score) best = { score: s, reason: `name:${kind}:${fmt(s)}` };
  }
  return best.score < 0 ? { score: 0, reason: 'name:none' } : best;
}

/** Scores `candidate` (an existing record) against `input` (the person being registered). */
export function scoreCandidate(input: DuplicateSubject, candidate: DuplicateSubject): CandidateScore {
  const reasons: string[] = [];
  let factor = 1;

  const name = compareNames(input, candidate);
  reasons.push(name.reason);

  let birth = 0.5;
  const ya = year(input.birthDate);
  const yb = year(candidate.birthDate);
  if (ya === null || yb === null) reasons.push('birth-year:unknown');
  else {
    const estimated = input.birthDateEstimated || candidate.birthDateEstimated;
    const d = Math.abs(ya - yb);
    const tolerance = estimated ? ESTIMATE_TOLERANCE_YEARS : 0;
    if (d === 0 && !estimated && input.birthDate === candidate.birthDate) {
      birth = 1;
      reasons.push('birth-date:same');
    } else if (d === 0) {
      birth = 0.9;
      reasons.push(estimated ? 'birth-year:same (estimated)' : 'birth-year:same');
    } else if (d <= tolerance) {
      birth = 0.9 - 0.15 * d;
      reasons.push(`birth-year:±${d} (estimated)`);
    } else {
      birth = 0;
      factor *= d <= tolerance + 2 ? BIRTH_NEAR_MISS : BIRTH_MISMATCH;
      reasons.push(`birth-year:off-by-${d}`);
    }
  }

  let sex = 0.5;
  if (input.sex === 'unknown' || candidate.sex === 'unknown') reasons.push('sex:unknown');
  else if (input.sex === candidate.sex) {
    sex = 1;
    reasons.push('sex:same');
  } else {
    sex = 0;
    factor *= SEX_MISMATCH;
    reasons.push('sex:different');
  }

  let nationality = 0.5;
  const na = (input.nationality ?? '').toUpperCase();
  const nb = (candidate.nationality ?? '').toUpperCase();
  if (UNKNOWN_NATIONALITY.has(na) || UNKNOWN_NATIONALITY.has(nb)) reasons.push('nationality:unknown');
  else if (na === nb) {
    nationality = 1;
    reasons.push('nationality:same');
  } else {
    nationality = 0;
    factor *= NATIONALITY_MISMATCH;
    reasons.push('nationality:different');
  }

  // A relative in common (same spouse, same child) points to the same person; being listed as
  // the other's relative points away from it.
  const linksA = input.familyLinks ?? [];
  const linksB = new Set(candidate.familyLinks ?? []);
  const family = linksA.some((id) => linksB.has(id)) ? 1 : 0;
  if (family) reasons.push('family-link');
  if (
    (candidate.id !== undefined && linksA.includes(candidate.id)) ||
    (input.id !== undefined && linksB.has(input.id))
  ) {
    factor *= RELATIVES;
    reasons.push('family-link:relative');
  }

  const evidence =
    W_NAME * name.score + W_BIRTH * birth + W_SEX * sex + W_NATIONALITY * nationality + W_FAMILY * family;
  return { score: Math.min(1, Math.max(0, evidence * factor)), reasons };
}

/** Candidates with their scores, best first (ties keep the candidates' order). */
export function rankCandidates<T extends DuplicateSubject>(
  input: DuplicateSubject,
  candidates: readonly T[],
): { candidate: T; score: number; reasons: string[] }[] {
  return candidates
    .map((candidate) => ({ candidate, ...scoreCandidate(input, candidate) }))
    .sort((x, y) => y.score - x.score);
}
