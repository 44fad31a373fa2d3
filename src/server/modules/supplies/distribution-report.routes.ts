import { and, asc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { labelOf } from '../../../domain/common/labels';
import type { Locale } from '../../../domain/common/schemas';
import { SEX_LABELS } from '../../../domain/registry/labels';
import {
  type DISTRIBUTION_REPORT_DIMENSIONS,
  distributionReport,
  distributionReportQuery,
} from '../../../domain/supplies/distributions';
import { AGE_GROUP_LABELS, DISTRIBUTION_REPORT_LABELS as L } from '../../../domain/supplies/labels';
import {
  centres,
  distributionLines,
  distributions,
  persons,
  projects,
  supplyItems,
} from '../../db/schema/index';
import { currentUser } from '../../platform/auth/plugin';
import { unprocessable } from '../../platform/errors';
import { toXlsx } from '../../platform/export';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { distributionScope } from './distributions.queries';
import { distributionPolicy } from './stock.policy';

// Distributions by one or two of centre, item, project, sex, age group and month, counting unique
// people (DESIGN §8: people assisted, not services). Bulk issues name no one: reported on their
// own, quantities only. For assistance readers (who see people), so no cell is suppressed.

type Dimension = (typeof DISTRIBUTION_REPORT_DIMENSIONS)[number];
type Query = z.infer<typeof distributionReportQuery>;
type Report = z.infer<typeof distributionReport>;

const years = (n: number) => sql.raw(`interval '${n} years'`);
const age = sql`age(${distributionLines.occurredOn}::timestamp, ${persons.birthDate}::timestamp)`;

/** Each dimension's key, as text (never null: a missing project or birth date has its own key). */
const KEYS: Record<Dimension, SQL<string>> = {
  centre: sql<string>`${distributions.centreId}::text`,
  item: sql<string>`${distributionLines.itemId}::text`,
  project: sql<string>`coalesce(${distributionLines.projectId}::text, 'none')`,
  sex: sql<string>`coalesce(${persons.sex}, 'unknown')`,
  ageGroup: sql<string>`case when ${persons.birthDate} is null or ${persons.birthDate} > ${distributionLines.occurredOn} then 'unknown'
    when ${age} < ${years(5)} then '0-4' when ${age} < ${years(12)} then '5-11'
    when ${age} < ${years(18)} then '12-17' when ${age} < ${years(60)} then '18-59' else '60+' end`,
  month: sql<string>`to_char(${distributionLines.occurredOn}, 'YYYY-MM')`,
};

function filters(w: Work, q: Query): SQL[] {
  const where = [
    distributionScope(w),
    eq(distributions.kind, q.kind),
    isNull(distributionLines.cancelledAt),
  ] as SQL[];
  if (q.centreId) where.push(eq(distributions.centreId, q.centreId));
  if (q.from) where.push(gte(distributionLines.occurredOn, q.from));
  if (q.to) where.push(lte(distributionLines.occurredOn, q.to));
  return where;
}

const from = (w: Work, fields: Record<string, SQL>) =>
  w.tx
    .select(fields)
    .from(distributionLines)
    .innerJoin(
      distributions,
      and(
        eq(distributions.missionId, distributionLines.missionId),
        eq(distributions.id, distributionLines.distributionId),
      ),
    )
    .leftJoin(
      persons,
      and(eq(persons.missionId, distributionLines.missionId), eq(persons.id, distributionLines.personId)),
    );

const MEASURES = {
  people: sql<number>`count(distinct ${distributionLines.personId})::int`,
  lines: sql<number>`count(*)::int`,
  quantity: sql<number>`coalesce(sum(${distributionLines.quantity}), 0)::int`,
};

/** The names of the keys in the reader's language: centres, items, project codes, enum labels. */
async function labeller(w: Work, lang: Locale) {
  const m = w.actor.missionId;
  const localised = (r: { name: string; nameAr: string | null; nameFr: string | null }) =>
    (lang === 'ar' ? r.nameAr : lang === 'fr' ? r.nameFr : null) ?? r.name;
  const names = new Map<string, string>();
  for (const c of await w.tx.select().from(centres).where(eq(centres.missionId, m)))
    names.set(`centre:${c.id}`, localised(c));
  for (const i of await w.tx.select().from(supplyItems).where(eq(supplyItems.missionId, m)))
    names.set(`item:${i.id}`, localised(i));
  for (const p of await w.tx.select().from(projects).where(eq(projects.missionId, m)))
    names.set(`project:${p.id}`, p.code);
  return (dim: Dimension, key: string): string => {
    if (dim === 'sex') return labelOf(SEX_LABELS, key, lang);
    if (dim === 'ageGroup') return labelOf(AGE_GROUP_LABELS, key, lang);
    if (dim === 'project' && key === 'none') return L.noProject[lang];
    return names.get(`${dim}:${key}`) ?? key;
  };
}

export async function distributionReportOf(w: Work, q: Query, lang: Locale): Promise<Report> {
  const by = [...new Set(q.by)];
  if (by.length > 2)
    throw unprocessable('A report has rows and at most one column dimension', [
      { path: 'by', message: 'One or two dimensions' },
    ]);
  if (q.kind === 'bulk' && by.some((d) => d === 'sex' || d === 'ageGroup'))
    throw unprocessable('Bulk issues name no one: they have no sex nor age group', [
      { path: 'by', message: 'Not for bulk issues' },
    ]);
  const where = filters(w, q);
  const keys = Object.fromEntries(by.map((d, i) => [`k${i}`, KEYS[d]]));
  const found = (await from(w, { ...keys, ...MEASURES })
    .where(and(...where))
    .groupBy(...by.map((d) => KEYS[d]))
    .orderBy(...by.map((d) => asc(KEYS[d])))) as unknown as Record<string, string | number>[];
  const [total] = await from(w, MEASURES).where(and(...where));
  const name = await labeller(w, lang);
  const rows = found.map((r) => {
    const ks = by.map((_, i) => String(r[`k${i}`]));
    return {
      keys: ks,
      labels: ks.map((k, i) => name(by[i] as Dimension, k)),
      people: Number(r.people),
      lines: Number(r.lines),
      quantity: Number(r.quantity),
    };
  });
  return { by, rows, totalPeople: Number(total?.people ?? 0), totalQuantity: Number(total?.quantity ?? 0) };
}

/** The report as one sheet: a row per cell of the JSON, then the totals. */
async function asXlsx(r: Report, lang: Locale): Promise<Buffer> {
  const header = [...r.by.map((d) => L[d][lang]), L.people[lang], L.lines[lang], L.quantity[lang]];
  const lines = r.rows.reduce((s, x) => s + x.lines, 0);
  const rows = [
    ...r.rows.map((x) => [...x.labels, x.people, x.lines, x.quantity]),
    [L.total[lang], ...r.by.slice(1).map(() => ''), r.totalPeople, lines, r.totalQuantity],
  ];
  return toXlsx('distributions', header, rows, lang === 'ar');
}

export const distributionReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/distributions/report',
    {
      schema: {
        tags: ['supplies'],
        description:
          'Unique people (and quantities) by one or two dimensions; `kind=bulk` for bulk issues (quantities only). JSON, or XLSX with `format=xlsx`.',
        querystring: distributionReportQuery,
        response: { 200: z.union([distributionReport, z.unknown()]), ...errorResponses },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const lang = q.lang ?? currentUser(req).locale;
      const report = await read(req, async (w) => {
        authorize(w.actor, distributionPolicy, 'list');
        const r = await distributionReportOf(w, q, lang);
        if (q.format === 'xlsx') {
          const { format: _f, lang: _l, ...filter } = q;
          await w.audit({
            action: 'export',
            entityType: 'distribution_report',
            detail: { format: 'xlsx', filter, rows: r.rows.length },
          });
        }
        return r;
      });
      if (q.format === 'json') return report;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="distribution_report.xlsx"')
        .header('cache-control', 'no-store')
        .send(await asXlsx(report, lang));
    },
  );
};
