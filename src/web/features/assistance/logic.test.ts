import { describe, expect, it } from 'vitest';
import type { DistributionLine, DistributionReport, EligibilityWarning } from './api.ts';
import {
  chartData,
  defaultQuantities,
  lastPrevious,
  receivedRows,
  recipientBody,
  rowLines,
  rowProblem,
  servedPeople,
} from './logic.ts';

const A = '00000000-0000-7000-8000-00000000000a';
const B = '00000000-0000-7000-8000-00000000000b';
const P = '00000000-0000-7000-8000-0000000000f1';

const warning: EligibilityWarning = {
  category: 'clothing',
  intervalDays: 30,
  allowed: 1,
  previous: [
    { distributionId: A, occurredOn: '2026-10-02' },
    { distributionId: B, occurredOn: '2026-10-20' },
  ],
};

describe('quick entry row', () => {
  it('offers each item of the event at 1', () => {
    expect(defaultQuantities([A, B])).toEqual({ [A]: 1, [B]: 1 });
  });

  it('keeps the event order and leaves out items at 0 or emptied', () => {
    expect(rowLines([A, B], { [A]: 2, [B]: 1 })).toEqual([
      { itemId: A, quantity: 2 },
      { itemId: B, quantity: 1 },
    ]);
    expect(rowLines([A, B], { [A]: 0, [B]: '' })).toEqual([]);
    expect(rowLines([A, B], { [A]: '3' })).toEqual([{ itemId: A, quantity: 3 }]);
  });

  it('refuses an empty row, and a warned row without a reason', () => {
    expect(rowProblem([], [], '')).toBe('nothing');
    expect(rowProblem([{}], [warning], '  ')).toBe('reasonNeeded');
    expect(rowProblem([{}], [warning], 'Lost his clothes in the fire')).toBeNull();
    expect(rowProblem([{}], [], '')).toBeNull();
  });

  it('sends the override reason only when a rule warned', () => {
    const lines = [{ itemId: A, quantity: 1 }];
    expect(recipientBody(P, lines, [], 'typed before a warning went away')).toEqual({ personId: P, lines });
    expect(recipientBody(P, lines, [warning], ' torn ')).toEqual({
      personId: P,
      lines,
      overrideReason: 'torn',
    });
  });

  it("names a warning's latest earlier distribution", () => {
    expect(lastPrevious(warning)).toBe('2026-10-20');
    expect(lastPrevious({ ...warning, previous: [] })).toBeNull();
  });
});

const line = (personId: string | null, cancelled = false) =>
  ({ personId, cancelled }) as unknown as DistributionLine;

describe('served people', () => {
  it('counts people with a line that is not cancelled; bulk lines have no one', () => {
    const served = servedPeople([line(A), line(B, true), line(null)]);
    expect([...served]).toEqual([A]);
  });
});

describe('report chart', () => {
  const row = (labels: string[], people: number, quantity: number) => ({
    keys: labels,
    labels,
    people,
    lines: people,
    quantity,
  });

  it('one dimension: one bar per row, of the measure chosen', () => {
    const report: DistributionReport = {
      by: ['centre'],
      rows: [row(['Centre A'], 3, 7), row(['Centre B'], 2, 2)],
      totalPeople: 5,
      totalQuantity: 9,
    };
    expect(chartData(report, 'people')).toEqual({
      data: [
        { group: 'Centre A', people: 3 },
        { group: 'Centre B', people: 2 },
      ],
      series: ['people'],
    });
    expect(chartData(report, 'quantity').data[0]).toEqual({ group: 'Centre A', quantity: 7 });
  });

  it('two dimensions: a series per column label, 0 where a pair has no row', () => {
    const report: DistributionReport = {
      by: ['centre', 'sex'],
      rows: [
        row(['Centre A', 'Female'], 1, 1),
        row(['Centre A', 'Male'], 2, 2),
        row(['Centre B', 'Male'], 4, 4),
      ],
      totalPeople: 7,
      totalQuantity: 7,
    };
    expect(chartData(report, 'people')).toEqual({
      data: [
        { group: 'Centre A', Female: 1, Male: 2 },
        { group: 'Centre B', Female: 0, Male: 4 },
      ],
      series: ['Female', 'Male'],
    });
  });
});

describe("a person's received items", () => {
  const x = (distributionId: string, occurredOn: string, itemName: string, quantity: number) => ({
    distributionId,
    reference: 'D',
    occurredOn,
    centreName: 'C',
    itemName,
    category: 'clothing' as const,
    quantity,
    baseUnit: 'piece',
    packSize: 1,
  });

  it('adds up one item handed from two lots at one event, newest event first', () => {
    const rows = receivedRows([
      x(A, '2026-01-01', 'Shirt', 1),
      x(B, '2026-02-01', 'Shirt', 1),
      x(A, '2026-01-01', 'Shirt', 2),
    ]);
    expect(rows.map((r) => [r.distributionId, r.quantity])).toEqual([
      [B, 1],
      [A, 3],
    ]);
  });
});
