import { z } from 'zod';
import { line, version } from '../common/schemas';
import { type Flag, flag, riskLevel } from './flags';

// Screening templates are versioned data: questions, and the indicator rules that turn answers
// into flags and a risk level. A screening stores the template key and version it was answered
// with, so a new version never changes the meaning of old answers.
//
// The condition language is deliberately small and has no negation: every condition can only
// become true when an answer turns positive (no/unknown → yes, an option added to a multi-choice,
// a non-indicator choice → an indicator choice, unanswered → answered). So adding a positive
// indicator can never remove a flag or lower the risk level. The checks below enforce this.

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'Use a snake_case key: a-z, 0-9 and _, up to 60' });

/** The same text in the three interface languages. */
export const localised = (max = 300) => z.strictObject({ en: line(max), ar: line(max), fr: line(max) });

export const QUESTION_TYPES = [
  'yes_no',
  'yes_no_unknown',
  'single_choice',
  'multi_choice',
  'number',
  'text',
  'date',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multi_choice'];
/** The values of yes/no questions; only 'yes' may appear in a condition. */
export const YES_NO_VALUES = { yes_no: ['yes', 'no'], yes_no_unknown: ['yes', 'no', 'unknown'] } as const;

export type Condition =
  /** yes/no questions: only 'yes'; single choice: only an option marked `indicator` */
  | { answer: string; equals: string }
  /** multi-choice: the option is among those chosen */
  | { answer: string; includes: string }
  | { answer: string; lt: number }
  | { answer: string; lte: number }
  | { answer: string; gt: number }
  | { answer: string; gte: number }
  /** a flag set by an earlier rule (rules only, not showIf) */
  | { flag: Flag }
  /** the person's recorded sex is one of these (showIf only; an unrecorded sex asks) */
  | { person: 'sex'; in: PersonSex[] }
  /** the person's age in whole years on the day of the screening (showIf only; unknown asks) */
  | { person: 'age'; gte: number }
  | { person: 'age'; lt: number }
  | { any: Condition[] }
  | { all: Condition[] }
  /** at least `atLeast` of the conditions hold */
  | { count: Condition[]; atLeast: number };

/** Facts about the person a question may depend on (from the registry, not from the answers). */
export const PERSON_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type PersonSex = (typeof PERSON_SEXES)[number];
export interface PersonFacts {
  sex: PersonSex | null;
  /** whole years on the screening date; null when the birth date is not known */
  age: number | null;
}

const num = z.number().finite();
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: key, equals: z.string().min(1).max(60) }),
    z.strictObject({ answer: key, includes: z.string().min(1).max(60) }),
    z.strictObject({ answer: key, lt: num }),
    z.strictObject({ answer: key, lte: num }),
    z.strictObject({ answer: key, gt: num }),
    z.strictObject({ answer: key, gte: num }),
    z.strictObject({ flag }),
    z.strictObject({ person: z.literal('sex'), in: z.array(z.enum(PERSON_SEXES)).min(1).max(4) }),
    z.strictObject({ person: z.literal('age'), gte: num }),
    z.strictObject({ person: z.literal('age'), lt: num }),
    z.strictObject({ any: z.array(condition).min(1).max(50) }),
    z.strictObject({ all: z.array(condition).min(1).max(50) }),
    z.strictObject({ count: z.array(condition).min(1).max(50), atLeast: z.number().int().min(1) }),
  ]),
);

export const choiceOption = z.strictObject({
  value: key,
  label: localised(),
  /** single choice: this option is an indicator, so rules may test it (e.g. 'third' trimester) */
  indicator: z.boolean().default(false),
});
export type ChoiceOption = z.output<typeof choiceOption>;

export const question = z.strictObject({
  key,
  label: localised(500),
  help: localised(1000).optional(),
  type: z.enum(QUESTION_TYPES),
  options: z.array(choiceOption).min(2).max(40).optional(),
  /** asked only when this holds on earlier answers; answers to hidden questions are refused */
  showIf: condition.optional(),
  /** must be answered whenever it is shown */
  required: z.boolean().default(false),
  /** free text the server encrypts (DESIGN §6) */
  sensitive: z.boolean().default(false),
  min: num.optional(),
  max: num.optional(),
  integer: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(20_000).default(2000),
});
export type Question = z.output<typeof question>;

export const section = z.strictObject({
  key,
  title: localised(),
  questions: z.array(question).min(1).max(100),
});
export type Section = z.output<typeof section>;

export const indicatorRule = z
  .strictObject({
    key,
    /** the flag this rule raises, if any */
    flag: flag.optional(),
    /** the level this rule raises the outcome to, at least */
    level: riskLevel.optional(),
    /** why, in words a protection officer can read */
    description: localised(1000),
    when: condition,
  })
  .refine((r) => r.flag !== undefined || r.level !== undefined, {
    error: 'A rule raises a flag, a level or both',
  });
export type IndicatorRule = z.output<typeof indicatorRule>;

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}
interface Located {
  q: Question;
  index: number;
  path: Path;
}

/** All questions in interview order. */
export const questionsOf = (t: { sections: readonly { questions: readonly Question[] }[] }): Question[] =>
  t.sections.flatMap((s) => s.questions);

