import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, budgetTotals, reintegrationItemCreate } from './reintegration';
import {
  DEFAULT_SURVEY,
  SURVEY_DIMENSIONS,
  type SurveyTemplate,
  scoreSurvey,
  surveyTemplate,
} from './sustainability';

const all = (pick: (options: { value: string; score: number }[]) => string) =>
  Object.fromEntries(DEFAULT_SURVEY.questions.map((q) => [q.id, pick(q.options)]));
const best = all((os) => os.reduce((a, b) => (b.score > a.score ? b : a)).value);
const worst = all((os) => os.reduce((a, b) => (b.score < a.score ? b : a)).value);

/** A random template and answers to all its questions. */
const templateAndAnswers = fc
  .record({
    weights: fc.tuple(
      ...SURVEY_DIMENSIONS.map(() =>
        fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 100, noNaN: true })),
      ),
    ),
    questions: fc.array(
      fc.record({
        dimension: fc.constantFrom(...SURVEY_DIMENSIONS),
        scores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }),
        pick: fc.nat(),
      }),
      { minLength: 0, maxLength: 12 },
    ),
  })
  .filter((x) => x.weights.some((w) => w > 0))
  .map(({ weights, questions }) => {
    // one question per dimension at least
    const qs = [
      ...SURVEY_DIMENSIONS.map((dimension) => ({ dimension, scores: [0, 1], pick: 1 })),
      ...questions,
    ];
    const label = { en: 'x', ar: 'x', fr: 'x' };
    const template: SurveyTemplate = {
      code: 'random',
      version: 1,
      title: label,
      dimensions: SURVEY_DIMENSIONS.map((key, i) => ({ key, weight: weights[i]!, label })),
      questions: qs.map((q, i) => ({
        id: `q${i}`,
        dimension: q.dimension,
        label,
        options: q.scores.map((score, j) => ({ value: `o${j}`, score, label })),
      })),
    };
    const answers = Object.fromEntries(qs.map((q, i) => [`q${i}`, `o${q.pick % q.scores.length}`]));
    return { template, answers };
  });

describe('the default sustainability survey', () => {
  it('is a valid template with 9–12 questions in the three dimensions, labelled in three languages', () => {
    expect(surveyTemplate.safeParse(DEFAULT_SURVEY).success).toBe(true);
    expect(DEFAULT_SURVEY.questions.length).toBeGreaterThanOrEqual(9);
    expect(DEFAULT_SURVEY.questions.length).toBeLessThanOrEqual(12);
    for (const d of SURVEY_DIMENSIONS)
      expect(DEFAULT_SURVEY.questions.some((q) => q.dimension === d)).toBe(true);
    for (const q of DEFAULT_SURVEY.questions)
      for (const text of [q.label, ...q.options.map((o) => o.label)])
        expect(Object.values(text).every((s) => s.trim().length > 0)).toBe(true);
  });

  it('scores the best answers 1 and the worst 0 in every dimension and the composite', () => {
    expect(scoreSurvey(DEFAULT_SURVEY, best)).toEqual({
      ok: true,
      scores: { economic: 1, social: 1, psychosocial: 1, composite: 1 },
    });
    expect(scoreSurvey(DEFAULT_SURVEY, worst)).toEqual({
      ok: true,
      scores: { economic: 0, social: 0, psychosocial: 0, composite: 0 },
    });
  });

  it('means per dimension, and weights the composite by the template’s weights', () => {
    // economic all best (1), social all worst (0), psychosocial all best (1)
    const answers = Object.fromEntries(
      DEFAULT_SURVEY.questions.map((q) => [q.id, q.dimension === 'social' ? worst[q.id]! : best[q.id]!]),
    );
    const r = scoreSurvey(DEFAULT_SURVEY, answers);
    expect(r).toEqual({ ok: true, scores: { economic: 1, social: 0, psychosocial: 1, composite: 0.7 } });
    // income irregular (0.5), others best: economic = (0.5 + 1 + 1 + 1) / 4
    const one = scoreSurvey(DEFAULT_SURVEY, { ...best, income: 'irregular' });
    expect(one.ok && one.scores.economic).toBe(0.875);
    expect(one.ok && one.scores.composite).toBeCloseTo(0.4 * 0.875 + 0.6, 12);
  });

  it('reports every wrong answer on its own field', () => {
    const { income: _gone, ...missing } = best;
    const r = scoreSurvey(DEFAULT_SURVEY, { ...missing, food: 'plenty', invented: 'yes' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      'answers.food',
      'answers.income',
      'answers.invented',
    ]);
  });

  it('refuses a template whose weights are all zero or with a dimension without questions', () => {
    const zero = {
      ...DEFAULT_SURVEY,
      dimensions: DEFAULT_SURVEY.dimensions.map((d) => ({ ...d, weight: 0 })),
    };
    expect(surveyTemplate.safeParse(zero).success).toBe(false);
    const noSocial = {
      ...DEFAULT_SURVEY,
      questions: DEFAULT_SURVEY.questions.filter((q) => q.dimension !== 'social'),
    };
    expect(surveyTemplate.safeParse(noSocial).success).toBe(false);
  });
});

