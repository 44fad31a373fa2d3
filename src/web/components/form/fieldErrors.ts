// Maps Zod issues (client-side, shared schemas) and server `errors[{path, message}]` to a flat
// { "field.path": "message" } record that Mantine inputs show in place.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldProblem } from '../../api/client.ts';

export type FieldErrors = Record<string, string>;

/** "roles.0.centreIds", "/roles/0/centreIds", "body.roles[0].centreIds" → "roles.0.centreIds" */
export function normalisePath(path: string | readonly PropertyKey[]): string {
  const raw = Array.isArray(path) ? path.map(String).join('.') : String(path);
  return raw
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/^body\./, '');
}

type Issue = z.core.$ZodIssue;

function sizeLimit(issue: Issue, which: 'minimum' | 'maximum'): number | undefined {
  const value = (issue as unknown as Record<string, unknown>)[which];
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

/** A translated message for one Zod issue; a schema's own (English) hint is kept after it. */
export function issueMessage(issue: Issue, t: TFunction): string {
  const origin = (issue as { origin?: string }).origin;
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined
        ? t('validation.required')
        : t('validation.invalid');
    case 'too_small': {
      const min = sizeLimit(issue, 'minimum');
      if (origin === 'string' && min === 1) return t('validation.required');
      if (origin === 'array') return t('validation.tooFewItems', { n: min ?? 1 });
      if (origin === 'string') return t('validation.tooShort', { n: min ?? 1 });
      return t('validation.tooSmall', { min });
    }
    case 'too_big': {
      const max = sizeLimit(issue, 'maximum');
      if (origin === 'array') return t('validation.tooManyItems', { n: max ?? 0 });
      if (origin === 'string') return t('validation.tooLong', { n: max ?? 0 });
      return t('validation.tooBig', { max });
    }
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      if (format === 'email') return t('validation.email');
      if (format === 'uuid') return t('validation.choose');
      if (format === 'regex' && issue.message && !issue.message.startsWith('Invalid'))
        return `${t('validation.format')} — ${issue.message}`;
      return t('validation.format');
    }
    case 'invalid_value':
      return t('validation.choose');
    case 'custom': {
      // shared refinements (e.g. plausible dates) name their own translation key
      const key = (issue as { params?: { i18n?: unknown } }).params?.i18n;
      return typeof key === 'string' ? t(key) : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

export function zodErrors(issues: readonly Issue[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = normalisePath(issue.path) || '_form';
    out[key] ??= issueMessage(issue, t);
  }
  return out;
}

/** Server messages are English: shown as they are, after a translated generic label. */
export function serverErrors(errors: readonly FieldProblem[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = normalisePath(e.path) || '_form';
    out[key] = out[key] ? `${out[key]}; ${e.message}` : `${t('validation.server')}: ${e.message}`;
  }
  return out;
}

/** Errors for keys the form does not render (e.g. "_form") so they are not silently lost. */
export function unplacedErrors(errors: FieldErrors, placed: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !placed.some((p) => k === p || k.startsWith(`${p}.`)))
    .map(([k, v]) => (k === '_form' ? v : `${k}: ${v}`));
}