function checkCondition(
  c: Condition,
  path: Path,
  ctx: { byKey: Map<string, Located>; before: number | null; flags: Set<Flag> },
  out: Problem[],
): void {
  if ('any' in c || 'all' in c || 'count' in c) {
    const list = 'any' in c ? c.any : 'all' in c ? c.all : c.count;
    const name = 'any' in c ? 'any' : 'all' in c ? 'all' : 'count';
    list.forEach((sub, i) => {
      checkCondition(sub, [...path, name, i], ctx, out);
    });
    if ('count' in c && c.atLeast > c.count.length)
      out.push({ path: [...path, 'atLeast'], message: 'More than there are conditions to count' });
    return;
  }
  if ('person' in c) {
    // a rule never tests the person's record: flags come from what the interview disclosed
    if (ctx.before === null) out.push({ path, message: 'Only showIf may test the person' });
    return;
  }
  if ('flag' in c) {
    if (ctx.before !== null) out.push({ path, message: 'showIf may only test answers' });
    else if (!ctx.flags.has(c.flag)) out.push({ path, message: `No earlier rule raises the flag ${c.flag}` });
    return;
  }
  const found = ctx.byKey.get(c.answer);
  if (!found) return void out.push({ path: [...path, 'answer'], message: `No question ${c.answer}` });
  if (ctx.before !== null && found.index >= ctx.before)
    out.push({ path: [...path, 'answer'], message: 'showIf may only test an earlier question' });
  const { q } = found;
  const wrong = (message: string) => out.push({ path, message });
  if ('equals' in c) {
    if (q.type === 'yes_no' || q.type === 'yes_no_unknown') {
      if (c.equals !== 'yes') wrong('A yes/no condition can only test "yes"');
    } else if (q.type === 'single_choice') {
      const option = q.options?.find((o) => o.value === c.equals);
      if (!option) wrong(`${c.equals} is not an option of ${q.key}`);
      else if (!option.indicator) wrong(`Option ${c.equals} of ${q.key} is not marked as an indicator`);
    } else wrong(`equals does not apply to a ${q.type} question`);
  } else if ('includes' in c) {
    if (q.type !== 'multi_choice') wrong(`includes applies only to a multi_choice question`);
    else if (!q.options?.some((o) => o.value === c.includes))
      wrong(`${c.includes} is not an option of ${q.key}`);
  } else if (q.type !== 'number') wrong(`Comparisons apply only to a number question`);
}

/** The checks a schema cannot express: unique keys, references, and the monotone condition rules. */
export function templateProblems(t: {
  sections: readonly Section[];
  rules: readonly IndicatorRule[];
}): Problem[] {
  const out: Problem[] = [];
  const byKey = new Map<string, Located>();
  const sectionKeys = new Set<string>();
  let index = 0;
  t.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) out.push({ path: ['sections', si, 'key'], message: 'Duplicate key' });
    sectionKeys.add(s.key);
    s.questions.forEach((q, qi) => {
      const path = ['sections', si, 'questions', qi];
      if (byKey.has(q.key)) out.push({ path: [...path, 'key'], message: `Duplicate question ${q.key}` });
      else byKey.set(q.key, { q, index: index++, path });
      const choice = CHOICE_TYPES.includes(q.type);
      if (choice && !q.options) out.push({ path: [...path, 'options'], message: 'A choice needs options' });
      if (!choice && q.options)
        out.push({ path: [...path, 'options'], message: 'Only choices have options' });
      const values = q.options?.map((o) => o.value) ?? [];
      if (new Set(values).size !== values.length)
        out.push({ path: [...path, 'options'], message: 'Duplicate option value' });
      if (q.type !== 'single_choice' && q.options?.some((o) => o.indicator))
        out.push({ path: [...path, 'options'], message: 'Only single-choice options are marked indicator' });
      if (q.min !== undefined && q.max !== undefined && q.min > q.max)
        out.push({ path: [...path, 'min'], message: 'min is above max' });
    });
  });
  const ctx = { byKey, before: null as number | null, flags: new Set<Flag>() };
  for (const { q, index: i, path } of byKey.values())
    if (q.showIf) checkCondition(q.showIf, [...path, 'showIf'], { ...ctx, before: i }, out);
  const ruleKeys = new Set<string>();
  t.rules.forEach((r, ri) => {
    if (ruleKeys.has(r.key)) out.push({ path: ['rules', ri, 'key'], message: `Duplicate rule ${r.key}` });
    ruleKeys.add(r.key);
    checkCondition(r.when, ['rules', ri, 'when'], ctx, out);
    // a rule may test only flags raised before it, so one pass in order settles every rule
    if (r.flag) ctx.flags.add(r.flag);
  });
  return out;
}

export const screeningTemplate = z
  .strictObject({
    key,
    version,
    title: localised(),
    sections: z.array(section).min(1).max(30),
    rules: z.array(indicatorRule).max(500),
  })
  .superRefine((t, ctx) => {
    for (const p of templateProblems(t)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type ScreeningTemplate = z.output<typeof screeningTemplate>;
export type ScreeningTemplateInput = z.input<typeof screeningTemplate>;
export type SectionInput = z.input<typeof section>;
export type IndicatorRuleInput = z.input<typeof indicatorRule>;
