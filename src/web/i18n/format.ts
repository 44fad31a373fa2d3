// Numbers and dates in the user's language, with Latin digits (as used in the field in Libya).
import { currentLocale } from './index.ts';

const tag = () => `${currentLocale()}-u-nu-latn`;

export const formatNumber = (n: number): string => new Intl.NumberFormat(tag()).format(n);

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(), { dateStyle: 'medium' }).format(d);
}

/** Day and month only ("22 Nov"), e.g. for a chart's axis: no slashes to be reordered in RTL. */
export function formatDayMonth(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'short' }).format(d);
}
