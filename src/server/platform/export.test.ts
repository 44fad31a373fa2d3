import { describe, expect, it } from 'vitest';
import { FLAG_LABELS } from '../../domain/protection/flags';
import { cellOf, collect, toCsv } from './export';

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

  it('writes codes as words of the export’s language: tables, functions, lists and booleans', () => {
    type Row = { flags: string[]; sex: string; ok: boolean; n: number };
    const row: Row = { flags: ['child', 'pregnant'], sex: 'nobody-knows', ok: true, n: 3 };
    const flags = { key: 'flags' as const, value: (r: Row) => r.flags, labels: FLAG_LABELS };
    expect(cellOf(flags, row, 'ar')).toBe('طفل (دون 18 سنة)، امرأة أو فتاة حامل');
    expect(cellOf(flags, row, 'fr')).toBe('Enfant (moins de 18 ans), Femme ou fille enceinte');
    // a code its table does not know is written as it is, rather than lost
    expect(cellOf({ key: 'sex', value: (r: Row) => r.sex, labels: FLAG_LABELS }, row, 'en')).toBe(
      'nobody-knows',
    );
    const upper = (code: string, lang: string) => `${lang}:${code.toUpperCase()}`;
    expect(cellOf({ key: 'sex', value: (r: Row) => r.sex, labels: upper }, row, 'fr')).toBe(
      'fr:NOBODY-KNOWS',
    );
    expect(cellOf({ key: 'active', value: (r: Row) => r.ok }, row, 'fr')).toBe('Oui');
    expect(cellOf({ key: 'active', value: (r: Row) => !r.ok }, row, 'ar')).toBe('لا');
    expect(cellOf({ key: 'capacity', value: (r: Row) => r.n }, row, 'ar')).toBe(3);
  });
});
