import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { type Answers, type AnswerValue, visibility } from './conditions';
import { DEFAULT_TEMPLATE } from './default-template';
import { levelRank } from './flags';
import { screeningOutcome } from './outcome';
import { type Question, questionsOf } from './template';

// Adding a positive indicator must never lower the risk level or remove a flag. A positive change
// is: a yes/no answer turned to yes; an option added to a multi-choice; a single choice moved from
// a non-indicator option (or no answer) to an indicator option; any question answered that was
// not. For random valid screenings, every such single change is tried.

const T = DEFAULT_TEMPLATE;
const QUESTIONS = questionsOf(T);
const values = (q: Question) => (q.options ?? []).map((o) => o.value);
const AGES = [0, 5, 12, 15, 17, 18, 30, 59, 60, 75, 120];

function arbitraryValue(q: Question): fc.Arbitrary<AnswerValue> {
  switch (q.type) {
    case 'yes_no':
      return fc.constantFrom('yes', 'no');
    case 'yes_no_unknown':
      return fc.constantFrom('yes', 'no', 'unknown');
    case 'single_choice':
      return fc.constantFrom(...values(q));
    case 'multi_choice':
      return fc.subarray(values(q), { minLength: q.required ? 1 : 0 });
    case 'number':
      return fc.oneof(fc.constantFrom(...AGES), fc.integer({ min: q.min ?? 0, max: q.max ?? 120 }));
    case 'text':
      return fc.constantFrom('note', 'ملاحظة', 'LBY-21C01234');
    case 'date':
      return fc.constant('2026-01-15');
  }
}

/** Random valid answers: a value for every question, then only those asked are kept. */
const validAnswers: fc.Arbitrary<Answers> = fc
  .record(
    Object.fromEntries(
      QUESTIONS.map((q) => [
        q.key,
        q.required ? arbitraryValue(q) : fc.option(arbitraryValue(q), { nil: undefined }),
      ]),
    ) as Record<string, fc.Arbitrary<AnswerValue | undefined>>,
  )
  .map((raw) => {
    const given: Answers = {};
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) given[k] = v;
    return visibility(T, given).answers as Answers;
  });

/** Every single positive change to the questions that are asked. */
function positiveChanges(answers: Answers): { key: string; value: AnswerValue }[] {
  const out: { key: string; value: AnswerValue }[] = [];
  const { shown } = visibility(T, answers);
  for (const q of QUESTIONS.filter((x) => shown.includes(x.key))) {
    const v = answers[q.key];
    if (q.type === 'yes_no' || q.type === 'yes_no_unknown') {
      if (v !== 'yes') out.push({ key: q.key, value: 'yes' });
    } else if (q.type === 'multi_choice') {
      const chosen = Array.isArray(v) ? v : [];
      for (const o of values(q)) if (!chosen.includes(o)) out.push({ key: q.key, value: [...chosen, o] });
    } else if (q.type === 'single_choice') {
      const current = q.options?.find((o) => o.value === v);
      for (const o of q.options ?? [])
        if (v === undefined || (!current?.indicator && o.indicator)) out.push({ key: q.key, value: o.value });
    } else if (v === undefined) {
      const fresh = q.type === 'number' ? AGES : q.type === 'date' ? ['2026-01-15'] : ['note'];
      for (const value of fresh) out.push({ key: q.key, value });
    }
  }
  return out;
}

describe('monotonicity of the default template', () => {
  it('generates valid screenings', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        expect(validateAnswers(T, answers)).toEqual([]);
      }),
    );
  });

  it('never lowers the level or drops a flag when a positive indicator is added', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const before = screeningOutcome(T, answers);
        for (const { key, value } of positiveChanges(answers)) {
          const after = screeningOutcome(T, { ...answers, [key]: value });
          const why = `${key} → ${JSON.stringify(value)}`;
          expect(levelRank(after.riskLevel), why).toBeGreaterThanOrEqual(levelRank(before.riskLevel));
          expect(after.flags, why).toEqual(expect.arrayContaining(before.flags));
          expect(after.matchedRules, why).toEqual(expect.arrayContaining(before.matchedRules));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds along a whole chain of positive changes, from a blank screening to every indicator', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (picks) => {
        let answers: Answers = {};
        let before = screeningOutcome(T, answers);
        for (const pick of picks) {
          const changes = positiveChanges(answers);
          const change = changes[pick % Math.max(1, changes.length)];
          if (!change) break;
          answers = { ...answers, [change.key]: change.value };
          const after = screeningOutcome(T, answers);
          expect(levelRank(after.riskLevel)).toBeGreaterThanOrEqual(levelRank(before.riskLevel));
          expect(after.flags).toEqual(expect.arrayContaining(before.flags));
          before = after;
        }
      }),
    );
  });
});
