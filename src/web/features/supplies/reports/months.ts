import { currentLocale } from '../../../i18n/index.ts';

/** "2026-03" → "Mar 2026" in the page's language (Latin digits). */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(`${currentLocale()}-u-nu-latn`, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
