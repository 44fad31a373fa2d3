import type { Flag } from './flags';
import { type Condition, type Question, questionsOf, type Section } from './template';

// Evaluating the condition language over answers. Pure and total: an answer of the wrong type
// simply makes a condition false (validation reports it separately).

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;
/** What the evaluation accepts: any record, since it never trusts the values' types. */
export type AnyAnswers = Readonly<Record<string, unknown>>;

const NO_FLAGS: ReadonlySet<Flag> = new Set();

export function evaluate(c: Condition, answers: AnyAnswers, flags: ReadonlySet<Flag> = NO_FLAGS): boolean {
  if ('any' in c) return c.any.some((x) => evaluate(x, answers, flags));
  if ('all' in c) return c.all.every((x) => evaluate(x, answers, flags));
  if ('count' in c) {
    let n = 0;
    for (const x of c.count) if (evaluate(x, answers, flags) && ++n >= c.atLeast) return true;
    return false;
  }
  if ('flag' in c) return flags.has(c.flag);
  const v = Object.hasOwn(answers, c.answer) ? answers[c.answer] : undefined;
  if ('equals' in c) return v === c.equals;
  if ('includes' in c) return Array.isArray(v) && v.includes(c.includes);
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if ('lt' in c) return v < c.lt;
  if ('lte' in c) return v <= c.lte;
  if ('gt' in c) return v > c.gt;
  return v >= c.gte;
}

export interface Visibility {
  /** keys of the questions asked, in interview order */
  shown: string[];
  /** the answers to questions that are shown; answers to hidden ones are dropped */
  answers: Record<string, unknown>;
}

/**
 * Which questions are asked given the answers. A showIf tests only earlier questions, so one
 * pass in order settles it; a question hidden by an earlier answer hides those that depend on it.
 */
export function visibility(template: { sections: readonly Section[] }, answers: AnyAnswers): Visibility {
  const shown: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const q of questionsOf(template)) {
    if (q.showIf && !evaluate(q.showIf, kept)) continue;
    shown.push(q.key);
    const v = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    if (v !== undefined) kept[q.key] = v;
  }
  return { shown, answers: kept };
}

/** Question keys whose answers the server must encrypt. */
export const sensitiveKeys = (template: { sections: readonly Section[] }): string[] =>
  questionsOf(template)
    .filter((q: Question) => q.sensitive)
    .map((q) => q.key);
