import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { locale } from '../../../domain/common/schemas';
import {
  epidemicCurve,
  epidemicCurveQuery,
  surveillanceWeek,
  surveillanceWeekQuery,
} from '../../../domain/health/surveillance';
import { SYNDROMES } from '../../../domain/health/syndromes';
import { currentUser } from '../../platform/auth/plugin';
import { type Cell, filterOf, sendFile, toXlsx } from '../../platform/export';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { surveillancePolicy } from './health.policy';
import { surveillanceHeader } from './surveillance.labels';
import { epidemicCurveOf, surveillanceWeekOf } from './surveillance.queries';

// The weekly surveillance table and the epidemic curve, for medical readers and managers, over
// the centres in their scope. The figures name no one, so a JSON read is not audited; the
// spreadsheet is, as an export.

const tags = ['health'];

const weekQuery = surveillanceWeekQuery.extend({
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: locale.optional(),
});

export const surveillanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/surveillance',
    {
      schema: {
        tags,
        description:
          'The week’s surveillance table: per centre in the reader’s scope (or `centreId`), the people counted per syndrome (someone seen twice in the week counts once), the consultations, the population from the registry (people held there at any time that week) and the rates per 1,000 (null without a population). `format=xlsx` for a spreadsheet (headers in `lang` or the reader’s language, right-to-left in Arabic; audited as an export).',
        querystring: weekQuery,
        response: {
          200: surveillanceWeek.describe('The table, or with format=xlsx the file'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const lang = q.lang ?? currentUser(req).locale;
      const out = await read(req, async (w) => {
        authorize(w.actor, surveillancePolicy, q.format === 'xlsx' ? 'export' : 'read');
        const { names, ...table } = await surveillanceWeekOf(w, q);
        if (q.format !== 'xlsx') return { table };
        const rows: Cell[][] = table.rows.map((r) => {
          const n = names.get(r.centreId);
          const name = (lang === 'ar' ? n?.nameAr : lang === 'fr' ? n?.nameFr : null) || r.centreName;
          return [
            name,
            r.week,
            table.weekStart,
            table.weekEnd,
            r.population,
            r.consultations,
            ...SYNDROMES.map((s) => r.counts[s] ?? 0),
            ...SYNDROMES.map((s) => r.rates[s] ?? null),
          ];
        });
        await w.audit({
          action: 'export',
          entityType: 'surveillance',
          detail: { format: 'xlsx', filter: filterOf(q), rows: rows.length },
        });
        return { table, rows };
      });
      if (!out.rows) return out.table;
      const file = await toXlsx(`surveillance ${q.week}`, surveillanceHeader(lang), out.rows, lang === 'ar');
      return sendFile(reply, `surveillance-${q.week}`, 'xlsx', file);
    },
  );

  app.get(
    '/surveillance/curve',
    {
      schema: {
        tags,
        description:
          'The epidemic curve of one syndrome: every week from `from` to `to` (weeks without cases as 0), with the people counted, the population that week and the rate per 1,000 — for one centre, or all the centres in the reader’s scope together.',
        querystring: epidemicCurveQuery,
        response: { 200: epidemicCurve, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, surveillancePolicy, 'read');
        return epidemicCurveOf(w, req.query);
      }),
  );
};
