// The protection picture of everything in the reader's scope (a manager: the mission), in one
// answer: people whose latest screening raised a flag, those of them still waiting for a
// referral, referrals left unanswered too long, open cases. Counts only; the lists behind them
// are the screenings, referrals and cases lists.
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { protectionFigures } from '../../../domain/protection/figures';
import { cases, persons, referrals } from '../../db/schema/index';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { personScope } from '../registry/persons.scope';
import { caseScope } from './cases.queries';
import { casePolicy, referralPolicy, screeningPolicy } from './protection.policy';
import { overdueCondition, overdueDays } from './referrals.service';
import { recordScope } from './scope';
import { latestScreenings, noLiveReferral } from './screenings.queries';

async function flagged(w: Work) {
  const latest = latestScreenings(w);
  const [row] = await w.tx
    .select({
      flagged: count(),
      waiting: sql<number>`count(*) filter (where ${noLiveReferral(w, latest.personId)})`.mapWith(Number),
    })
    .from(latest)
    .innerJoin(persons, and(eq(persons.missionId, w.actor.missionId), eq(persons.id, latest.personId)))
    .where(and(personScope(w), eq(persons.status, 'active'), sql`cardinality(${latest.flags}) > 0`));
  return { flaggedPeople: row?.flagged ?? 0, awaitingReferral: row?.waiting ?? 0 };
}

async function overdue(w: Work) {
  const [row] = await w.tx
    .select({ n: count() })
    .from(referrals)
    .innerJoin(persons, and(eq(persons.missionId, referrals.missionId), eq(persons.id, referrals.personId)))
    .where(and(recordScope(w, referrals), personScope(w), overdueCondition(w, await overdueDays(w))));
  return row?.n ?? 0;
}

async function openCases(w: Work) {
  const [row] = await w.tx
    .select({ n: count() })
    .from(cases)
    .innerJoin(persons, and(eq(persons.missionId, cases.missionId), eq(persons.id, cases.personId)))
    .where(and(caseScope(w), ne(cases.status, 'closed')));
  return row?.n ?? 0;
}

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/protection/figures',
    { schema: { tags: ['protection'], response: { 200: protectionFigures, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'list');
        return {
          ...(await flagged(w)),
          overdueReferrals: referralPolicy.can(w.actor, 'list') ? await overdue(w) : null,
          openCases: casePolicy.can(w.actor, 'list') ? await openCases(w) : null,
        };
      }),
  );
};
