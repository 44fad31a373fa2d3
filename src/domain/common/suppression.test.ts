import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, suppressRow, suppressTable } from './suppression';

describe('suppressRow', () => {
  it.each([
    // nothing small: all shown
    [[5, 7, 0], [5, 7, 0], 12],
    // one small cell: the next-smallest non-zero cell hides with it, the total stays
    [[3, 7, 0, 0], [null, null, 0, 0], 10],
    [[3, 9, 6, 20], [null, 9, null, 20], 38],
    // two small cells protect each other
    [[2, 1, 9], [null, null, 9], 12],
    // a small total hides with its only cell
    [[3, 0, 0], [null, 0, 0], null],
    [[2, 1, 0], [null, null, 0], null],
    [[0, 0, 0], [0, 0, 0], 0],
  ] as [number[], Cell[], Cell][])('%j → %j, total %j', (cells, shown, total) => {
    const out = suppressRow(cells);
    expect(out.cells).toEqual(shown);
    expect(out.total).toEqual(total);
    expect(out.suppressed).toBe(shown.includes(null) || total === null);
  });

  it('the population of the bug report: a hidden female count is no longer total − male', () => {
    // female 3, male 7, total 10: showing male and total gave the 3 away
    const out = suppressRow([3, 7, 0, 0]);
    expect(out.total).toBe(10);
    expect(out.cells.filter((c) => c === null)).toHaveLength(2);
  });
});

describe('suppressTable', () => {
  it('hides a complement in the row and in the column, and again where that opens a line', () => {
    // sex × age group
    const out = suppressTable([
      [2, 10, 8],
      [6, 12, 9],
    ]);
    expect(out.cells).toEqual([
      [null, 10, null],
      [null, 12, null],
    ]);
    expect(out.rowTotals).toEqual([20, 27]);
    expect(out.colTotals).toEqual([8, 22, 17]);
    expect(out.total).toBe(47);
  });

  it('hides small totals and protects them within the margins', () => {
    const out = suppressTable([
      [1, 0],
      [6, 7],
      [9, 8],
    ]);
    expect(out.cells[0]).toEqual([null, 0]);
    expect(out.rowTotals[0]).toBeNull();
    // the hidden row total needs a partner among the row totals, and the first column another cell
    expect(out.rowTotals.filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
    expect(out.cells.map((r) => r[0]).filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a ragged table', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow();
  });
});

/** Every additive line of a published table: its parts and total, true and shown. */
function linesOf(table: number[][], out: ReturnType<typeof suppressTable>) {
  const rows = table.length;
  const cols = table[0]!.length;
  const rowSum = table.map((r) => r.reduce((s, n) => s + n, 0));
  const colSum = Array.from({ length: cols }, (_, c) => table.reduce((s, r) => s + r[c]!, 0));
  const grand = rowSum.reduce((s, n) => s + n, 0);
  const line = (parts: [number, Cell][], total: [number, Cell]) => ({ parts, total });
  return [
    ...table.map((r, i) =>
      line(
        r.map((v, c) => [v, out.cells[i]![c]!]),
        [rowSum[i]!, out.rowTotals[i]!],
      ),
    ),
    ...Array.from({ length: cols }, (_, c) =>
      line(
        Array.from({ length: rows }, (_, i) => [table[i]![c]!, out.cells[i]![c]!]),
        [colSum[c]!, out.colTotals[c]!],
      ),
    ),
    line(
      rowSum.map((v, i) => [v, out.rowTotals[i]!]),
      [grand, out.total],
    ),
    line(
      colSum.map((v, c) => [v, out.colTotals[c]!]),
      [grand, out.total],
    ),
  ];
}

describe('suppression properties', () => {
  const tables = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([r, c]) =>
      fc.array(fc.array(fc.nat({ max: 14 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );

  it('hides every small count, shows true values, and leaves no hidden count as total − shown', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const out = suppressTable(table);
        for (const { parts, total } of linesOf(table, out)) {
          for (const [value, shown] of [...parts, total]) {
            if (value > 0 && value < 5) expect(shown).toBeNull();
            if (shown !== null) expect(shown).toBe(value);
          }
          const hiddenParts = parts.filter(([, s]) => s === null).map(([v]) => v);
          if (total[1] !== null) {
            const rest = total[1] - parts.reduce((s, [, shown]) => s + (shown ?? 0), 0);
            for (const v of hiddenParts) expect(rest).not.toBe(v);
          } else {
            // a hidden total is not the sum of its parts either
            expect(hiddenParts.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a one-way breakdown hides small counts and gives none away through its total', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 14 }), { minLength: 1, maxLength: 12 }), (cells) => {
        const row = suppressRow(cells);
        for (const [i, v] of cells.entries()) {
          if (v > 0 && v < 5) expect(row.cells[i]).toBeNull();
        }
        if (row.total !== null) {
          const hidden = cells.filter((_, i) => row.cells[i] === null);
          const rest = row.total - row.cells.reduce<number>((s, c) => s + (c ?? 0), 0);
          for (const v of hidden) expect(rest).not.toBe(v);
        }
        if (row.total !== null) expect(row.total).toBe(cells.reduce((s, n) => s + n, 0));
      }),
      { numRuns: 300 },
    );
  });
});
