// Pure helpers of the reintegration pages: money in minor units, score display, answer checks.
import type { SurveyTemplate } from '../../../../domain/returns/sustainability.ts';
import { minorDigits } from '../../supplies/stock/lines.ts';

/** 125000 USD minor units → "$1,250.00" in the reader's language (the code when Intl lacks it). */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const value = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${currency}`;
  }
}

/** A score 0–1 as a percentage, for reading (the stored value keeps its precision). */
export const percent = (score: number): number => Math.round(score * 100);

/** The questions not yet answered (the form says so before the server does). */
export const unanswered = (t: SurveyTemplate, answers: Readonly<Record<string, string>>): string[] =>
  t.questions.filter((q) => !answers[q.id]).map((q) => q.id);

/** Questions grouped by dimension, in the template's order of dimensions. */
export const byDimension = (t: SurveyTemplate) =>
  t.dimensions.map((d) => ({ dimension: d, questions: t.questions.filter((q) => q.dimension === d.key) }));

/** Today as YYYY-MM-DD (the default day of a delivery or a follow-up). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Organisation kinds that cannot implement a plan (the server refuses them too). */
export const NOT_PARTNER_KINDS: readonly string[] = ['embassy', 'authority'];
