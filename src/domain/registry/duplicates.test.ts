import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_THRESHOLDS,
  type DuplicateSubject,
  rankCandidates,
  scoreCandidate,
  searchSimilarity,
} from './duplicates';
import { derived, match, nearMisses, PAIRS, POOL, query, type Subject, subject } from './duplicates.fixtures';

const rank = (q: DuplicateSubject, pool: readonly Subject[]) =>
  pool.map((c) => ({ label: c.label, score: scoreCandidate(q, c).score })).sort((a, b) => b.score - a.score);

describe('duplicate ranking: the existing person comes first', () => {
  it('has enough cases', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(PAIRS.filter(([, q, m]) => q.startsWith('#') || m.startsWith('#')).length).toBeGreaterThanOrEqual(
      10,
    );
    expect(nearMisses.length + derived.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAIRS.map(([id]) => [id]))('%s', (id) => {
    const ranked = rank(query(id), POOL);
    expect(ranked.length - 1).toBeGreaterThanOrEqual(40);
    expect(ranked[0]!.label, JSON.stringify(ranked.slice(0, 3))).toBe(`match ${id}`);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });
});

describe('duplicate ranking: a near miss never comes first', () => {
  it('has enough cases', () => expect(nearMisses.length).toBeGreaterThanOrEqual(30));

  it.each(nearMisses.map((n) => [n.near.label, n] as const))('%s', (_, { pair, near }) => {
    const q = query(pair);
    const [first] = rank(q, [near, match(pair)]);
    expect(first!.label).toBe(`match ${pair}`);
    expect(scoreCandidate(q, near).score).toBeLessThan(scoreCandidate(q, match(pair)).score);
  });
});

describe('scoreCandidate', () => {
  const a = subject('a', 'Muhamad | Abd al-Rahman', 'M', 'SDN', '~1996');

  it('explains itself with stable codes', () => {
    expect(scoreCandidate(a, match('sdn-abdelrahman')).reasons).toEqual([
      'name:latin:1.00',
      'birth-year:±1 (estimated)',
      'sex:same',
      'nationality:same',
    ]);
    const other = subject('b', 'Mohamed | Abdelrahman', 'F', 'TCD', '1990-01-01');
    expect(scoreCandidate(a, other).reasons).toEqual([
      'name:latin:1.00',
      'birth-year:off-by-6',
      'sex:different',
      'nationality:different',
    ]);
  });

  it('says which scripts matched', () => {
    const arabic = subject('c', '# محمد عبد الرحمن', 'M', 'SDN', '');
    expect(scoreCandidate(arabic, a).reasons.slice(0, 2)).toEqual(['name:cross:1.00', 'birth-year:unknown']);
    const both = { ...a, fullNameOriginal: 'محمد عبدالرحمن' };
    expect(scoreCandidate(both, arabic).reasons[0]).toBe('name:original:1.00');
    expect(scoreCandidate(subject('d', '|', 'M', 'SDN', ''), a).reasons[0]).toBe('name:none');
  });

  it('puts every true match above "likely" and strong contradictions below "possible"', () => {
    for (const [id] of PAIRS)
      expect([id, scoreCandidate(query(id), match(id)).score >= DUPLICATE_THRESHOLDS.likely]).toEqual([
        id,
        true,
      ]);
    for (const d of derived.filter((s) => !s.label.startsWith('other country'))) {
      const score = scoreCandidate(query(d.label.split(' ').pop()!), d).score;
      expect(score, d.label).toBeLessThan(DUPLICATE_THRESHOLDS.possible);
    }
  });

  it('accepts ±2 years only when a date is estimated', () => {
    const exact = subject('e', 'Mohammed | Abdelrahman', 'M', 'SDN', '1994-05-10');
    const est = scoreCandidate(a, exact);
    expect(est.reasons).toContain('birth-year:±2 (estimated)');
    const strict = scoreCandidate({ ...a, birthDate: '1996-01-01', birthDateEstimated: false }, exact);
    expect(strict.reasons).toContain('birth-year:off-by-2');
    expect(strict.score).toBeLessThan(est.score * 0.7);
  });

  it('rewards a relative in common and punishes being the relative', () => {
    const m = { ...match('sdn-abdelrahman'), id: 'p1', familyLinks: ['wife'] };
    const plain = scoreCandidate(a, m).score;
    const linked = scoreCandidate({ ...a, familyLinks: ['wife'] }, m);
    expect(linked.reasons).toContain('family-link');
    expect(linked.score).toBeGreaterThan(plain);
    const brother = scoreCandidate({ ...a, familyLinks: ['p1'] }, m);
    expect(brother.reasons).toContain('family-link:relative');
    expect(brother.score).toBeLessThan(plain / 2);
  });

  it('treats unknown sex and nationality as neither for nor against', () => {
    const unknown = { ...match('sdn-abdelrahman'), sex: 'unknown' as const, nationality: 'XXX' };
    const s = scoreCandidate(a, unknown);
    expect(s.reasons).toEqual(expect.arrayContaining(['sex:unknown', 'nationality:unknown']));
    expect(s.score).toBeLessThan(scoreCandidate(a, match('sdn-abdelrahman')).score);
    expect(s.score).toBeGreaterThan(scoreCandidate(a, { ...unknown, sex: 'female' }).score);
  });

  it('stays within [0, 1] and ranks with rankCandidates', () => {
    for (const c of POOL) {
      const { score } = scoreCandidate(a, c);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(rankCandidates(a, POOL)[0]!.candidate.label).toBe('match sdn-abdelrahman');
  });
});

describe('search ranks whole name parts above shared letters (issue 10)', () => {
  it.each([
    ['Abakar', 'Halima', 'Abakar', 'Abu', 'Touré'],
    ['Abakar', 'Abakar', 'Mahamat', 'Abu', 'Touré'],
  ])('%s: %s %s above %s %s', (q, g1, f1, g2, f2) => {
    expect(searchSimilarity(q, { givenName: g1, familyName: f1 })).toBeGreaterThan(
      searchSimilarity(q, { givenName: g2, familyName: f2 }),
    );
  });
});
