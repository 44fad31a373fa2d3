import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  bookPassenger,
  confirmDeparture,
  createEscort,
  createMovement,
  manifestQuery,
  movement,
  movementListQuery,
  movementPage,
  recordArrival,
  removePassenger,
  updateMovement,
} from '../../../domain/returns/movements';
import { organisations } from '../../db/schema/index';
import { currentUser } from '../../platform/auth/plugin';
import { today } from '../../platform/dates';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import * as departure from './departure.service';
import { buildManifest, manifestPdf, manifestXlsx } from './manifest';
import { movementPolicy } from './movements.policy';
import { presentMovement, presentSummary } from './movements.presenter';
import { listMovements, loadMovement, takenSeats } from './movements.queries';
import * as svc from './movements.service';

const tags = ['returns'];
const params = z.strictObject({ id: uuid });
const passengerParams = z.strictObject({ id: uuid, caseId: uuid });
const ok = z.object({ ok: z.literal(true) });

export const movementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/movements',
    {
      schema: {
        tags,
        description:
          'Movements (flights, convoys), the latest departure first, with the seats taken. Returns readers.',
        querystring: movementListQuery,
        response: { 200: movementPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, movementPolicy, 'list');
        const p = await listMovements(w, req.query);
        const taken = await takenSeats(
          w,
          p.items.map((m) => m.id),
        );
        return { ...p, items: p.items.map((m) => presentSummary(w, m, taken.get(m.id) ?? 0)) };
      }),
  );

  app.post(
    '/movements',
    {
      schema: {
        tags,
        description: 'Plans a movement (any assignment writing returns).',
        body: createMovement,
        response: { 201: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => presentMovement(w, await svc.createMovement(w, req.body))),
  );

  app.get(
    '/movements/:id',
    {
      schema: {
        tags,
        description: 'One movement with its escorts and the passengers whose return cases the reader sees.',
        params,
        response: { 200: movement, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, movementPolicy, 'read');
        return presentMovement(w, req.params.id);
      }),
  );

  app.patch(
    '/movements/:id',
    {
      schema: {
        tags,
        description:
          'Changes a planned movement (with its `version`). Fewer seats than taken, or a date on which a booked passenger’s documents or fitness are not valid, is refused (422).',
        params,
        body: updateMovement,
        response: { 200: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await svc.updateMovement(w, req.params.id, req.body);
        return presentMovement(w, req.params.id);
      }),
  );

  app.post(
    '/movements/:id/escorts',
    {
      schema: {
        tags,
        description: 'Names a medical or operational escort.',
        params,
        body: createEscort,
        response: { 201: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await svc.addEscort(w, req.params.id, req.body);
        return presentMovement(w, req.params.id);
      }),
  );

  app.post(
    '/movements/:id/passengers',
    {
      schema: {
        tags,
        description:
          'Books a return case on the movement: the case must be fit to travel (or a no-show), on the person’s reach, bound for the movement’s country, with a free seat, and its travel document, exit visa and fitness to travel valid on the departure date (422 naming each blocker).',
        params,
        body: bookPassenger,
        response: { 201: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await svc.bookPassenger(w, req.params.id, req.body.caseId);
        return presentMovement(w, req.params.id);
      }),
  );

  const remove = async (
    w: Parameters<Parameters<typeof read>[1]>[0],
    id: string,
    caseId: string,
    reason?: string,
  ) => {
    await svc.removePassenger(w, id, caseId, reason);
    return presentMovement(w, id);
  };
  app.post(
    '/movements/:id/passengers/:caseId/remove',
    {
      schema: {
        tags,
        description:
          'Takes a booked passenger off a planned movement (the case stays booked, to be booked again).',
        params: passengerParams,
        body: removePassenger,
        response: { 200: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, (w) => remove(w, req.params.id, req.params.caseId, req.body.reason)),
  );
  app.delete(
    '/movements/:id/passengers/:caseId',
    {
      schema: {
        tags,
        description: 'The same as `POST …/remove`, without a reason.',
        params: passengerParams,
        response: { 200: movement, ...errorResponses },
      },
    },
    (req, reply) => write(req, reply, 200, (w) => remove(w, req.params.id, req.params.caseId)),
  );

  app.post(
    '/movements/:id/departure',
    {
      schema: {
        tags,
        description:
          'Confirms the departure person by person (on or after the departure date), all or nothing: departed → case departed and the person’s detention episode ended (reason return); no-show → case no_show with `noShowReason`.',
        params,
        body: confirmDeparture,
        response: { 200: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await departure.confirmDeparture(w, req.params.id, req.body);
        return presentMovement(w, req.params.id);
      }),
  );

  app.post(
    '/returns/:id/arrival',
    {
      schema: {
        tags,
        description:
          'Records the arrival in the country of return of a person who departed: the case moves to arrived.',
        params,
        body: recordArrival,
        response: { 200: ok, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await departure.recordArrival(w, req.params.id, req.body.arrivedOn);
        return { ok: true as const };
      }),
  );

  app.get(
    '/movements/:id/manifest',
    {
      schema: {
        tags,
        description:
          'The passenger manifest (PDF or XLSX) in the reader’s language or `lang`: passengers on board whom the reader sees, their travel documents, escorts. Audited as an export.',
        params,
        querystring: manifestQuery,
        response: { 200: z.unknown().describe('The manifest file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format } = req.query;
      const lang = req.query.lang ?? currentUser(req).locale;
      const out = await read(req, async (w) => {
        authorize(w.actor, movementPolicy, 'manifest');
        const m = await loadMovement(w, req.params.id);
        const x = await buildManifest(w, m, lang);
        const [org] = await w.tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(
            and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, w.actor.organisationId)),
          );
        const body =
          format === 'pdf'
            ? await manifestPdf(x, lang, org?.name ?? '', today(w))
            : await manifestXlsx(x, lang);
        await w.audit({
          action: 'export',
          entityType: 'movement_manifest',
          entityId: m.id,
          detail: { format, lang, rows: x.rows.length, withheld: x.withheld },
        });
        return { body, name: `${m.reference}-manifest.${format}` };
      });
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${out.name}"`)
        .header('cache-control', 'no-store')
        .send(out.body);
    },
  );
};
