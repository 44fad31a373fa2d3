import { describe, expect, it } from 'vitest';
import { LOCALES } from '../common/schemas';
import {
  DISTRESS_ANSWER_LABELS,
  DISTRESS_ANSWERS,
  DISTRESS_BAND_LABELS,
  DISTRESS_BANDS,
  DISTRESS_INSTRUMENT_LABELS,
  DISTRESS_INSTRUMENTS,
  DISTRESS_ITEMS,
  distressBand,
  distressMeasure,
  SELF_HARM_ANSWER_LABELS,
  SELF_HARM_ANSWERS,
  SELF_HARM_QUESTION,
  scoreDistress,
  scoreMeasure,
} from './distress';

/** Answers of `n` items that add up to `total` (each 1–5). */
const answersFor = (n: number, total: number) => {
  const a = Array.from({ length: n }, () => 1);
  let rest = total - n;
  for (let i = 0; i < n && rest > 0; i++) {
    const add = Math.min(4, rest);
    a[i]! += add;
    rest -= add;
  }
  expect(a.reduce((s, x) => s + x, 0)).toBe(total);
  return a;
};

const threeLanguages = (t: Record<string, string>) => {
  for (const l of LOCALES) expect(t[l]?.trim(), l).toBeTruthy();
  // a translation is not a copy of the English
  expect(t.ar).not.toBe(t.en);
  expect(t.ar).toMatch(/[\u0600-\u06ff]/);
};

