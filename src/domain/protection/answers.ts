import { z } from 'zod';
import { calendarDate, pastDate } from '../common/dates';
import { type AnswerValue, visibility } from './conditions';
import {
  type PersonFacts,
  type Question,
  questionsOf,
  type ScreeningTemplate,
  YES_NO_VALUES,
} from './template';

// Answers are stored as { questionKey: value } with the template key and version they answer.
// Validation is against that template: unknown keys, wrong types, choices not offered, required
// questions left out, and answers to questions that were not asked (a GBV answer without consent
// to ask must never be stored).

export const answerValue = z.union([
  z.string().max(20_000),
  z.number().finite(),
  z.array(z.string().max(60)),
]);
/** Structure only; `validateAnswers` checks the answers against their template. */
export const answers = z.record(z.string().max(80), answerValue);

export interface FieldError {
  /** `answers.<questionKey>`, as in problem+json `errors` */
  path: string;
  message: string;
}

// tab, newline and carriage return are allowed in notes; other control characters are not
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const calendar = calendarDate();
// a date a person recalls in an interview (arrival, a departure…): from 1900 up to today
const plausible = pastDate();

/** What is wrong with one answer, or null. */
function checkValue(q: Question, v: unknown): string | null {
  switch (q.type) {
    case 'yes_no':
    case 'yes_no_unknown': {
      const allowed: readonly string[] = YES_NO_VALUES[q.type];
      return typeof v === 'string' && allowed.includes(v) ? null : `Answer ${allowed.join(', ')}`;
    }
    case 'single_choice':
      if (typeof v !== 'string') return 'Choose one option';
      return q.options?.some((o) => o.value === v) ? null : `Not an option: ${v}`;
    case 'multi_choice': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return 'Choose a list of options';
      const bad = v.find((x) => !q.options?.some((o) => o.value === x));
      if (bad !== undefined) return `Not an option: ${bad}`;
      if (new Set(v).size !== v.length) return 'An option is chosen twice';
      return q.required && v.length === 0 ? 'Choose at least one' : null;
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'Enter a number';
      if (q.integer && !Number.isInteger(v)) return 'Enter a whole number';
      if (q.min !== undefined && v < q.min) return `At least ${q.min}`;
      if (q.max !== undefined && v > q.max) return `At most ${q.max}`;
      return null;
    case 'text':
      if (typeof v !== 'string' || v.trim() === '') return 'Enter some text or leave the question out';
      if (v.length > q.maxLength) return `At most ${q.maxLength} characters`;
      return CONTROL.test(v) ? 'Control characters are not allowed' : null;
    case 'date':
      if (typeof v !== 'string' || !calendar.safeParse(v).success) return 'Use a date as YYYY-MM-DD';
      return plausible.safeParse(v).success ? null : 'Not a plausible date: before 1900 or in the future';
  }
}

/** Problems per question key, in interview order, then unknown keys. */
function answerProblems(
  template: ScreeningTemplate,
  input: unknown,
  facts?: PersonFacts,
): { key: string; message: string }[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ key: '', message: 'Answers are an object of question keys' }];
  const given = input as Record<string, unknown>;
  const questions = questionsOf(template);
  const out: { key: string; message: string }[] = [];
  // visibility only reads values it can compare, so unvalidated input is safe here
  const asked = new Set(visibility(template, given, facts).shown);
  // asked but for the person's sex or age (a pregnancy question for a man)
  const byAnswers = facts ? new Set(visibility(template, given).shown) : asked;
  for (const q of questions) {
    const present = Object.hasOwn(given, q.key) && given[q.key] !== undefined;
    if (!asked.has(q.key)) {
      if (present)
        out.push({
          key: q.key,
          message: byAnswers.has(q.key)
            ? 'Not asked: it does not apply to this person'
            : 'Not asked: an earlier answer hides this question',
        });
      continue;
    }
    if (!present) {
      if (q.required) out.push({ key: q.key, message: 'Required' });
      continue;
    }
    const problem = checkValue(q, given[q.key]);
    if (problem) out.push({ key: q.key, message: problem });
  }
  const known = new Set(questions.map((q) => q.key));
  for (const k of Object.keys(given))
    if (!known.has(k)) out.push({ key: k, message: 'Not a question of this template' });
  return out;
}

/** Field errors with paths `answers.<questionKey>`; empty when the answers are valid. */
export function validateAnswers(
  template: ScreeningTemplate,
  input: unknown,
  facts?: PersonFacts,
): FieldError[] {
  return answerProblems(template, input, facts).map(({ key, message }) => ({
    path: key ? `answers.${key}` : 'answers',
    message,
  }));
}

/** The same checks as a Zod schema, for forms: issues carry the question key as their path. */
export const answersFor = (template: ScreeningTemplate, facts?: PersonFacts) =>
  z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      for (const { key, message } of answerProblems(template, value, facts))
        ctx.addIssue({ code: 'custom', path: key ? [key] : [], message });
    })
    .transform((value) => value as Record<string, AnswerValue>);
