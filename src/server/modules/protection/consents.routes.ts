import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  consent,
  consentCreate,
  consentListQuery,
  consentWithdraw,
} from '../../../domain/protection/records';
import { consents, organisations } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound, unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { allowedActions, authorize, type Reach } from '../../platform/policy';
import { created, iso, updateVersioned } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { personReach } from '../registry/persons.scope';
import { consentPolicy } from './protection.policy';
import { auditListRead } from './read-audit';
import { consentScope } from './scope';

type Row = typeof consents.$inferSelect;
type ConsentOut = z.infer<typeof consent>;

const select = (w: Work) =>
  w.tx
    .select({ c: consents, recipientName: organisations.name })
    .from(consents)
    .innerJoin(
      organisations,
      and(
        eq(organisations.missionId, consents.missionId),
        eq(organisations.id, consents.recipientOrganisationId),
      ),
    );

const present = (w: Work, c: Row, recipientName: string, reach: Reach): ConsentOut => ({
  id: c.id,
  personId: c.personId,
  purpose: c.purpose as ConsentOut['purpose'],
  recipientOrganisationId: c.recipientOrganisationId,
  recipientName,
  decision: c.decision as ConsentOut['decision'],
  method: c.method as ConsentOut['method'],
  language: c.language,
  interpreter: c.interpreter,
  givenOn: c.givenOn,
  withdrawnOn: c.withdrawnOn,
  withdrawnReason: c.withdrawnReason,
  valid: c.decision === 'given' && !c.withdrawnOn,
  version: c.version,
  createdAt: iso(c.createdAt),
  allowedActions: allowedActions(w.actor, consentPolicy, { ...c, reach }),
});

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/consents',
    {
      schema: {
        tags,
        querystring: consentListQuery,
        response: { 200: z.object({ items: z.array(consent), nextCursor: z.null() }), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, consentPolicy, 'list');
        const p = await loadPerson(w, req.query.personId);
        const found = await select(w)
          // doctors and nurses: the `medical` consents only (consentScope)
          .where(and(consentScope(w), eq(consents.personId, p.id)))
          .orderBy(desc(consents.givenOn), desc(consents.createdAt));
        await auditListRead(
          w,
          'consent',
          found.map(({ c }) => c.id),
          { personId: p.id },
        );
        const reach = await personReach(w, p.id);
        return {
          items: found.map(({ c, recipientName }) => present(w, c, recipientName, reach)),
          nextCursor: null,
        };
      }),
  );

  app.post(
    '/consents',
    { schema: { tags, body: consentCreate, response: { 201: consent, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, consentPolicy, 'create'); // may write somewhere at all?
        const p = await loadPerson(w, req.body.personId);
        const reach = await personReach(w, p.id);
        // a doctor or nurse records the `medical` purpose only (the consent to a hospital referral)
        authorize(w.actor, consentPolicy, 'create', {
          reach,
          decision: req.body.decision,
          withdrawnOn: null,
          purpose: req.body.purpose,
        });
        if (req.body.givenOn > today(w))
          throw unprocessable('The date is in the future', [{ path: 'givenOn', message: 'In the future' }]);
        const [org] = await w.tx
          .select()
          .from(organisations)
          .where(
            and(
              eq(organisations.missionId, w.actor.missionId),
              eq(organisations.id, req.body.recipientOrganisationId),
            ),
          );
        if (!org)
          throw unprocessable('The recipient organisation does not exist', [
            { path: 'recipientOrganisationId', message: 'Unknown organisation' },
          ]);
        const id = newId();
        const [row] = await w.tx
          .insert(consents)
          .values({
            ...req.body,
            personId: p.id,
            id,
            createdByOrganisationId: w.actor.organisationId,
            ...created(w),
          })
          .returning();
        await w.audit({
          action: 'create',
          entityType: 'consent',
          entityId: id,
          changedFields: Object.keys(req.body),
          detail: { personId: p.id, purpose: req.body.purpose, decision: req.body.decision },
        });
        return present(w, row!, org.name, reach);
      }),
  );

  app.post(
    '/consents/:id/withdraw',
    { schema: { tags, params, body: consentWithdraw, response: { 200: consent, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const [found] = await select(w).where(and(consentScope(w), eq(consents.id, req.params.id)));
        if (!found) throw notFound('Consent');
        await loadPerson(w, found.c.personId);
        const reach = await personReach(w, found.c.personId);
        // only a consent that was given and stands can be withdrawn: the policy says so
        authorize(w.actor, consentPolicy, 'withdraw', { ...found.c, reach });
        if (req.body.withdrawnOn < found.c.givenOn || req.body.withdrawnOn > today(w)) {
          throw unprocessable('The withdrawal date must be between the consent and today', [
            { path: 'withdrawnOn', message: 'Out of range' },
          ]);
        }
        const row = await updateVersioned(w, consents, found.c.id, req.body.version, {
          withdrawnOn: req.body.withdrawnOn,
          withdrawnReason: req.body.reason,
        });
        await w.audit({
          action: 'withdraw',
          entityType: 'consent',
          entityId: row.id,
          changedFields: ['withdrawnOn', 'withdrawnReason'],
          detail: { personId: row.personId },
        });
        return present(w, row, found.recipientName, reach);
      }),
  );
};
