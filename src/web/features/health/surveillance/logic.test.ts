import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../../../domain/health/alert-rules.ts';
import {
  alertCells,
  cellAlert,
  currentWeek,
  curveRange,
  curveRows,
  stepWeek,
  thresholdFor,
} from './logic.ts';

describe('weeks on the dashboard', () => {
  it('opens on the ISO week of the day, week 53 and the new year included', () => {
    expect(currentWeek('2026-12-31')).toBe('2026-W53');
    expect(currentWeek('2027-01-03')).toBe('2026-W53');
    expect(currentWeek('2027-01-04')).toBe('2027-W01');
  });

  it('steps across the year and stops at the edge of the date range', () => {
    expect(stepWeek('2026-W53', 1)).toBe('2027-W01');
    expect(stepWeek('2027-W01', -1)).toBe('2026-W53');
    expect(stepWeek('1900-W01', -1)).toBeNull();
    expect(stepWeek('2999-W52', 1)).toBeNull();
  });

  it('draws the curve over the 52 weeks ending with the week shown', () => {
    // 2026 has 53 weeks
    expect(curveRange('2027-W01')).toEqual({ from: '2026-W03', to: '2027-W01' });
  });
});

describe('cells with an alert', () => {
  const a = (centreId: string, syndrome: string, status: 'new' | 'verified' | 'responded' | 'discarded') => ({
    centreId,
    syndrome,
    status,
  });

  it('marks a centre and syndrome with its most pressing standing alert, never a discarded one', () => {
    const cells = alertCells([
      a('c1', 'scabies', 'responded'),
      a('c1', 'scabies', 'new'),
      a('c1', 'measles', 'discarded'),
      a('c2', 'scabies', 'verified'),
    ]);
    expect(cellAlert(cells, 'c1', 'scabies')).toBe('new');
    expect(cellAlert(cells, 'c2', 'scabies')).toBe('verified');
    expect(cellAlert(cells, 'c1', 'measles')).toBeUndefined();
    expect(cellAlert(cells, 'c2', 'measles')).toBeUndefined();
  });
});

describe('the threshold on the curve', () => {
  it('takes the count rule on cases and the rate rule on the rate', () => {
    expect(thresholdFor(DEFAULT_ALERT_RULES, 'measles', 'cases')).toBe(1);
    expect(thresholdFor(DEFAULT_ALERT_RULES, 'scabies', 'rate')).toBe(20);
    expect(thresholdFor(DEFAULT_ALERT_RULES, 'scabies', 'cases')).toBeNull();
  });

  it('leaves out a rule that counts only some cases (cholera: aged 2+, severely dehydrated)', () => {
    expect(thresholdFor(DEFAULT_ALERT_RULES, 'acute_watery_diarrhoea', 'cases')).toBeNull();
    expect(thresholdFor(DEFAULT_ALERT_RULES, 'acute_watery_diarrhoea', 'rate')).toBe(10);
  });

  it('ignores inactive rules and takes the lowest of several', () => {
    const rules = [
      { code: 'a', syndrome: 'tuberculosis', kind: 'count', threshold: 4, active: true },
      { code: 'b', syndrome: 'tuberculosis', kind: 'count', threshold: 3, active: true },
      { code: 'c', syndrome: 'tuberculosis', kind: 'count', threshold: 1, active: false },
    ] as const;
    expect(thresholdFor(rules, 'tuberculosis', 'cases')).toBe(3);
  });
});

describe('the curve rows', () => {
  it('labels each week, with the year where it changes, and plots the measure chosen', () => {
    const points = [
      { week: '2026-W52', cases: 2, rate: 1.5 },
      { week: '2026-W53', cases: 0, rate: null },
      { week: '2027-W01', cases: 5, rate: 4 },
    ];
    expect(curveRows(points, 'cases')).toEqual([
      { week: '2026-W52', label: 'W52 2026', value: 2 },
      { week: '2026-W53', label: 'W53', value: 0 },
      { week: '2027-W01', label: 'W01 2027', value: 5 },
    ]);
    expect(curveRows(points, 'rate').map((r) => r.value)).toEqual([1.5, null, 4]);
  });
});

describe('the pages’ addresses', () => {
  it('accept every syndrome and status of the domain, and nothing else', async () => {
    const { surveillanceSearch, alertsSearch } = await import('./search.ts');
    const { SYNDROMES } = await import('../../../../domain/health/syndromes.ts');
    const { ALERT_STATUSES } = await import('../../../../domain/health/alert-rules.ts');
    for (const syndrome of SYNDROMES) expect(surveillanceSearch.parse({ syndrome }).syndrome).toBe(syndrome);
    for (const status of ALERT_STATUSES) expect(alertsSearch.parse({ status }).status).toBe(status);
    expect(surveillanceSearch.parse({ syndrome: 'flu', week: 'soon' })).toEqual({});
  });
});
