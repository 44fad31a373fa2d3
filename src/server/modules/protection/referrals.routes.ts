import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  type ReferralSort,
  referral,
  referralCreate,
  referralListQuery,
  referralPage,
  referralRecipient,
  referralRecipientsQuery,
  referralTransition,
} from '../../../domain/protection/records';
import { SERVICE_LABELS, URGENCY_LABELS } from '../../../domain/protection/sharing';
import { REFERRAL_STATUS_LABELS } from '../../../domain/protection/status-labels';
import { organisations, persons, referrals } from '../../db/schema/index';
import { staleVersion } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { personReach, personScope } from '../registry/persons.scope';
import { referralPolicy } from './protection.policy';
import { auditListRead, auditRead } from './read-audit';
import { eligibleRecipients } from './recipients.service';
import { presentReferral, presentReferrals } from './referrals.presenter';
import { loadReferral } from './referrals.queries';
import {
  createReferral,
  overdueCondition,
  overdueDays,
  referralRecord,
  transition,
} from './referrals.service';
import { referralScope } from './scope';

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

type ListQuery = z.infer<typeof referralListQuery>;

/** The columns the list sorts by; never null (keyset comparison must be total). */
const SORTS: Record<ReferralSort, SQL | PgColumn> = {
  createdAt: referrals.createdAt,
  person: persons.familyName,
  recipient: organisations.name,
  service: referrals.service,
  status: referrals.status,
  sentAt: sql`coalesce(${referrals.sentAt}, 'epoch'::timestamptz)`,
};

/** Referrals joined to what the list shows, filters and sorts by (the person decides the scope). */
const joined = <Q extends PgSelect>(q: Q) =>
  q
    .innerJoin(persons, and(eq(persons.missionId, referrals.missionId), eq(persons.id, referrals.personId)))
    .innerJoin(
      organisations,
      and(
        eq(organisations.missionId, referrals.missionId),
        eq(organisations.id, referrals.recipientOrganisationId),
      ),
    );

/** One page of the list (the list route and its export both use it), with its scoped total. */
async function listReferrals(w: Work, query: ListQuery) {
  const { personId, status, service, overdue, recipientOrganisationId, limit, cursor } = query;
  const days = await overdueDays(w);
  // doctors and nurses see the medical referrals only (referralScope)
  const where: (SQL | undefined)[] = [referralScope(w), personScope(w)];
  if (personId) where.push(eq(referrals.personId, (await loadPerson(w, personId)).id));
  if (status) where.push(eq(referrals.status, status));
  if (service) where.push(eq(referrals.service, service));
  if (recipientOrganisationId) where.push(eq(referrals.recipientOrganisationId, recipientOrganisationId));
  if (overdue === 'true') where.push(overdueCondition(w, days));
  const k = chosenKeyset(query, SORTS, referrals.id, { column: referrals.createdAt, descending: true });
  const found = await joined(
    w.tx
      .select({ r: referrals, at: sortedValue(k) })
      .from(referrals)
      .$dynamic(),
  )
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.r.id);
  const items = await presentReferrals(
    w,
    p.items.map(({ r }) => r),
    days,
  );
  await auditListRead(
    w,
    'referral',
    items.map((i) => i.id),
    personId ? { personId } : {},
  );
  const counted = await countUpTo(
    w.tx,
    joined(w.tx.select({ one: sql`1` }).from(referrals).$dynamic()).where(and(...where)),
  );
  return { items, nextCursor: p.nextCursor, ...counted };
}

export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  // the reason (free text, decrypted) stays out of exports: it is read one referral at a time
  exportRoute(app, {
    path: '/referrals',
    resource: 'referral',
    tags,
    query: referralListQuery,
    authorize: (w) => authorize(w.actor, referralPolicy, 'list'),
    page: listReferrals,
    columns: [
      { key: 'reference', value: (r) => r.reference },
      { key: 'registrationNumber', value: (r) => r.registrationNumber },
      { key: 'personName', value: (r) => r.personName },
      { key: 'recipient', value: (r) => r.recipientName },
      { key: 'service', value: (r) => r.service, labels: SERVICE_LABELS },
      { key: 'urgency', value: (r) => r.urgency, labels: URGENCY_LABELS },
      { key: 'status', value: (r) => r.status, labels: REFERRAL_STATUS_LABELS },
      { key: 'sentAt', value: (r) => r.sentAt },
      { key: 'overdue', value: (r) => r.overdue },
    ],
  });

  app.get(
    '/referrals',
    {
      schema: { tags, querystring: referralListQuery, response: { 200: referralPage, ...errorResponses } },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, referralPolicy, 'list');
        return listReferrals(w, req.query);
      }),
  );

  app.get(
    '/referrals/recipients',
    {
      schema: {
        tags,
        description:
          'The organisations a referral of this person for this service may go to: those with a data-sharing profile that take the service; never an embassy or the detaining authority.',
        querystring: referralRecipientsQuery,
        response: { 200: z.object({ items: z.array(referralRecipient) }), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, referralPolicy, 'create'); // may refer somewhere at all?
        const p = await loadPerson(w, req.query.personId);
        // a doctor asks for hospitals only: may this actor refer this person for this service?
        authorize(
          w.actor,
          referralPolicy,
          'create',
          await referralRecord(w, { personId: p.id, service: req.query.service }),
        );
        return { items: await eligibleRecipients(w, p, req.query.service) };
      }),
  );

  app.get(
    '/referrals/:id',
    { schema: { tags, params, response: { 200: referral, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, referralPolicy, 'read');
        const r = await loadReferral(w, req.params.id); // a doctor loads medical ones only (404)
        await auditRead(w, 'referral', r.id, r.personId); // the reason is decrypted for this read
        return presentReferral(w, r, await overdueDays(w));
      }),
  );

  app.post(
    '/referrals',
    { schema: { tags, body: referralCreate, response: { 201: referral, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, referralPolicy, 'create'); // may write somewhere at all?
        const person = await loadPerson(w, req.body.personId);
        const reach = await personReach(w, person.id);
        authorize(w.actor, referralPolicy, 'create', await referralRecord(w, req.body, reach));
        const { row, recipientName } = await createReferral(w, req.body, person, reach);
        // what was just loaded or written is handed on, not read again
        return presentReferral(w, row, await overdueDays(w), { person, reach, recipientName });
      }),
  );

  app.post(
    '/referrals/:id/transitions',
    { schema: { tags, params, body: referralTransition, response: { 200: referral, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const r = await loadReferral(w, req.params.id);
        const reach = await personReach(w, r.personId);
        authorize(w.actor, referralPolicy, 'transition', await referralRecord(w, r, reach));
        if (r.version !== req.body.version) throw staleVersion();
        const { to, note, consentOverrideReason } = req.body;
        const updated = await transition(w, r, to, note, consentOverrideReason, reach);
        return presentReferral(w, updated, await overdueDays(w), { reach });
      }),
  );
};
