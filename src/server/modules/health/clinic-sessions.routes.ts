import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem, uuid } from '../../../domain/common/schemas';
import {
  clinicSession,
  clinicSessionCreate,
  clinicSessionListQuery,
  clinicSessionPage,
  clinicSessionUpdate,
  queueEntryCreate,
  queueEntryUpdate,
  todayClinics,
} from '../../../domain/health/clinic';
import { today } from '../../platform/dates';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { presentSession, presentSummaries, sessionRecord } from './clinic-sessions.presenter';
import { listSessions, loadSession, sessionsOn } from './clinic-sessions.queries';
import { addToQueue, markLeft, openSession, updateSession } from './clinic-sessions.service';
import { clinicSessionPolicy } from './health.policy';
import { dueUnopened, presentSchedule } from './schedules.queries';

const tags = ['health'];
const params = z.strictObject({ id: uuid });
const entryParams = z.strictObject({ id: uuid, entryId: uuid });
const answer = { 200: clinicSession, ...errorResponses };
/** The 409 of a second session for a centre and day names the one held. */
const sessionConflict = problem.extend({ existingId: uuid.optional() });

const presentOne = async (w: Work, id: string) => presentSession(w, await loadSession(w, id));

/** Any route on a session: 403 for those who read no medical data, then 404 outside the reader's centres. */
const sessionFor = async (w: Work, id: string, lock = false) => {
  authorize(w.actor, clinicSessionPolicy, 'list');
  return loadSession(w, id, lock);
};

export const clinicSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clinic-sessions',
    {
      schema: {
        tags,
        description: 'Clinic sessions at the centres where the reader reads medical data, latest first.',
        querystring: clinicSessionListQuery,
        response: { 200: clinicSessionPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, clinicSessionPolicy, 'list');
        const p = await listSessions(w, req.query);
        return { ...p, items: await presentSummaries(w, p.items) };
      }),
  );

  app.get(
    '/clinic-sessions/today',
    {
      schema: {
        tags,
        description:
          "Today's clinics in the reader's centres, and the weekly schedules due today that no one has opened yet (the doctor's home).",
        response: { 200: todayClinics, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, clinicSessionPolicy, 'list');
        const day = today(w);
        const sessions = await presentSummaries(w, await sessionsOn(w, day));
        const scheduled = (await dueUnopened(w, day)).map((r) => presentSchedule(w, r));
        return { today: day, sessions, scheduled };
      }),
  );

  app.get(
    '/clinic-sessions/:id',
    {
      schema: {
        tags,
        description:
          "A session with its staff, counts and the day's queue in ticket order. The read is audited (who saw which patients at the clinic).",
        params,
        response: answer,
      },
    },
    (req) =>
      read(req, async (w) => {
        const h = await sessionFor(w, req.params.id);
        authorize(w.actor, clinicSessionPolicy, 'read', sessionRecord(h));
        const session = await presentSession(w, h);
        // the queue says who came to the clinic: a medical read (DESIGN §6), ONE event naming the
        // patients shown, as a list read does (platform/read-audit.ts)
        await w.audit({
          action: 'read',
          entityType: 'clinic_session',
          entityId: h.s.id,
          detail: { personIds: session.queue.map((e) => e.personId), count: session.queue.length },
        });
        return session;
      }),
  );

  app.post(
    '/clinic-sessions',
    {
      schema: {
        tags,
        description:
          'Opens a centre’s clinic for a day, dispensing from its clinic pharmacy or store. The opener joins the staff; staff are the centre’s doctors and nurses (422 on `staffUserIds.<i>`). One session a centre a day: a second is 409 `session_exists` with `existingId`.',
        body: clinicSessionCreate,
        response: { 201: clinicSession, ...errorResponses, 409: sessionConflict },
      },
    },
    (req, reply) => write(req, reply, 201, async (w) => presentOne(w, await openSession(w, req.body))),
  );

  app.patch(
    '/clinic-sessions/:id',
    {
      schema: {
        tags,
        description:
          'Staff (the whole list), note, and `status`: `closed` marks whoever is still waiting as having left; `open` reopens.',
        params,
        body: clinicSessionUpdate,
        response: answer,
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await updateSession(w, await sessionFor(w, req.params.id, true), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/clinic-sessions/:id/queue',
    {
      schema: {
        tags,
        description:
          'Adds a patient to the queue with the next ticket. They must have been held at the session’s centre on its day (422 `not_at_centre`); someone already queued is 409 `already_queued`.',
        params,
        body: queueEntryCreate,
        response: { 201: clinicSession, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await addToQueue(w, await sessionFor(w, req.params.id, true), req.body.personId);
        return presentOne(w, req.params.id);
      }),
  );

  app.patch(
    '/clinic-sessions/:id/queue/:entryId',
    {
      schema: {
        tags,
        description:
          'Marks a waiting patient as having left (consultations mark them seen or referred). 422 `not_waiting` for anyone else.',
        params: entryParams,
        body: queueEntryUpdate,
        response: answer,
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const h = await sessionFor(w, req.params.id, true);
        await markLeft(w, h, req.params.entryId, req.body.version);
        return presentOne(w, h.s.id);
      }),
  );
};
