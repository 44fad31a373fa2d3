import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid, version } from '../../../domain/common/schemas';
import {
  consultation,
  consultationCreate,
  consultationListQuery,
  consultationPage,
  consultationUpdate,
} from '../../../domain/health/consultations';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { auditListRead, auditRead } from '../../platform/read-audit';
import { presentConsultation, presentSummaries } from './consultations.presenter';
import { listConsultations, loadConsultation, recordsOf } from './consultations.queries';
import { createConsultation, updateConsultation } from './consultations.service';
import { dispenseRemaining } from './dispensing.service';
import { consultationPolicy } from './health.policy';

const tags = ['health'];
const params = z.strictObject({ id: uuid });
const dispenseBody = z.strictObject({
  version,
  /** the prescriptions to dispense (all those with something left when absent) */
  prescriptionIds: z.array(uuid).min(1).max(20).optional(),
});

/** Reads one consultation whole, as a write's answer (the writer just typed what it holds). */
const presentOne = async (w: Work, id: string) => presentConsultation(w, await loadConsultation(w, id));

export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/consultations',
    {
      schema: {
        tags,
        description:
          'Consultations the reader may see (doctors and nurses), latest first, filtered by person, session, centre, diagnosis code and dates; counted. No free text, vitals or prescriptions (read one for those). The read is audited, naming the ids shown.',
        querystring: consultationListQuery,
        response: { 200: consultationPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, consultationPolicy, 'list');
        const p = await listConsultations(w, req.query);
        await auditListRead(
          w,
          'consultation',
          p.items.map((h) => h.c.id),
        );
        return { ...p, items: await presentSummaries(w, p.items) };
      }),
  );

  app.get(
    '/consultations/:id',
    {
      schema: {
        tags,
        description:
          'One consultation whole: complaint and treatment notes decrypted, vitals, prescriptions with the lots dispensed. Every read is audited.',
        params,
        response: { 200: consultation, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, consultationPolicy, 'read'); // a medical reader at all? (403 before 404)
        const h = await loadConsultation(w, req.params.id);
        authorize(w.actor, consultationPolicy, 'read', (await recordsOf(w, [h])).get(h.c.id));
        await auditRead(w, 'consultation', h.c.id, h.c.personId);
        return presentConsultation(w, h);
      }),
  );

  app.post(
    '/consultations',
    {
      schema: {
        tags,
        description:
          'Records a consultation in an open clinic session, in one transaction: diagnoses (the built-in list or the mission’s), prescriptions of active medicines and medical disposables, dispensing from the session’s pharmacy through the stock ledger (`dispense: true` needs an assignment writing medical data and stock there: a nurse’s), surveillance cases and alerts, the queue entry marked seen or referred. Not enough stock (422 `stock_negative` on `prescriptions.N.quantity`) or an expired lot (422 `lot_expired` on `prescriptions.N.lotId`) writes nothing.',
        body: consultationCreate,
        response: { 201: consultation, ...errorResponses },
      },
    },
    (req, reply) => write(req, reply, 201, async (w) => presentOne(w, await createConsultation(w, req.body))),
  );

  app.patch(
    '/consultations/:id',
    {
      schema: {
        tags,
        description:
          'Corrects the clinical record (with its version): complaint, vitals, dehydration, diagnoses, treatment notes, outcome, follow-up, fitness to travel. Surveillance cases are derived again and alerts evaluated; dispensing is never touched (reverse it on the stock card).',
        params,
        body: consultationUpdate,
        response: { 200: consultation, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await updateConsultation(w, req.params.id, req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/consultations/:id/dispense',
    {
      schema: {
        tags,
        description:
          'Dispenses what is left of the prescriptions (those named, or all) from the session’s pharmacy, first expiry first, dated the session’s day. Needs one assignment writing medical data and stock there (a nurse’s); a doctor gets 403.',
        params,
        body: dispenseBody,
        response: { 200: consultation, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await dispenseRemaining(w, req.params.id, req.body);
        return presentOne(w, req.params.id);
      }),
  );
};
