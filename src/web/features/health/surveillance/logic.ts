// The dashboard's pure parts: which week to show, which cells carry an alert, where the curve's
// threshold line goes. Kept apart from the components so they are tested without a browser.
import type { AlertRule, AlertStatus } from '../../../../domain/health/alert-rules.ts';
import type { Syndrome } from '../../../../domain/health/syndromes.ts';
import { addWeeks, isoWeek, isoWeekOf } from '../../../../domain/health/weeks.ts';

/** Weeks on the epidemic curve: a year, ending with the week shown. */
export const CURVE_WEEKS = 52;

/** The local calendar date (the clinic's day, not UTC's). */
export const localDate = (d = new Date()): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The ISO week holding `date` (today by default). */
export const currentWeek = (date = localDate()): string => isoWeekOf(date);

export const isValidWeek = (w: string | undefined | null): w is string => !!w && isoWeek.safeParse(w).success;

/** The week `n` weeks away, or null past the app's date range. */
export function stepWeek(week: string, n: number): string | null {
  const next = addWeeks(week, n);
  return isValidWeek(next) ? next : null;
}

/** The curve's weeks: the 52 ending with `week`. */
export const curveRange = (week: string) => ({ from: addWeeks(week, -(CURVE_WEEKS - 1)), to: week });

const cell = (centreId: string, syndrome: string) => `${centreId}|${syndrome}`;

/** Alerts still standing (not discarded) per centre and syndrome: the cells the table marks. */
export function alertCells(
  alerts: readonly { centreId: string; syndrome: string; status: AlertStatus }[],
): Map<string, AlertStatus> {
  const out = new Map<string, AlertStatus>();
  // an alert still new outweighs one already acted on: it is what needs doing
  const weight: Record<AlertStatus, number> = { new: 3, verified: 2, responded: 1, discarded: 0 };
  for (const a of alerts) {
    if (a.status === 'discarded') continue;
    const key = cell(a.centreId, a.syndrome);
    const prev = out.get(key);
    if (!prev || weight[a.status] > weight[prev]) out.set(key, a.status);
  }
  return out;
}
export const cellAlert = (cells: Map<string, AlertStatus>, centreId: string, syndrome: string) =>
  cells.get(cell(centreId, syndrome));

export type CurveMeasure = 'cases' | 'rate';

/**
 * The threshold to draw on the curve: the lowest active rule of the syndrome whose kind matches
 * what is plotted (a count rule on cases, a rate rule on the rate). A rule counting only some
 * cases (the cholera alert's aged 2+ and severely dehydrated) is left out: its line would be
 * compared with bars that count every case.
 */
export function thresholdFor(
  rules: readonly AlertRule[],
  syndrome: Syndrome,
  measure: CurveMeasure,
): number | null {
  const kind = measure === 'cases' ? 'count' : 'rate';
  const found = rules
    .filter((r) => r.active && r.syndrome === syndrome && r.kind === kind && !r.filter)
    .map((r) => r.threshold);
  return found.length > 0 ? Math.min(...found) : null;
}

/** The chart's rows: the week's short label ("W05", the year when it changes) and the value. */
export function curveRows(
  points: readonly { week: string; cases: number; rate: number | null }[],
  measure: CurveMeasure,
): { week: string; label: string; value: number | null }[] {
  return points.map((p, i) => {
    const [year, w] = p.week.split('-');
    const prevYear = i > 0 ? points[i - 1]!.week.slice(0, 4) : null;
    return {
      week: p.week,
      label: i === 0 || prevYear !== year ? `${w} ${year}` : (w ?? p.week),
      value: measure === 'cases' ? p.cases : p.rate,
    };
  });
}
