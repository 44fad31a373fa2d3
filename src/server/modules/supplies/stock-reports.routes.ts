import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { labelOf } from '../../../domain/common/labels';
import type { Locale } from '../../../domain/common/schemas';
import { ITEM_CATEGORY_LABELS, UNIT_LABELS } from '../../../domain/supplies/labels';
import {
  belowMinimumQuery,
  belowMinimumReport,
  consumptionQuery,
  consumptionReport,
  monthOf,
  stockAlerts,
  stockAlertsQuery,
  stockReport,
  stockReportQuery,
} from '../../../domain/supplies/reports';
import { currentUser } from '../../platform/auth/plugin';
import { today } from '../../platform/dates';
import { unprocessable } from '../../platform/errors';
import { type Cell, filterOf, sendFile, toXlsx } from '../../platform/export';
import { EXPORT_LABELS, EXPORT_YES_NO, type ExportLabel } from '../../platform/export-labels';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { consumptionOf } from './consumption.queries';
import { stockPolicy } from './stock.policy';
import { stockAlertsOf } from './stock-alerts.queries';
import { belowMinimumOf, stockReportOf } from './stock-reports.queries';

// Stock reports for those who read stock, over the points in their scope: JSON for the pages,
// XLSX (`format=xlsx`, headers and codes in `lang` or the reader's language, right-to-left in
// Arabic) audited as an export. Reads of stock name no one, so JSON answers are not audited.

const tags = ['supplies'];
/** A report as a sheet: its rows, then labelled lines under them (totals). */
type Sheet = { header: string[]; rows: Cell[][]; footer?: Cell[][] };
type Format = { format: 'json' | 'xlsx'; lang?: Locale };

/** Runs a report in one read; as XLSX, builds the sheet and audits the export in that read. */
async function answer<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  resource: string,
  q: Format & Record<string, unknown>,
  build: (w: Work, lang: Locale) => Promise<T>,
  sheet: (data: T, lang: Locale) => Sheet,
) {
  const lang = q.lang ?? currentUser(req).locale;
  const out = await read(req, async (w) => {
    authorize(w.actor, stockPolicy, 'list');
    const data = await build(w, lang);
    if (q.format !== 'xlsx') return { data };
    const s = sheet(data, lang);
    await w.audit({
      action: 'export',
      entityType: resource,
      detail: { format: 'xlsx', filter: filterOf(q), rows: s.rows.length },
    });
    return { data, sheet: s };
  });
  if (!out.sheet) return out.data;
  const { header, rows, footer = [] } = out.sheet;
  return sendFile(
    reply,
    resource,
    'xlsx',
    await toXlsx(resource, header, [...rows, ...footer], lang === 'ar'),
  );
}

const headers = (keys: ExportLabel[], lang: Locale) => keys.map((k) => EXPORT_LABELS[k][lang]);
const unit = (code: string, lang: Locale) => labelOf(UNIT_LABELS, code, lang);
/** A labelled line under the table (total, in transit): the label first, the figure in its column. */
const footer = (width: number, at: number, label: string, value: Cell): Cell[] =>
  Array.from({ length: width }, (_, i) => (i === 0 ? label : i === at ? value : null));

function notAfter(value: string | undefined, latest: string, path: string, what: string) {
  if (value && value > latest)
    throw unprocessable(`The ${what} cannot be in the future`, [
      { path, message: `Use ${latest} or earlier` },
    ]);
}

