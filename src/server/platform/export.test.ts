import { describe, expect, it } from 'vitest';
import { collect, toCsv } from './export';

describe('export helpers', () => {
  it('neutralises spreadsheet formulas and quotes per RFC 4180', () => {
    const out = toCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("x")', 'line\nbreak'],
        [null, 3],
      ],
    ).toString('utf8');
    expect(out).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")","line\nbreak"\r\n,3\r\n');
  });

  it('pages until the last cursor and refuses past the row cap', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'p2' },
      p2: { items: [3], nextCursor: null },
    };
    expect(await collect(async (c) => pages[c ?? 'start']!)).toEqual([1, 2, 3]);
    await expect(collect(async (c) => pages[c ?? 'start']!, 2)).rejects.toMatchObject({ status: 422 });
  });
});
