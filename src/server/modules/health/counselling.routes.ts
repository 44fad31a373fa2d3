import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  counsellingSessionCreate,
  counsellingSessionUpdate,
  counsellingSessionView,
} from '../../../domain/health/counselling';
import {
  counsellingListQuery,
  counsellingSessionPage,
  personCounselling,
} from '../../../domain/health/counselling-lists';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { auditListRead } from '../../platform/read-audit';
import { loadPerson } from '../registry/persons.queries';
import { counsellingPolicy, counsellingStubPolicy, readsMhpss } from './counselling.policy';
import { presentListItem, presentSession, presentStub } from './counselling.presenter';
import {
  listSessions,
  loadSession,
  type SessionFull,
  sessionsOfPerson,
  withPeople,
} from './counselling.queries';
import { createSession, updateSession } from './counselling.service';

const tags = ['health'];
const params = z.strictObject({ id: uuid });

/** One session read in full: answers and notes decrypted, so the read is audited. */
async function reveal(w: Work, f: SessionFull) {
  await w.audit({
    action: 'read',
    entityType: 'counselling_session',
    entityId: f.s.id,
    detail: { personIds: f.people.map((p) => p.personId) },
  });
  return presentSession(w, f);
}

/** The session as its writer gets it back (they wrote what it holds: no read to audit). */
const written = async (w: Work, id: string) =>
  presentSession(w, (await withPeople(w, [await loadSession(w, id)]))[0]!);

export const counsellingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/counselling-sessions',
    {
      schema: {
        tags,
        description:
          'Counselling sessions the counsellor reaches (through any of their people), latest first, without notes or answers. Counsellors only; the read is audited with the ids listed.',
        querystring: counsellingListQuery,
        response: { 200: counsellingSessionPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, counsellingPolicy, 'list');
        const p = await listSessions(w, req.query);
        const { cursor: _c, limit: _l, ...filters } = req.query;
        await auditListRead(
          w,
          'counselling_session',
          p.items.map((f) => f.s.id),
          { filters },
        );
        return { ...p, items: p.items.map((f) => presentListItem(w, f)) };
      }),
  );

  app.get(
    '/counselling-sessions/:id',
    {
      schema: {
        tags,
        description: 'One session in full (measure answers and notes decrypted). Counsellors only; audited.',
        params,
        response: { 200: counsellingSessionView, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, counsellingPolicy, 'list');
        const [f] = await withPeople(w, [await loadSession(w, req.params.id)]);
        authorize(w.actor, counsellingPolicy, 'read', f!.record);
        return reveal(w, f!);
      }),
  );

  app.post(
    '/counselling-sessions',
    {
      schema: {
        tags,
        description:
          'Records an individual or group session. One assignment writing counselling must hold the centre and every person. Score and band are computed from the answers. Thoughts of self-harm (or self-harm risk as a problem) create an urgent follow-up for the counsellor, due the day of the session, in the same transaction; `nextSessionOn` a normal one on that day.',
        body: counsellingSessionCreate,
        response: { 201: counsellingSessionView, ...errorResponses },
      },
    },
    (req, reply) => write(req, reply, 201, async (w) => written(w, await createSession(w, req.body))),
  );

  app.patch(
    '/counselling-sessions/:id',
    {
      schema: {
        tags,
        description:
          'Changes a session (with its `version`; 409 when stale). The rules across fields apply to the changed session as a whole (422 with field paths). A new answer of self-harm creates the urgent follow-up; a new next-session day moves the open follow-up.',
        params,
        body: counsellingSessionUpdate,
        response: { 200: counsellingSessionView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await updateSession(w, req.params.id, req.body);
        return written(w, req.params.id);
      }),
  );

  app.get(
    '/persons/:id/counselling',
    {
      schema: {
        tags,
        description:
          'A person’s counselling sessions: in full for counsellors who reach them (each read audited), otherwise stubs saying only that a session took place (kind, day, centre, counsellor) to anyone who reads the person.',
        params,
        response: { 200: personCounselling, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, counsellingStubPolicy, 'read');
        const person = await loadPerson(w, req.params.id);
        const found = await sessionsOfPerson(w, person.id, readsMhpss(w.actor));
        const full = await withPeople(w, found.full);
        const sessions = [];
        const stubs = found.stubs.map(presentStub);
        for (const f of full) {
          if (counsellingPolicy.can(w.actor, 'read', f.record)) sessions.push(await reveal(w, f));
          else stubs.push(presentStub(f));
        }
        return { sessions, stubs: stubs.sort((a, b) => b.heldOn.localeCompare(a.heldOn)) };
      }),
  );
};
