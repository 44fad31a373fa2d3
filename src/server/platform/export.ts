import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type LabelTable, labelOf } from '../../domain/common/labels';
import { type Locale, locale } from '../../domain/common/schemas';
import { currentUser } from './auth/plugin';
import { badRequest, unprocessable } from './errors';
import { EXPORT_LABELS, EXPORT_YES_NO, type ExportLabel, LIST_SEPARATOR } from './export-labels';
import { read, type Work } from './http';
import { errorResponses } from './http-schemas';

/**
 * Exports of lists (XLSX and CSV), built once here and registered by each module beside its list:
 * `GET /<list>/export?format=xlsx|csv&lang=&<the list's filters>`. The module hands over its list's
 * page function — the same scoped query and presenter as the list, so an export never shows a row
 * or a field the reader could not see there — and the policy check of reading the list.
 *
 * All pages are read in ONE transaction, which also writes the `export` audit event (resource,
 * filter, format, row count). Exports are capped at EXPORT_ROW_CAP rows: past it the export is
 * refused (422, nothing audited) and the reader narrows the filter, rather than getting a silently
 * cut file. Headers and values are in the export's language (`?lang=`, else the reader's).
 */
export const EXPORT_ROW_CAP = 10_000;
const PAGE = 200;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Cell = string | number | boolean | null | undefined;

export interface ExportColumn<T> {
  /** its header, translated in export-labels.ts */
  key: ExportLabel;
  /** the cell; a list of codes is written as one cell, each code translated */
  value: (item: T) => Cell | readonly string[];
  /**
   * What the codes in this column say, in the export's language: the enum's table (the same as
   * the web app's, in src/domain) or a function (country names). Booleans are always translated.
   */
  labels?: LabelTable | ((code: string, lang: Locale) => string);
}

type Page<T> = { items: T[]; nextCursor: string | null };

// biome-ignore lint/suspicious/noExplicitAny: the list's own query schema, whatever its filters
type ListQuery = z.ZodObject<any>;

export interface ExportSpec<Q extends ListQuery, T> {
  /** the list's path, e.g. '/persons' (the export is at '/persons/export') */
  path: string;
  /** the audit event's entity type and the file's name */
  resource: string;
  tags: string[];
  /** the list's query schema; `limit` and `cursor` are dropped, `format` and `lang` added */
  query: Q;
  /** the same policy check as reading the list */
  authorize: (w: Work) => void;
  /** one page of the list, as the list shows it */
  page: (w: Work, q: z.infer<Q>) => Promise<Page<T>>;
  columns: ExportColumn<T>[];
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The filter as given (no paging, no format), for the audit event. */
export const filterOf = (q: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(q).filter(
      ([k, v]) => v !== undefined && !['format', 'lang', 'limit', 'cursor'].includes(k),
    ),
  );

export async function collect<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  cap = EXPORT_ROW_CAP,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await fetchPage(cursor);
    rows.push(...p.items);
    if (rows.length > cap)
      throw unprocessable(`An export holds at most ${cap} rows: narrow the filter`, [], 'export_too_large');
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

// A cell starting with one of these is a formula to a spreadsheet: text gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/;

const text = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (typeof c !== 'string') return String(c);
  return FORMULA.test(c) ? `'${c}` : c;
};

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF lines. */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function toCsv(header: string[], rows: Cell[][]): Buffer {
  const lines = [header, ...rows.map((r) => r.map(text))].map((r) => r.map(csvField).join(','));
  // the byte-order mark makes Excel read the file as UTF-8 (Arabic names stay readable)
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(sheet: string, header: string[], rows: Cell[][], rtl: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.slice(0, 31), {
    views: [{ rightToLeft: rtl, state: 'frozen', ySplit: 1 }],
  });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? text(c) : (c ?? null))));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(12, h.length + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Sends an export's file: named after its resource, never cached. */
export const sendFile = (reply: FastifyReply, resource: string, format: ExportFormat, body: Buffer) =>
  reply
    .type(MIME[format])
    .header('content-disposition', `attachment; filename="${resource}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);

/** A column's cell in the export's language: no raw enum code nor `true` reaches the file. */
export function cellOf<T>(column: ExportColumn<T>, item: T, lang: Locale): Cell {
  const v = column.value(item);
  if (typeof v === 'boolean') return EXPORT_YES_NO[v ? 'yes' : 'no'][lang];
  const { labels } = column;
  const word = (code: string) =>
    labels === undefined
      ? code
      : typeof labels === 'function'
        ? labels(code, lang)
        : labelOf(labels, code, lang);
  if (isList(v)) return v.map(word).join(LIST_SEPARATOR[lang]);
  return typeof v === 'string' ? word(v) : v;
}

const isList = (v: Cell | readonly string[]): v is readonly string[] => Array.isArray(v);

type App = Parameters<FastifyPluginAsyncZod>[0];

/** Registers `GET <path>/export` for one list (call it from the module's routes plugin). */
export function exportRoute<Q extends ListQuery, T>(app: App, spec: ExportSpec<Q, T>): void {
  // the list's fields without its refinements (Zod cannot omit from a refined object); the
  // refinements (a date range's order) are checked on the filter below, as the list does
  const refined = (spec.query._zod.def.checks?.length ?? 0) > 0;
  const querystring = z
    .strictObject(spec.query.shape)
    .omit({ limit: true, cursor: true })
    .extend({ format: z.enum(EXPORT_FORMATS), lang: locale.optional() });
  app.get(
    `${spec.path}/export`,
    {
      schema: {
        tags: spec.tags,
        description: `The list as a spreadsheet (XLSX or CSV with a UTF-8 byte-order mark), with the list's filters; at most ${EXPORT_ROW_CAP} rows. Audited as an export.`,
        querystring,
        response: { 200: z.unknown().describe('The file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const q = req.query as Record<string, unknown> & { format: ExportFormat; lang?: Locale };
      const lang = q.lang ?? currentUser(req).locale;
      const filter = filterOf(q);
      const checked = refined ? spec.query.safeParse(filter) : null;
      if (checked && !checked.success)
        throw badRequest(
          'The filter is not valid',
          checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      const rows = await read(req, async (w) => {
        spec.authorize(w);
        const items = await collect((cursor) =>
          spec.page(w, { ...filter, limit: PAGE, cursor } as z.infer<Q>),
        );
        await w.audit({
          action: 'export',
          entityType: spec.resource,
          detail: { format: q.format, filter, rows: items.length },
        });
        return items.map((it) => spec.columns.map((c) => cellOf(c, it, lang)));
      });
      const header = spec.columns.map((c) => EXPORT_LABELS[c.key][lang]);
      const body =
        q.format === 'csv' ? toCsv(header, rows) : await toXlsx(spec.resource, header, rows, lang === 'ar');
      return sendFile(reply, spec.resource, q.format, body);
    },
  );
}
