import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { page, uuid } from '../../../domain/common/schemas';
import { clinicSchedule, clinicScheduleCreate, clinicScheduleUpdate } from '../../../domain/health/clinic';
import { clinicSchedules } from '../../db/schema/index';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { activeChange, changedFields, created, updateVersioned } from '../../platform/records';
import { clinicSchedulePolicy } from './health.policy';
import {
  activeCentre,
  checkPharmacy,
  listSchedules,
  loadSchedule,
  presentSchedule,
  scheduleRecord,
} from './schedules.queries';

const tags = ['health'];
const params = z.strictObject({ id: uuid });
const listQuery = z.strictObject({
  centreId: uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
});
const answer = { 200: clinicSchedule, ...errorResponses };

export const clinicScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clinic-schedules',
    {
      schema: {
        tags,
        description:
          'The weekly clinics of the centres where the reader reads medical data (a few per centre: one page).',
        querystring: listQuery,
        response: { 200: page(clinicSchedule), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, clinicSchedulePolicy, 'list');
        const { centreId, active } = req.query;
        const rows = await listSchedules(w, {
          centreId,
          active: active === undefined ? undefined : active === 'true',
        });
        return { items: rows.map((r) => presentSchedule(w, r)), nextCursor: null };
      }),
  );

  app.get(
    '/clinic-schedules/:id',
    { schema: { tags, description: 'One weekly clinic.', params, response: answer } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, clinicSchedulePolicy, 'list');
        const row = await loadSchedule(w, req.params.id);
        authorize(w.actor, clinicSchedulePolicy, 'read', scheduleRecord(row));
        return presentSchedule(w, row);
      }),
  );

  app.post(
    '/clinic-schedules',
    {
      schema: {
        tags,
        description:
          'A centre’s weekly clinic: the weekday (1 = Monday), the time, and the clinic pharmacy or centre store of that centre it dispenses from (422 on `stockPointId` otherwise).',
        body: clinicScheduleCreate,
        response: { 201: clinicSchedule, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, clinicSchedulePolicy, 'create');
        const b = req.body;
        await activeCentre(w, b.centreId);
        authorize(w.actor, clinicSchedulePolicy, 'create', { reach: [b.centreId] });
        await checkPharmacy(w, b.centreId, b.stockPointId);
        const id = newId();
        await w.tx.insert(clinicSchedules).values({ ...created(w), id, ...b });
        await w.audit({
          action: 'create',
          entityType: 'clinic_schedule',
          entityId: id,
          changedFields: Object.keys(b),
        });
        return presentSchedule(w, await loadSchedule(w, id));
      }),
  );

  app.patch(
    '/clinic-schedules/:id',
    {
      schema: {
        tags,
        description: 'Changes the weekday, time or pharmacy, or (`active: false`) stops the weekly clinic.',
        params,
        body: clinicScheduleUpdate,
        response: answer,
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, clinicSchedulePolicy, 'list');
        const before = await loadSchedule(w, req.params.id);
        authorize(w.actor, clinicSchedulePolicy, 'update', scheduleRecord(before));
        const { version, ...patch } = req.body;
        if (patch.stockPointId) await checkPharmacy(w, before.c.centreId, patch.stockPointId);
        const fields = changedFields(before.c, patch);
        await updateVersioned(w, clinicSchedules, before.c.id, version, patch);
        await w.audit({
          action: activeChange(before.c.active, patch.active) ?? 'update',
          entityType: 'clinic_schedule',
          entityId: before.c.id,
          changedFields: fields,
        });
        return presentSchedule(w, await loadSchedule(w, before.c.id));
      }),
  );
};
