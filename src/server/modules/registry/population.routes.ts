import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '../../../domain/common/dates';
import { uuid } from '../../../domain/common/schemas';
import { ageGroup } from '../../../domain/registry/age';
import { publishBreakdowns, publishSeries } from '../../../domain/registry/population';
import {
  AGE_GROUPS,
  headcount,
  headcountCreate,
  historyQuery,
  population,
  SEXES,
} from '../../../domain/registry/schemas';
import { centres, episodes, headcounts, persons, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound, unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created } from '../../platform/records';
import { rows } from '../../platform/tx';
import { centrePolicy } from '../directory/centres.policy';
import { centreScope } from '../directory/centres.scope';
import { headcountPolicy, populationPolicy } from './population.policy';

async function loadCentre(w: Work, id: string) {
  const [c] = await w.tx
    .select()
    .from(centres)
    .where(and(centreScope(w), eq(centres.id, id)));
  if (!c) throw notFound('Centre');
  authorize(w.actor, centrePolicy, 'read', c);
  return c;
}

async function history(w: Work, centreId: string, from: string, to: string) {
  return rows<{ date: string; count: number }>(
    w.tx.execute(sql`
      select to_char(d, 'YYYY-MM-DD') as date, count(e.id)::int as count
      from generate_series(${from}::date, ${to}::date, interval '1 day') d
      left join ${episodes} e on e.mission_id = ${w.actor.missionId} and e.centre_id = ${centreId}
        and e.admitted_on <= d::date and (e.ended_on is null or e.ended_on > d::date)
      group by d order by d`),
  );
}

async function listHeadcounts(w: Work, centreId: string, from: string, to: string) {
  const found = await w.tx
    .select({ h: headcounts, recordedBy: users.username })
    .from(headcounts)
    .leftJoin(users, and(eq(users.missionId, headcounts.missionId), eq(users.id, headcounts.createdBy)))
    .where(
      and(
        eq(headcounts.missionId, w.actor.missionId),
        eq(headcounts.centreId, centreId),
        sql`${headcounts.countedOn} between ${from} and ${to}`,
      ),
    )
    .orderBy(asc(headcounts.countedOn), desc(headcounts.createdAt));
  return found.map(({ h, recordedBy }) => ({
    id: h.id,
    centreId: h.centreId,
    countedOn: h.countedOn,
    total: h.total,
    men: h.men ?? undefined,
    women: h.women ?? undefined,
    children: h.children ?? undefined,
    note: h.note ?? undefined,
    recordedBy: recordedBy ?? null,
  }));
}

const params = z.strictObject({ id: uuid });
const tags = ['registry'];

export const populationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/centres/:id/population',
    { schema: { tags, params, querystring: historyQuery, response: { 200: population, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        const c = await loadCentre(w, req.params.id);
        const to = req.query.to ?? today(w);
        const from = req.query.from ?? addDays(to, -89);
        if (from > to || addDays(from, 731) < to) {
          throw unprocessable('Choose a period of at most two years', [
            { path: 'from', message: 'Bad period' },
          ]);
        }
        const on = today(w);
        const here = and(
          eq(episodes.missionId, w.actor.missionId),
          eq(episodes.centreId, c.id),
          isNull(episodes.endedOn),
        );
        const people = await w.tx
          .select({
            sex: persons.sex,
            nationality: persons.nationality,
            age: sql<number | null>`date_part('year', age(${on}::date, ${persons.birthDate}))::int`,
          })
          .from(episodes)
          .innerJoin(
            persons,
            and(eq(persons.missionId, episodes.missionId), eq(persons.id, episodes.personId)),
          )
          .where(here);
        // those who may read people at this centre see exact counts (a caseworker elsewhere does
        // not); others get small cells hidden, with complements so that none can be worked out
        // from the total (domain/common/suppression)
        const exact = populationPolicy.can(w.actor, 'read_exact', { centreId: c.id });
        const tally = (keys: string[]) => {
          const counts: Record<string, number> = {};
          for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
          return counts;
        };
        const bySex = tally(people.map((p) => p.sex));
        const byAge = tally(people.map((p) => ageGroup(p.age)));
        // largest first for exact readers; by code otherwise, as the order of hidden counts would
        // tell which is larger
        const byNat = Object.entries(tally(people.map((p) => p.nationality))).sort((a, b) =>
          exact ? b[1] - a[1] : a[0].localeCompare(b[0]),
        );
        const shown = publishBreakdowns(
          {
            sex: SEXES.map((s) => bySex[s] ?? 0),
            age: AGE_GROUPS.map((g) => byAge[g] ?? 0),
            nationality: byNat.map((n) => n[1]),
          },
          people.length,
          exact,
        );
        const days = await history(w, c.id, from, to);
        const dayCounts = publishSeries(
          days.map((d) => d.count),
          exact,
        );
        return {
          centreId: c.id,
          capacity: c.capacity,
          total: shown.total,
          occupancy: c.capacity > 0 && shown.total !== null ? shown.total / c.capacity : null,
          suppressed: shown.suppressed || dayCounts.includes(null),
          bySex: Object.fromEntries(SEXES.map((s, i) => [s, shown.breakdowns.sex[i] ?? null])),
          byAgeGroup: Object.fromEntries(AGE_GROUPS.map((g, i) => [g, shown.breakdowns.age[i] ?? null])),
          byNationality: byNat.map(([nationality], i) => ({
            nationality,
            count: shown.breakdowns.nationality[i] ?? null,
          })),
          history: days.map((d, i) => ({ date: d.date, count: dayCounts[i] ?? null })),
          headcounts: await listHeadcounts(w, c.id, from, to),
          allowedActions: headcountPolicy.can(w.actor, 'create', { centreId: c.id })
            ? ['recordHeadcount']
            : [],
        };
      }),
  );

  app.post(
    '/centres/:id/headcounts',
    { schema: { tags, params, body: headcountCreate, response: { 201: headcount, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const c = await loadCentre(w, req.params.id);
        authorize(w.actor, headcountPolicy, 'create', { centreId: c.id });
        if (req.body.countedOn > today(w)) {
          throw unprocessable('The count date is in the future', [
            { path: 'countedOn', message: 'In the future' },
          ]);
        }
        const id = newId();
        await w.tx.insert(headcounts).values({ ...req.body, id, centreId: c.id, ...created(w) });
        await w.audit({
          action: 'create',
          entityType: 'headcount',
          entityId: id,
          changedFields: Object.keys(req.body),
          detail: { centreId: c.id },
        });
        const [h] = (await listHeadcounts(w, c.id, req.body.countedOn, req.body.countedOn)).filter(
          (x) => x.id === id,
        );
        return h!;
      }),
  );
};