export const stockReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stock/report',
    {
      schema: {
        tags,
        description:
          'On hand per stock point and item (now, or at the end of `asOf` from the ledger), with the total and what is in transit; `format=xlsx` for a spreadsheet (audited as an export).',
        querystring: stockReportQuery,
        response: {
          200: stockReport.describe('The report, or with format=xlsx the file'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      return answer(
        req,
        reply,
        'stock_report',
        q,
        (w, lang) => {
          notAfter(q.asOf, today(w), 'asOf', 'date of the report');
          return stockReportOf(w, q, lang, q.asOf);
        },
        (d, lang) => {
          const keys: ExportLabel[] = [
            'stockPoint',
            'code',
            'item',
            'category',
            'baseUnit',
            'packSize',
            'lots',
            'onHand',
            'earliestExpiry',
          ];
          const at = keys.indexOf('onHand');
          const label = (k: ExportLabel) => EXPORT_LABELS[k][lang];
          return {
            header: headers(keys, lang),
            rows: d.rows.map((r) => [
              r.stockPointName,
              r.itemCode,
              r.itemName,
              labelOf(ITEM_CATEGORY_LABELS, r.category, lang),
              unit(r.baseUnit, lang),
              r.packSize,
              r.lots,
              r.onHand,
              r.earliestExpiry,
            ]),
            footer: [
              footer(keys.length, at, label('total'), d.total),
              footer(keys.length, at, label('inTransit'), d.inTransit),
              footer(keys.length, at, label('asOf'), d.asOf),
            ],
          };
        },
      );
    },
  );

  app.get(
    '/stock/below-minimum',
    {
      schema: {
        tags,
        description:
          'Items whose usable stock (lots not expired) at a point is below its minimum, and what to order to reach the maximum; `format=xlsx` for a spreadsheet.',
        querystring: belowMinimumQuery,
        response: {
          200: belowMinimumReport.describe('The report, or with format=xlsx the file'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      answer(
        req,
        reply,
        'stock_below_minimum',
        req.query,
        async (w, lang) => ({ rows: await belowMinimumOf(w, req.query, lang) }),
        (d, lang) => ({
          header: headers(
            [
              'stockPoint',
              'code',
              'item',
              'baseUnit',
              'packSize',
              'usableOnHand',
              'minimum',
              'maximum',
              'toOrder',
            ],
            lang,
          ),
          rows: d.rows.map((r) => [
            r.stockPointName,
            r.itemCode,
            r.itemName,
            unit(r.baseUnit, lang),
            r.packSize,
            r.onHand,
            r.minimum,
            r.maximum,
            r.toOrder,
          ]),
        }),
      ),
  );

  app.get(
    '/stock/consumption',
    {
      schema: {
        tags,
        description:
          'What was distributed and dispensed per item (per point with `byPoint=true` or a `stockPointId`) in each of the `months` months up to `to` (default: the last whole month), the average monthly consumption, and months of stock (usable on hand ÷ that average); `format=xlsx` for a spreadsheet.',
        querystring: consumptionQuery,
        response: {
          200: consumptionReport.describe('The report, or with format=xlsx the file'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      return answer(
        req,
        reply,
        'stock_consumption',
        q,
        (w, lang) => {
          notAfter(q.to, monthOf(today(w)), 'to', 'last month');
          return consumptionOf(w, { ...q, byPoint: q.byPoint === 'true' || !!q.stockPointId }, lang);
        },
        (d, lang) => consumptionSheet(d, lang),
      );
    },
  );

  app.get(
    '/stock/alerts',
    {
      schema: {
        tags,
        description: `The stock officer's home panel: lots with stock that expired or expire within the next days, items below their minimum, and the most urgent few of each, in the reader's scope.`,
        querystring: stockAlertsQuery,
        response: { 200: stockAlerts, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPolicy, 'list');
        return stockAlertsOf(w, req.query.lang ?? currentUser(req).locale);
      }),
  );
};

function consumptionSheet(d: z.infer<typeof consumptionReport>, lang: Locale): Sheet {
  const label = (k: ExportLabel) => EXPORT_LABELS[k][lang];
  const yesNo = (b: boolean) => EXPORT_YES_NO[b ? 'yes' : 'no'][lang];
  return {
    header: [
      ...headers(['stockPoint', 'code', 'item', 'baseUnit'], lang),
      ...d.months,
      ...headers(
        ['averageMonthly', 'usableOnHand', 'monthsOfStock', 'minimum', 'maximum', 'belowMinimum'],
        lang,
      ),
    ],
    rows: d.rows.map((r) => [
      r.stockPointName ?? label('allPoints'),
      r.itemCode,
      r.itemName,
      unit(r.baseUnit, lang),
      ...r.monthly,
      r.averageMonthly,
      r.onHand,
      r.monthsOfStock,
      r.minimum,
      r.maximum,
      yesNo(r.belowMinimum),
    ]),
  };
}
