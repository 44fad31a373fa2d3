// The eligibility rules as the settings form edits them: one row per category, switched on or off.
import {
  type EligibilityRule,
  ITEM_CATEGORIES,
  type ItemCategory,
} from '../../../domain/supplies/catalogue.ts';

export type RuleRows = Record<
  ItemCategory,
  { on: boolean; intervalDays: number | string; allowed: number | string }
>;

/** A row per category: the mission's rule where it has one, else off with a month and one. */
export function ruleRows(rules: readonly EligibilityRule[]): RuleRows {
  const byCategory = new Map(rules.map((r) => [r.category, r]));
  return Object.fromEntries(
    ITEM_CATEGORIES.map((c) => {
      const r = byCategory.get(c);
      return [c, { on: !!r, intervalDays: r?.intervalDays ?? 30, allowed: r?.allowed ?? 1 }];
    }),
  ) as RuleRows;
}

/** The rules to PUT: the rows switched on, in the categories' order ('' stays for the schema to refuse). */
export function rulesOf(rows: RuleRows) {
  const num = (v: number | string) => (v === '' ? undefined : Number(v));
  return ITEM_CATEGORIES.filter((c) => rows[c].on).map((c) => ({
    category: c,
    intervalDays: num(rows[c].intervalDays),
    allowed: num(rows[c].allowed),
  }));
}
