import { describe, expect, it } from 'vitest';
import { eligibilityRulesSet } from '../../../domain/supplies/catalogue.ts';
import { ruleRows, rulesOf } from './rules.ts';

describe('eligibility rules form', () => {
  it('has a row per category: the rule where there is one, else off', () => {
    const rows = ruleRows([{ category: 'clothing', intervalDays: 30, allowed: 1 }]);
    expect(rows.clothing).toEqual({ on: true, intervalDays: 30, allowed: 1 });
    expect(rows.hygiene).toEqual({ on: false, intervalDays: 30, allowed: 1 });
  });

  it('sends only the rows switched on, which the shared schema accepts', () => {
    const rows = ruleRows([]);
    rows.bedding = { on: true, intervalDays: 90, allowed: 2 };
    const items = rulesOf(rows);
    expect(items).toEqual([{ category: 'bedding', intervalDays: 90, allowed: 2 }]);
    expect(eligibilityRulesSet.safeParse({ items }).success).toBe(true);
  });

  it('leaves an emptied number for the schema to refuse, at its field', () => {
    const rows = ruleRows([{ category: 'clothing', intervalDays: 30, allowed: 1 }]);
    rows.clothing.intervalDays = '';
    const parsed = eligibilityRulesSet.safeParse({ items: rulesOf(rows) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['items', 0, 'intervalDays']);
  });
});