describe('scoreSurvey, any template', () => {
  it('keeps every score within 0–1', () => {
    fc.assert(
      fc.property(templateAndAnswers, ({ template, answers }) => {
        const r = scoreSurvey(template, answers);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const v of Object.values(r.scores)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('is scale-free in the weights: multiplying them all by k changes nothing', () => {
    fc.assert(
      fc.property(
        templateAndAnswers,
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        ({ template, answers }, k) => {
          const scaled = {
            ...template,
            dimensions: template.dimensions.map((d) => ({ ...d, weight: d.weight * k })),
          };
          const a = scoreSurvey(template, answers);
          const b = scoreSurvey(scaled, answers);
          if (!a.ok || !b.ok) throw new Error('scored');
          expect(b.scores.economic).toBe(a.scores.economic);
          expect(b.scores.composite).toBeCloseTo(a.scores.composite, 9);
        },
      ),
    );
  });

  it('puts the composite between the lowest and highest dimension score', () => {
    fc.assert(
      fc.property(templateAndAnswers, ({ template, answers }) => {
        const r = scoreSurvey(template, answers);
        if (!r.ok) throw new Error('scored');
        const ds = SURVEY_DIMENSIONS.map((d) => r.scores[d]);
        expect(r.scores.composite).toBeGreaterThanOrEqual(Math.min(...ds) - 1e-12);
        expect(r.scores.composite).toBeLessThanOrEqual(Math.max(...ds) + 1e-12);
      }),
    );
  });
});

describe('reintegration helpers', () => {
  it('adds months, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-10-31', 6)).toBe('2027-04-30');
  });

  it('totals per currency, without cancelled items, with what was delivered', () => {
    expect(
      budgetTotals([
        { currency: 'USD', budgetMinor: 50_000, status: 'planned' },
        { currency: 'USD', budgetMinor: 20_000, status: 'delivered' },
        { currency: 'USD', budgetMinor: 99_999, status: 'cancelled' },
        { currency: 'SDG', budgetMinor: 1_000, status: 'in_progress' },
      ]),
    ).toEqual([
      { currency: 'SDG', budgetMinor: 1_000, deliveredMinor: 0 },
      { currency: 'USD', budgetMinor: 70_000, deliveredMinor: 20_000 },
    ]);
  });

  it('asks for the delivery day of an item delivered, and whole minor units', () => {
    const base = { kind: 'cash', description: 'Start-up grant', budgetMinor: 100 };
    expect(
      reintegrationItemCreate.safeParse({ ...base, status: 'delivered' }).error?.issues[0]?.path,
    ).toEqual(['deliveredOn']);
    expect(reintegrationItemCreate.safeParse({ ...base, budgetMinor: 1.5 }).success).toBe(false);
    expect(reintegrationItemCreate.safeParse({ ...base, budgetMinor: -1 }).success).toBe(false);
  });
});
