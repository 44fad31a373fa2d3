/**
 * Statistical disclosure control for the aggregates shown to roles that see no people (DESIGN §5,
 * §8): a count under the threshold is hidden (primary suppression), and so is at least one more
 * entry of every row and column that holds a hidden one (complementary suppression), so that no
 * hidden count is the total minus the counts shown beside it.
 */

/** Counts under this are hidden from those who may not see people. */
export const DISCLOSURE_THRESHOLD = 5;

/** A count as published: null when hidden. */
export type Cell = number | null;

/** One additive relation of a table: the entries at `parts` add up to the entry at `total`. */
interface Line {
  parts: number[];
  total: number;
}

const small = (n: number, threshold: number) => n > 0 && n < threshold;

/**
 * Which entries to hide, given every entry of a table (cells and totals alike) and the lines that
 * tie them. Zeros are never hidden (hiding one would make `total − shown` equal a hidden count).
 * A line with exactly one hidden entry gives that entry away, so it gets a complement: the
 * smallest non-zero part still shown, else its total; repeated until no line has exactly one.
 */
function protect(values: number[], lines: Line[], threshold: number): boolean[] {
  const hidden = values.map((v) => small(v, threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const members = [...line.parts, line.total];
      if (members.filter((i) => hidden[i]).length !== 1) continue;
      const shown = line.parts
        .filter((i) => !hidden[i] && values[i]! > 0)
        .sort((x, y) => values[x]! - values[y]! || x - y);
      const next = shown[0] ?? line.total;
      // the only hidden entry is a part equal to the total, or the total of shown zeros: neither
      // case arises (a hidden part is > 0; a hidden total of zero parts would be 0 and shown)
      if (hidden[next]) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

const publish = (values: number[], hidden: boolean[]): Cell[] => values.map((v, i) => (hidden[i] ? null : v));

/** A one-way breakdown (by sex, by age group…) and its total. */
export function suppressRow(
  cells: readonly number[],
  threshold = DISCLOSURE_THRESHOLD,
): { cells: Cell[]; total: Cell; suppressed: boolean } {
  const total = cells.reduce((s, n) => s + n, 0);
  const values = [...cells, total];
  const hidden = protect(values, [{ parts: cells.map((_, i) => i), total: cells.length }], threshold);
  const out = publish(values, hidden);
  return { cells: out.slice(0, cells.length), total: out[cells.length]!, suppressed: hidden.some(Boolean) };
}

/** A two-way table (e.g. sex × age group) with its row, column and grand totals. */
export function suppressTable(
  table: readonly (readonly number[])[],
  threshold = DISCLOSURE_THRESHOLD,
): { cells: Cell[][]; rowTotals: Cell[]; colTotals: Cell[]; total: Cell; suppressed: boolean } {
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  if (table.some((r) => r.length !== cols)) throw new Error('The table is not rectangular');
  const at = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const values = [
    ...table.flat(),
    ...table.map((r) => r.reduce((s, n) => s + n, 0)),
    ...Array.from({ length: cols }, (_, c) => table.reduce((s, r) => s + r[c]!, 0)),
    table.flat().reduce((s, n) => s + n, 0),
  ];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const lines: Line[] = [
    ...range(rows).map((r) => ({ parts: range(cols).map((c) => at(r, c)), total: rowTotal(r) })),
    ...range(cols).map((c) => ({ parts: range(rows).map((r) => at(r, c)), total: colTotal(c) })),
    { parts: range(rows).map(rowTotal), total: grand },
    { parts: range(cols).map(colTotal), total: grand },
  ];
  const hidden = protect(values, lines, threshold);
  const out = publish(values, hidden);
  return {
    cells: range(rows).map((r) => out.slice(at(r, 0), at(r, 0) + cols)),
    rowTotals: out.slice(rowTotal(0), rowTotal(0) + rows),
    colTotals: out.slice(colTotal(0), colTotal(0) + cols),
    total: out[grand]!,
    suppressed: hidden.some(Boolean),
  };
}
