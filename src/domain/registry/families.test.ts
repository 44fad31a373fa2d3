import { describe, expect, it } from 'vitest';
import { nameTokens } from '../names/keys';
import { DUPLICATE_THRESHOLDS, type DuplicateSubject, scoreCandidate, searchSimilarity } from './duplicates';
import {
  FAMILY_COUNT,
  FAMILY_POOL,
  FAMILY_QUERIES,
  type FamilyQuery,
  type Member,
  SWAPPED_QUERIES,
} from './families.fixtures';

// Issue 9 §2: among a registry holding each person's father, son, namesake son and brother, the
// person comes first for two- and three-part queries in either script, with or without a birth
// year — in the search box (names only) and in the duplicate check at registration.

type Ranked = { member: Member; score: number }[];
const bySearch = (q: FamilyQuery): Ranked =>
  FAMILY_POOL.map((member) => ({ member, score: searchSimilarity(q.text, member) })).sort(
    (a, b) => b.score - a.score,
  );
const byDuplicates = (q: FamilyQuery): Ranked =>
  FAMILY_POOL.map((member) => ({
    member,
    score: scoreCandidate(q.subject as DuplicateSubject, member).score,
  })).sort((a, b) => b.score - a.score);
const isPerson = (q: FamilyQuery) => (m: Member) => m.family === q.family && m.role === 'person';
/** 1-based rank of the person; a tie with anyone counts as the worse place. */
const rankOf = (q: FamilyQuery, ranked: Ranked) => {
  const own = ranked.find((r) => isPerson(q)(r.member))!.score;
  return ranked.filter((r) => r.score >= own).length;
};
const show = (ranked: Ranked) => ranked.slice(0, 4).map((r) => `${r.member.label} ${r.score.toFixed(3)}`);

describe('the evaluation set is well posed', () => {
  it('has at least 40 families of five, in both scripts', () => {
    expect(FAMILY_COUNT).toBeGreaterThanOrEqual(40);
    expect(FAMILY_POOL).toHaveLength(FAMILY_COUNT * 5);
    expect(FAMILY_QUERIES.filter((q) => /[\u0600-\u06FF]/.test(q.text)).length).toBeGreaterThanOrEqual(80);
    expect(FAMILY_QUERIES.filter((q) => q.subject.birthDate === undefined).length).toBeGreaterThanOrEqual(80);
  });

  it('has no two records with the same first two names', () => {
    const heads = FAMILY_POOL.map((m) => nameTokens(`${m.givenName} ${m.familyName}`).slice(0, 2).join(' '));
    expect(new Set(heads).size).toBe(heads.length);
  });
});

describe.each([
  ['search', bySearch],
  ['duplicate check', byDuplicates],
] as const)('%s: the person first', (_, rank) => {
  it.each(FAMILY_QUERIES.map((q) => [q.label, q] as const))('%s', (_label, q) => {
    const ranked = rank(q);
    expect(rankOf(q, ranked), JSON.stringify(show(ranked))).toBe(1);
  });

  it.each(SWAPPED_QUERIES.map((q) => [q.label, q] as const))('%s: found in the top 3', (_label, q) => {
    const ranked = rank(q);
    expect(rankOf(q, ranked), JSON.stringify(show(ranked))).toBeLessThanOrEqual(3);
  });
});

describe('swapped fields score below the exact order', () => {
  it.each(SWAPPED_QUERIES.map((q) => [q.label, q] as const))('%s', (_label, q) => {
    const person = FAMILY_POOL.find(isPerson(q))!;
    const exact = FAMILY_QUERIES.find(
      (e) => e.family === q.family && e.label.startsWith('Latin, three parts,'),
    )!;
    expect(searchSimilarity(q.text, person)).toBeLessThan(searchSimilarity(exact.text, person));
    expect(searchSimilarity(q.text, person)).toBeGreaterThan(0.75);
  });
});

describe('ranking quality over the whole set', () => {
  // mean reciprocal rank of the person; printed figures are in the report of issue 9
  const mrr = (rank: (q: FamilyQuery) => Ranked, qs: readonly FamilyQuery[]) =>
    qs.reduce((sum, q) => sum + 1 / rankOf(q, rank(q)), 0) / qs.length;

  it('is perfect for in-order queries and at least 0.5 for swapped ones', () => {
    expect(mrr(bySearch, FAMILY_QUERIES)).toBe(1);
    expect(mrr(byDuplicates, FAMILY_QUERIES)).toBe(1);
    expect(mrr(bySearch, SWAPPED_QUERIES)).toBeGreaterThanOrEqual(0.5);
    expect(mrr(byDuplicates, SWAPPED_QUERIES)).toBeGreaterThanOrEqual(0.5);
  });
});

describe('relatives stay below "likely" in the duplicate check', () => {
  it.each(FAMILY_QUERIES.filter((q) => q.label.includes('three parts')).map((q) => [q.label, q] as const))(
    '%s',
    (_label, q) => {
      const scores = FAMILY_POOL.filter((m) => m.family === q.family).map((m) => ({
        role: m.role,
        score: scoreCandidate(q.subject as DuplicateSubject, m).score,
      }));
      for (const { role, score } of scores)
        if (role !== 'person') expect([role, score < DUPLICATE_THRESHOLDS.likely]).toEqual([role, true]);
    },
  );
});
