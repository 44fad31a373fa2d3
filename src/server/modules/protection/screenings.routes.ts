import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuery, page, uuid } from '../../../domain/common/schemas';
import { validateAnswers } from '../../../domain/protection/answers';
import { personFacts, visibility } from '../../../domain/protection/conditions';
import { FLAG_LABELS, RISK_LEVEL_LABELS } from '../../../domain/protection/flags';
import { finalOutcome, screeningOutcome } from '../../../domain/protection/outcome';
import {
  awaitingReferral,
  type ScreeningSort,
  screening,
  screeningCreate,
  type screeningListed,
  screeningListQuery,
  screeningPage,
} from '../../../domain/protection/records';
import { screeningTemplate } from '../../../domain/protection/template';
import {
  DEFAULT_TEMPLATE_KEY,
  findTemplate,
  SCREENING_TEMPLATES,
} from '../../../domain/protection/templates';
import { persons, screenings, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { badRequest, notFound, unprocessable } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { allowedActions, authorize, type Reach } from '../../platform/policy';
import { created, iso } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { personReach, personScope, placesOf } from '../registry/persons.scope';
import { ensureCase } from './cases.queries';
import { riskRank } from './latest-screening';
import { screeningPolicy } from './protection.policy';
import { auditListRead } from './read-audit';
import { recordScope } from './scope';
import { awaitingReferralPage, screeningFilters } from './screenings.queries';

/** A screening as lists show it (a single screening's schema leaves the person's name out). */
type Out = z.infer<typeof screeningListed>;

const select = (w: Work, extra: { at?: SQL<string> } = {}) =>
  w.tx
    .select({
      s: screenings,
      by: users.username,
      p: {
        givenName: persons.givenName,
        familyName: persons.familyName,
        registrationNumber: persons.registrationNumber,
      },
      at: extra.at ?? sql<string>`''`,
    })
    .from(screenings)
    .innerJoin(persons, and(eq(persons.missionId, screenings.missionId), eq(persons.id, screenings.personId)))
    .leftJoin(users, and(eq(users.missionId, screenings.missionId), eq(users.id, screenings.createdBy)));

type Joined = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

/** Answers are decrypted only when asked for one screening; reading them is audited. */
function present(w: Work, { s, by, p }: Joined, withAnswers: boolean, reach: Reach): Out {
  return {
    id: s.id,
    personId: s.personId,
    personName: `${p.givenName} ${p.familyName}`,
    registrationNumber: p.registrationNumber,
    caseId: s.caseId,
    templateKey: s.templateKey,
    templateVersion: s.templateVersion,
    screenedOn: s.screenedOn,
    interviewLanguage: s.interviewLanguage,
    interpreter: s.interpreter,
    flags: s.flags,
    riskLevel: s.riskLevel as Out['riskLevel'],
    computedFlags: s.computedFlags,
    computedRisk: s.computedRisk as Out['computedRisk'],
    matchedRules: s.matchedRules,
    overrideReason: s.overrideReason ? w.ctx.cipher.decrypt(s.overrideReason) : null,
    ...(withAnswers
      ? { answers: JSON.parse(w.ctx.cipher.decrypt(s.answers)) as Record<string, unknown> }
      : {}),
    screenedBy: by,
    createdAt: iso(s.createdAt),
    allowedActions: allowedActions(w.actor, screeningPolicy, { reach }),
  };
}

/** Records a screening (validated, outcome derived, answers encrypted, audited); returns its id. */
export async function recordScreening(w: Work, body: z.infer<typeof screeningCreate>): Promise<string> {
  authorize(w.actor, screeningPolicy, 'create'); // may write somewhere at all?
  const p = await loadPerson(w, body.personId);
  const reach = await personReach(w, p.id);
  authorize(w.actor, screeningPolicy, 'create', { reach });
  const template = findTemplate(body.templateKey ?? DEFAULT_TEMPLATE_KEY);
  if (!template)
    throw unprocessable('Unknown screening template', [{ path: 'templateKey', message: 'Unknown template' }]);
  if (body.screenedOn > today(w))
    throw unprocessable('The date is in the future', [{ path: 'screenedOn', message: 'In the future' }]);
  // what the registry knows of the person decides some questions (no pregnancy question for a man)
  const facts = personFacts(p, body.screenedOn);
  const errors = validateAnswers(template, body.answers, facts);
  if (errors.length) throw badRequest('Some answers are not valid', errors);
  if (body.override) authorize(w.actor, screeningPolicy, 'override', { reach });
  // answers to questions the interview did not reach (hidden by earlier answers) are not kept
  const answers = visibility(template, body.answers, facts).answers;
  const outcome = finalOutcome(screeningOutcome(template, answers), body.override);
  const caseId = await ensureCase(w, p.id);
  const id = newId();
  await w.tx.insert(screenings).values({
    id,
    personId: p.id,
    caseId,
    templateKey: template.key,
    templateVersion: template.version,
    answers: w.ctx.cipher.encrypt(JSON.stringify(answers)),
    screenedOn: body.screenedOn,
    interviewLanguage: body.interviewLanguage ?? null,
    interpreter: body.interpreter,
    computedFlags: outcome.computedFlags,
    computedRisk: outcome.computedRisk,
    matchedRules: outcome.matchedRules,
    flags: outcome.flags,
    riskLevel: outcome.riskLevel,
    overrideReason: outcome.overrideReason ? w.ctx.cipher.encrypt(outcome.overrideReason) : null,
    overriddenBy: outcome.overrideReason ? w.actor.userId : null,
    createdByOrganisationId: w.actor.organisationId,
    ...created(w),
  });
  await w.audit({
    action: 'create',
    entityType: 'screening',
    entityId: id,
    changedFields: ['answers', 'flags', 'riskLevel'],
    detail: {
      personId: p.id,
      riskLevel: outcome.riskLevel,
      // the reason itself is sensitive free text: kept encrypted on the screening, not here
      overridden: !!outcome.overrideReason,
    },
  });
  return id;
}

/** The columns the list sorts by (never null, so keyset comparison stays total). */
const SORTS: Record<ScreeningSort, SQL | PgColumn> = {
  screenedOn: screenings.screenedOn,
  person: persons.familyName,
  riskLevel: riskRank(screenings.riskLevel),
};
/** Newest first: the day screened, then the time recorded, as one fixed-width text key. */
const NEWEST = sql`${screenings.screenedOn}::text || ' ' || to_char(${screenings.createdAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;

/** One page of GET /screenings (the list and its export both use it), with its scoped total. */
async function listScreenings(w: Work, query: z.infer<typeof screeningListQuery>) {
  const { personId, limit, cursor, sort, order, ...filters } = query;
  const where = [personScope(w), ...screeningFilters(w, filters)];
  if (personId) where.push(eq(screenings.personId, (await loadPerson(w, personId)).id));
  const k = chosenKeyset({ sort, order }, SORTS, screenings.id, { column: NEWEST, descending: true });
  const found = await select(w, { at: sortedValue(k) })
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.s.id);
  // lists carry no answers, but override reasons are decrypted: audited as one list read
  await auditListRead(
    w,
    'screening',
    p.items.map((r) => r.s.id),
    personId ? { personId } : {},
  );
  const places = await placesOf(
    w,
    p.items.map((r) => r.s.personId),
  );
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(screenings)
      .innerJoin(
        persons,
        and(eq(persons.missionId, screenings.missionId), eq(persons.id, screenings.personId)),
      )
      .where(and(...where))
      .$dynamic(),
  );
  return {
    items: p.items.map((r) => present(w, r, false, places.get(r.s.personId)?.reach ?? [])),
    nextCursor: p.nextCursor,
    ...counted,
  };
}

const params = z.strictObject({ id: uuid });
const tags = ['protection'];
const templateSummary = z.object({
  key: z.string(),
  version: z.number(),
  title: z.object({ en: z.string(), ar: z.string(), fr: z.string() }),
});

export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  // no answers and no override reasons: what the list shows, a row per screening
  exportRoute(app, {
    path: '/screenings',
    resource: 'screening',
    tags,
    query: screeningListQuery,
    authorize: (w) => authorize(w.actor, screeningPolicy, 'list'),
    page: listScreenings,
    columns: [
      { key: 'screenedOn', value: (s) => s.screenedOn },
      { key: 'registrationNumber', value: (s) => s.registrationNumber },
      { key: 'personName', value: (s) => s.personName },
      { key: 'riskLevel', value: (s) => s.riskLevel, labels: RISK_LEVEL_LABELS },
      { key: 'flags', value: (s) => s.flags, labels: FLAG_LABELS },
      { key: 'screenedBy', value: (s) => s.screenedBy },
    ],
  });

  app.get(
    '/screening-templates',
    { schema: { tags, response: { 200: z.object({ items: z.array(templateSummary) }), ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'list');
        return {
          items: SCREENING_TEMPLATES.map((t) => ({ key: t.key, version: t.version, title: t.title })),
        };
      }),
  );

  app.get(
    '/screening-templates/:key',
    {
      schema: {
        tags,
        params: z.strictObject({ key: z.string().max(60) }),
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: screeningTemplate, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'list');
        const t = findTemplate(req.params.key, req.query.version);
        if (!t) throw notFound('Screening template');
        return t;
      }),
  );

  app.get(
    '/screenings',
    {
      schema: {
        tags,
        description:
          'A person’s screenings (personId), or without it the screenings in the reader’s scope, newest first (or by `sort`); filters: flag, riskLevel, centreId (held there now), from, to; `total` counts them.',
        querystring: screeningListQuery,
        response: { 200: screeningPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'list');
        return listScreenings(w, req.query);
      }),
  );

  app.get(
    '/screenings/awaiting-referral',
    {
      schema: {
        tags,
        description:
          'People in scope whose latest screening raised a flag and who have no referral under way or done, most serious first.',
        querystring: listQuery,
        response: { 200: page(awaitingReferral), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'list');
        const { limit, cursor } = req.query;
        const offset = cursor && /^\d{1,6}$/.test(cursor) ? Number(cursor) : 0;
        const { items, more } = await awaitingReferralPage(w, limit, offset);
        return { items, nextCursor: more ? String(offset + limit) : null };
      }),
  );

  app.get(
    '/screenings/:id',
    { schema: { tags, params, response: { 200: screening, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, screeningPolicy, 'read');
        const [row] = await select(w).where(
          and(recordScope(w, screenings), eq(screenings.id, req.params.id)),
        );
        if (!row) throw notFound('Screening');
        await loadPerson(w, row.s.personId);
        await w.audit({
          action: 'read',
          entityType: 'screening',
          entityId: row.s.id,
          detail: { personId: row.s.personId },
        });
        return present(w, row, true, await personReach(w, row.s.personId));
      }),
  );

  app.post(
    '/screenings',
    { schema: { tags, body: screeningCreate, response: { 201: screening, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const id = await recordScreening(w, req.body);
        const [row] = await select(w).where(
          and(eq(screenings.missionId, w.actor.missionId), eq(screenings.id, id)),
        );
        return present(w, row!, true, await personReach(w, row!.s.personId));
      }),
  );
};
