// Answers as the form holds them, their checks (the domain's own, the server's too) and how they read.
import type { TFunction } from 'i18next';
import { answersFor } from '../../../../domain/protection/answers.ts';
import type { Answers, AnswerValue } from '../../../../domain/protection/conditions.ts';
import type { Question, ScreeningTemplate } from '../../../../domain/protection/template.ts';
import type { FieldErrors } from '../../../components/form/fieldErrors.ts';
import type { Localised } from '../labels.ts';

export type { Answers, AnswerValue };

/** Sets or clears one answer: an empty text, number or list is no answer. */
export function withAnswer(answers: Answers, key: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  const empty =
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** The template's checks, as errors on `answers.<question key>`, in the interface language where known. */
export function answerErrors(template: ScreeningTemplate, answers: Answers, t: TFunction): FieldErrors {
  const result = answersFor(template).safeParse(answers);
  if (result.success) return {};
  const out: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? `answers.${String(issue.path[0])}` : 'answers';
    out[key] ??=
      issue.message === 'Required' || issue.message === 'Choose at least one'
        ? t('validation.required')
        : `${t('validation.invalid')} — ${issue.message}`;
  }
  return out;
}

const YES_NO = new Set(['yes', 'no', 'unknown']);

/** An answer in words: yes/no in the interface language, options by their label, lists joined. */
export function answerText(q: Question, value: unknown, t: TFunction, l: Localised): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = (v: string) => {
    const found = q.options?.find((o) => o.value === v);
    return found ? l.text(found.label) : v;
  };
  if (q.type === 'yes_no' || q.type === 'yes_no_unknown')
    return typeof value === 'string' && YES_NO.has(value) ? t(`screening.values.${value}`) : String(value);
  if (q.type === 'single_choice') return option(String(value));
  if (q.type === 'multi_choice') return Array.isArray(value) ? value.map(String).map(option).join('; ') : '—';
  return String(value);
}
