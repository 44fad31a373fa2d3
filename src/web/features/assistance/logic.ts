// The quick entry's and the report's rules, kept apart from the components so they are tested
// without a browser.
import type { DistributionLine, DistributionReport, EligibilityWarning, PersonAssistance } from './api.ts';

/** The quantities typed in a person's row, by item id ('' while the input is empty). */
export type Quantities = Record<string, number | string>;

/** Every item of the event starts at 1: most people get one of each. */
export const defaultQuantities = (itemIds: readonly string[]): Quantities =>
  Object.fromEntries(itemIds.map((id) => [id, 1]));

/** The row's lines, in the event's item order; items left at 0 or empty are not handed out. */
export function rowLines(itemIds: readonly string[], quantities: Quantities) {
  return itemIds.flatMap((itemId) => {
    const q = quantities[itemId];
    const n = typeof q === 'number' ? q : Number(q);
    return q === '' || !Number.isFinite(n) || n === 0 ? [] : [{ itemId, quantity: n }];
  });
}

export type RowProblem = 'nothing' | 'reasonNeeded';

/**
 * What stops a row from being saved, before the server is asked: no item at all, or a warning
 * without a reason to override it (the server refuses that too, with 422).
 */
export function rowProblem(
  lines: readonly unknown[],
  warnings: readonly EligibilityWarning[],
  reason: string,
): RowProblem | null {
  if (lines.length === 0) return 'nothing';
  if (warnings.length > 0 && reason.trim() === '') return 'reasonNeeded';
  return null;
}

/** The body of POST /distributions/:id/recipients; the reason only when a rule warned. */
export function recipientBody(
  personId: string,
  lines: { itemId: string; quantity: number }[],
  warnings: readonly EligibilityWarning[],
  reason: string,
) {
  const overrideReason = warnings.length > 0 ? reason.trim() : undefined;
  return { personId, lines, ...(overrideReason ? { overrideReason } : {}) };
}

/** People who already received something at this event (cancelled lines do not count). */
export const servedPeople = (lines: readonly DistributionLine[]): Set<string> =>
  new Set(lines.flatMap((l) => (l.personId && !l.cancelled ? [l.personId] : [])));

/** The latest earlier date among a warning's distributions. */
export const lastPrevious = (w: EligibilityWarning): string | null =>
  w.previous.reduce<string | null>((m, p) => (m === null || p.occurredOn > m ? p.occurredOn : m), null);

export type Measure = 'people' | 'quantity';

/**
 * The report as a bar chart's data: one bar group per row label of the first dimension; with a
 * second dimension, one series per its labels (a missing pair is 0).
 */
export function chartData(report: DistributionReport, measure: Measure) {
  const two = report.by.length > 1;
  const series: string[] = [];
  const groups = new Map<string, Record<string, string | number>>();
  for (const row of report.rows) {
    const group = row.labels[0] ?? '';
    const name = two ? (row.labels[1] ?? '') : measure;
    if (!series.includes(name)) series.push(name);
    const entry = groups.get(group) ?? { group };
    entry[name] = (Number(entry[name]) || 0) + row[measure];
    groups.set(group, entry);
  }
  const data = [...groups.values()].map((g) => {
    for (const s of series) g[s] ??= 0;
    return g;
  });
  return { data, series };
}

/**
 * A person's received items, newest first, one row per distribution and item (an item handed
 * out from two lots at one event is one row, its quantities added).
 */
export function receivedRows(items: readonly PersonAssistance['items'][number][]) {
  const rows = new Map<string, PersonAssistance['items'][number]>();
  for (const x of items) {
    const key = `${x.distributionId}|${x.itemName}`;
    const seen = rows.get(key);
    rows.set(key, seen ? { ...seen, quantity: seen.quantity + x.quantity } : { ...x });
  }
  return [...rows.entries()]
    .map(([key, row]) => ({ key, ...row }))
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || a.itemName.localeCompare(b.itemName));
}
