import { ageOn } from '../registry/age';
import type { Flag } from './flags';
import {
  type Condition,
  PERSON_SEXES,
  type PersonFacts,
  type Question,
  questionsOf,
  type Section,
} from './template';

// Evaluating the condition language over answers. Pure and total: an answer of the wrong type
// simply makes a condition false (validation reports it separately).

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;
/** What the evaluation accepts: any record, since it never trusts the values' types. */
export type AnyAnswers = Readonly<Record<string, unknown>>;

const NO_FLAGS: ReadonlySet<Flag> = new Set();

/** The person's sex and age on the day of the screening, as the template's conditions read them. */
export function personFacts(p: { sex: string; birthDate?: string | null }, on: string): PersonFacts {
  const age = ageOn(p.birthDate, on); // a date still being typed gives no age, not NaN
  return {
    sex: (PERSON_SEXES as readonly string[]).includes(p.sex) ? (p.sex as PersonFacts['sex']) : null,
    age: age !== null && Number.isFinite(age) ? age : null,
  };
}

/**
 * A fact about the person. Unknown facts (no person given, no recorded sex or birth date) make
 * the condition hold: in doubt the question is asked rather than skipped.
 */
function personHolds(c: Extract<Condition, { person: string }>, facts?: PersonFacts): boolean {
  if (c.person === 'sex') return !facts?.sex || c.in.includes(facts.sex);
  const age = facts?.age;
  if (age === null || age === undefined) return true;
  return 'gte' in c ? age >= c.gte : age < c.lt;
}

export function evaluate(
  c: Condition,
  answers: AnyAnswers,
  flags: ReadonlySet<Flag> = NO_FLAGS,
  facts?: PersonFacts,
): boolean {
  if ('any' in c) return c.any.some((x) => evaluate(x, answers, flags, facts));
  if ('all' in c) return c.all.every((x) => evaluate(x, answers, flags, facts));
  if ('count' in c) {
    let n = 0;
    for (const x of c.count) if (evaluate(x, answers, flags, facts) && ++n >= c.atLeast) return true;
    return false;
  }
  if ('flag' in c) return flags.has(c.flag);
  if ('person' in c) return personHolds(c, facts);
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
 * Which questions are asked given the answers and what is known of the person (sex, age: the
 * pregnancy question is not asked of a man). A showIf tests only earlier questions, so one pass in
 * order settles it; a question hidden by an earlier answer hides those that depend on it.
 */
export function visibility(
  template: { sections: readonly Section[] },
  answers: AnyAnswers,
  facts?: PersonFacts,
): Visibility {
  const shown: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const q of questionsOf(template)) {
    if (q.showIf && !evaluate(q.showIf, kept, NO_FLAGS, facts)) continue;
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