describe('K10 and K6 items', () => {
  it('K10 has its ten questions in published order, K6 six', () => {
    expect(DISTRESS_ITEMS.k10.map((i) => i.k10Item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(DISTRESS_ITEMS.k6).toHaveLength(6);
  });

  it('K6 items are K10 items 2, 4, 5, 8, 9 and 10, in the K6 order', () => {
    const k10Keys = new Map(DISTRESS_ITEMS.k10.map((i) => [i.k10Item, i.key]));
    expect(DISTRESS_ITEMS.k6.map((i) => i.k10Item)).toEqual([2, 4, 5, 9, 8, 10]);
    for (const item of DISTRESS_ITEMS.k6) expect(k10Keys.get(item.k10Item)).toBe(item.key);
    expect([...DISTRESS_ITEMS.k6.map((i) => i.k10Item)].sort((a, b) => a - b)).toEqual([2, 4, 5, 8, 9, 10]);
  });

  it('the K6 says "so depressed" where the K10 says "so sad"', () => {
    expect(DISTRESS_ITEMS.k10[8]!.text.en).toContain('so sad');
    expect(DISTRESS_ITEMS.k6.find((i) => i.k10Item === 9)!.text.en).toContain('so depressed');
  });

  it('every item, answer, band and the risk question read in en, ar and fr', () => {
    for (const ins of DISTRESS_INSTRUMENTS) {
      threeLanguages(DISTRESS_INSTRUMENT_LABELS[ins]);
      for (const item of DISTRESS_ITEMS[ins]) {
        threeLanguages(item.text);
        expect(item.text.en).toMatch(/^During the last 30 days, about how often did you feel .+\?$/);
      }
    }
    for (const a of DISTRESS_ANSWERS) threeLanguages(DISTRESS_ANSWER_LABELS[a]);
    for (const b of DISTRESS_BANDS) threeLanguages(DISTRESS_BAND_LABELS[b]);
    for (const a of SELF_HARM_ANSWERS) threeLanguages(SELF_HARM_ANSWER_LABELS[a]);
    threeLanguages(SELF_HARM_QUESTION);
  });

  it('item texts differ from one another in each language', () => {
    for (const l of LOCALES) {
      const texts = DISTRESS_ITEMS.k10.map((i) => i.text[l]);
      expect(new Set(texts).size).toBe(10);
    }
  });
});

describe('scoreDistress and distressBand', () => {
  it('adds the answers: K10 10–50, K6 6–30', () => {
    expect(scoreDistress('k10', Array(10).fill(1))).toBe(10);
    expect(scoreDistress('k10', Array(10).fill(5))).toBe(50);
    expect(scoreDistress('k10', [1, 2, 3, 4, 5, 5, 4, 3, 2, 1])).toBe(30);
    expect(scoreDistress('k6', Array(6).fill(1))).toBe(6);
    expect(scoreDistress('k6', Array(6).fill(5))).toBe(30);
  });

  it('refuses a wrong count or an answer out of 1–5', () => {
    expect(() => scoreDistress('k10', Array(6).fill(1))).toThrow(RangeError);
    expect(() => scoreDistress('k6', Array(10).fill(1))).toThrow(RangeError);
    expect(() => scoreDistress('k6', [1, 1, 1, 1, 1, 0])).toThrow(RangeError);
    expect(() => scoreDistress('k6', [1, 1, 1, 1, 1, 6])).toThrow(RangeError);
    expect(() => scoreDistress('k6', [1, 1, 1, 1, 1, 2.5])).toThrow(RangeError);
  });

  it.each([
    [10, 'low'],
    [15, 'low'],
    [16, 'moderate'],
    [21, 'moderate'],
    [22, 'high'],
    [29, 'high'],
    [30, 'very_high'],
    [50, 'very_high'],
  ] as const)('K10 total %i is %s (Andrews & Slade)', (total, band) => {
    const answers = answersFor(10, total);
    expect(scoreMeasure({ instrument: 'k10', answers })).toEqual({ score: total, band });
  });

  it.each([
    [6, 'below_cutoff'],
    [10, 'below_cutoff'],
    [15, 'below_cutoff'],
    [16, 'below_cutoff'],
    [18, 'below_cutoff'],
    [19, 'serious'],
    [21, 'serious'],
    [22, 'serious'],
    [29, 'serious'],
    [30, 'serious'],
  ] as const)('K6 total %i is %s (≥ 13 on 0–4 scoring, ≥ 19 on 1–5)', (total, band) => {
    const answers = answersFor(6, total);
    expect(scoreMeasure({ instrument: 'k6', answers })).toEqual({ score: total, band });
  });

  it('bands a K6 total never as a K10 band', () => {
    expect(distressBand('k6', 25)).toBe('serious');
    expect(distressBand('k10', 25)).toBe('high');
  });
});

describe('distressMeasure', () => {
  const ok = { instrument: 'k10', answers: Array(10).fill(3), selfHarmThoughts: 'no' };

  it('accepts a full answer set of either instrument', () => {
    expect(distressMeasure.safeParse(ok).success).toBe(true);
    expect(distressMeasure.safeParse({ ...ok, instrument: 'k6', answers: Array(6).fill(2) }).success).toBe(
      true,
    );
  });

  it('rejects a wrong answer count on the answers field', () => {
    for (const [instrument, n] of [
      ['k10', 6],
      ['k10', 9],
      ['k6', 10],
      ['k6', 0],
    ] as const) {
      const r = distressMeasure.safeParse({ ...ok, instrument, answers: Array(n).fill(2) });
      expect(r.success, `${instrument} with ${n}`).toBe(false);
      expect(r.error!.issues).toEqual([
        expect.objectContaining({ path: ['answers'], message: expect.stringMatching(/all \d+ questions/) }),
      ]);
    }
  });

  it('rejects an answer outside 1–5 at its position', () => {
    for (const bad of [0, 6, 2.5]) {
      const answers = Array(10).fill(3);
      answers[4] = bad;
      const r = distressMeasure.safeParse({ ...ok, answers });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['answers', 4]);
    }
  });

  it('needs the self-harm answer, one of no, yes, declined', () => {
    const { selfHarmThoughts: _, ...without } = ok;
    expect(distressMeasure.safeParse(without).success).toBe(false);
    expect(distressMeasure.safeParse({ ...ok, selfHarmThoughts: 'maybe' }).success).toBe(false);
    expect(distressMeasure.safeParse({ ...ok, selfHarmThoughts: 'declined' }).success).toBe(true);
  });

  it('rejects an unknown instrument and unknown fields', () => {
    expect(distressMeasure.safeParse({ ...ok, instrument: 'phq9' }).success).toBe(false);
    expect(distressMeasure.safeParse({ ...ok, score: 30 }).success).toBe(false);
  });
});
