import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { episode, movement, person } from '../../../domain/registry/schemas';
import { centres, episodes, persons } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { HttpProblem, unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { type ActionOf, authorize } from '../../platform/policy';
import { created } from '../../platform/records';
import { personPolicy } from './persons.policy';
import { loadPerson, presentOne } from './persons.queries';
import { episodeScope, personRecord } from './persons.scope';
import { assertCentre } from './registration';

type EpisodeOut = z.infer<typeof episode>;
type Move = z.infer<typeof movement>;

async function listEpisodes(w: Work, personId: string): Promise<EpisodeOut[]> {
  const found = await w.tx
    .select({ e: episodes, centreName: centres.name })
    .from(episodes)
    .innerJoin(centres, and(eq(centres.missionId, episodes.missionId), eq(centres.id, episodes.centreId)))
    .where(and(episodeScope(w), eq(episodes.personId, personId)))
    .orderBy(asc(episodes.admittedOn), asc(episodes.id));
  return found.map(({ e, centreName }) => ({
    id: e.id,
    personId: e.personId,
    centreId: e.centreId,
    centreName,
    admittedOn: e.admittedOn,
    circumstances: e.circumstances as EpisodeOut['circumstances'],
    endedOn: e.endedOn,
    endReason: e.endReason as EpisodeOut['endReason'],
    version: e.version,
    // a stay is changed only through movements of its person: it is read, never acted on alone
    allowedActions: personPolicy.can(w.actor, 'read') ? ['read'] : [],
  }));
}

const noOpenEpisode = () =>
  new HttpProblem(409, 'Conflict', 'This person is not in a centre now: record an admission first', {
    code: 'no_open_episode',
  });

export const alreadyDetained = () =>
  new HttpProblem(
    409,
    'Conflict',
    'This person already has an open detention episode: record a transfer or release instead',
    { code: 'episode_already_open' },
  );

/** Applies one movement; the database refuses a second open episode and overlapping stays. */
export async function move(w: Work, personId: string, m: Move): Promise<void> {
  if (m.date > today(w))
    throw unprocessable('The date is in the future', [{ path: 'date', message: 'In the future' }]);
  const [open] = await w.tx
    .select()
    .from(episodes)
    .where(
      and(
        eq(episodes.missionId, w.actor.missionId),
        eq(episodes.personId, personId),
        isNull(episodes.endedOn),
      ),
    )
    .for('update');
  const openEpisode = async (
    centreId: string,
    circumstances: string,
    end?: { endedOn: string; endReason: string },
  ) => {
    const id = newId();
    await w.tx.insert(episodes).values({
      id,
      personId,
      centreId,
      admittedOn: m.date,
      circumstances,
      ...end,
      createdByOrganisationId: w.actor.organisationId,
      ...created(w),
    });
    await w.audit({
      action: 'create',
      entityType: 'episode',
      entityId: id,
      changedFields: ['centreId', 'admittedOn'],
      detail: { personId },
    });
  };
  if (m.type === 'admission') {
    await assertCentre(w, m.centreId);
    if ((m.endedOn === undefined) !== (m.endReason === undefined)) {
      throw unprocessable('A past stay needs both its end date and how it ended', [
        { path: m.endedOn ? 'endReason' : 'endedOn', message: 'Required with the other' },
      ]);
    }
    if (m.endedOn && m.endedOn > today(w))
      throw unprocessable('The end date is in the future', [{ path: 'endedOn', message: 'In the future' }]);
    if (m.endedOn && m.endReason)
      await openEpisode(m.centreId, m.circumstances, { endedOn: m.endedOn, endReason: m.endReason });
    else await openEpisode(m.centreId, m.circumstances);
    return;
  }
  if (!open) throw noOpenEpisode();
  if (m.type === 'transfer') {
    await assertCentre(w, m.centreId);
    if (m.centreId === open.centreId)
      throw unprocessable('The person is already in this centre', [
        { path: 'centreId', message: 'Same centre' },
      ]);
  }
  if (m.date < open.admittedOn) {
    throw unprocessable('The date is before the admission to this centre', [
      { path: 'date', message: `On or after ${open.admittedOn}` },
    ]);
  }
  await w.tx
    .update(episodes)
    .set({
      endedOn: m.date,
      endReason: m.type,
      updatedAt: w.now,
      updatedBy: w.actor.userId,
      version: open.version + 1,
    })
    .where(and(eq(episodes.missionId, w.actor.missionId), eq(episodes.id, open.id)));
  await w.audit({
    action: 'update',
    entityType: 'episode',
    entityId: open.id,
    changedFields: ['endedOn', 'endReason'],
    detail: { personId, reason: m.type },
  });
  if (m.type === 'transfer') await openEpisode(m.centreId, 'transferred');
  if (m.type === 'death') {
    await w.tx
      .update(persons)
      .set({ status: 'deceased', updatedAt: w.now, updatedBy: w.actor.userId })
      .where(and(eq(persons.missionId, w.actor.missionId), eq(persons.id, personId)));
    await w.audit({ action: 'update', entityType: 'person', entityId: personId, changedFields: ['status'] });
  }
}

const params = z.strictObject({ id: uuid });
const tags = ['registry'];
const ACTION: Record<Move['type'], ActionOf<typeof personPolicy>> = {
  admission: 'admit',
  transfer: 'transfer',
  release: 'release',
  return: 'release',
  deportation: 'release',
  escape: 'release',
  death: 'release',
};

export const episodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/episodes',
    { schema: { tags, params, response: { 200: z.object({ items: z.array(episode) }), ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, personPolicy, 'read');
        const p = await loadPerson(w, req.params.id);
        return { items: await listEpisodes(w, p.id) };
      }),
  );

  app.post(
    '/persons/:id/episodes',
    {
      schema: {
        tags,
        params,
        body: movement,
        // person is null when the movement took them out of the actor's sight (e.g. transferred onwards)
        response: {
          201: z.object({ person: person.nullable(), episodes: z.array(episode) }),
          ...errorResponses,
        },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const p = await loadPerson(w, req.params.id);
        const destination =
          req.body.type === 'admission' || req.body.type === 'transfer' ? req.body.centreId : undefined;
        const record = await personRecord(w, p, destination);
        if (record.status !== 'active')
          throw new HttpProblem(409, 'Conflict', `This record is ${record.status}`, {
            code: `person_${record.status}`,
          });
        if (req.body.type !== 'admission' && !record.hasOpenEpisode) throw noOpenEpisode();
        // a past stay (with an end) may be recorded while the person is detained elsewhere now
        if (req.body.type === 'admission' && !req.body.endedOn && record.hasOpenEpisode)
          throw alreadyDetained();
        const closedStay = req.body.type === 'admission' && !!req.body.endedOn;
        authorize(w.actor, personPolicy, closedStay ? 'update' : ACTION[req.body.type], record);
        await move(w, p.id, req.body);
        const still = await loadPerson(w, p.id).catch(() => null);
        return { person: still && (await presentOne(w, still)), episodes: await listEpisodes(w, p.id) };
      }),
  );
};
