import { type Cell, DISCLOSURE_THRESHOLD, suppressRow } from '../common/suppression';

/** A stay as the population rules see it: dates are whole days, the end day is not counted. */
export interface Stay {
  centreId: string;
  admittedOn: string;
  endedOn: string | null;
}

/** In the centre on `date`: admitted on or before it, and not yet gone (an end date is exclusive). */
export const presentOn = (s: Stay, date: string) =>
  s.admittedOn <= date && (s.endedOn === null || s.endedOn > date);

export const populationOn = (stays: Stay[], centreId: string, date: string) =>
  stays.filter((s) => s.centreId === centreId && presentOn(s, date)).length;

export { DISCLOSURE_THRESHOLD } from '../common/suppression';

/**
 * A centre's one-way breakdowns (by sex, age group, nationality…) of one population, as a reader
 * sees them: exact for those who may see people; otherwise each breakdown is protected against
 * small cells and their recovery from the total, and the shared total is hidden if any hides it.
 */
export function publishBreakdowns<K extends string>(
  breakdowns: Record<K, number[]>,
  total: number,
  exact: boolean,
): { total: Cell; breakdowns: Record<K, Cell[]>; suppressed: boolean } {
  if (exact) return { total, breakdowns, suppressed: false };
  const out = {} as Record<K, Cell[]>;
  let shownTotal: Cell = total;
  let suppressed = false;
  for (const key of Object.keys(breakdowns) as K[]) {
    const row = suppressRow(breakdowns[key]);
    out[key] = row.cells;
    if (row.total === null) shownTotal = null;
    suppressed ||= row.suppressed;
  }
  if (publishTotal(total, false).total === null) shownTotal = null;
  return { total: shownTotal, breakdowns: out, suppressed: suppressed || shownTotal === null };
}

/** A centre's headcount alone (no breakdown): hidden under the threshold unless the reader sees people. */
export function publishTotal(total: number, exact: boolean): { total: Cell; suppressed: boolean } {
  const hidden = !exact && total > 0 && total < DISCLOSURE_THRESHOLD;
  return { total: hidden ? null : total, suppressed: hidden };
}

/** Counts over time (one per day, no totals shown): small ones hidden unless the reader sees people. */
export const publishSeries = (counts: number[], exact: boolean): Cell[] =>
  exact ? counts : counts.map((n) => suppressRow([n]).total);
