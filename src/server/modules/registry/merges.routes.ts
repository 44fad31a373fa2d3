import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { mergeBody, person } from '../../../domain/registry/schemas';
import { episodes, personMerges, persons, relationships } from '../../db/schema/index';
import { HttpProblem, notFound, staleVersion, unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created, iso } from '../../platform/records';
import { personPolicy } from './persons.policy';
import { loadPerson, presentOne } from './persons.queries';
import { personRecord } from './persons.scope';

type Relationship = typeof relationships.$inferSelect;
/** What a merge changed, kept so it can be undone exactly. */
interface Moves {
  episodes: string[];
  relationshipsRemoved: Omit<Relationship, 'createdAt'>[];
  relationshipsAdded: { personId: string; relatedPersonId: string }[];
}

const mergeOut = z.object({
  id: uuid,
  survivorId: uuid,
  mergedId: uuid,
  mergedRegistrationNumber: z.string(),
  at: z.string(),
  undoneAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});

export async function merge(w: Work, survivorId: string, mergedId: string): Promise<string> {
  const m = w.actor.missionId;
  const moved = await w.tx
    .update(episodes)
    .set({ personId: survivorId, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(and(eq(episodes.missionId, m), eq(episodes.personId, mergedId)))
    .returning({ id: episodes.id });
  const links = await w.tx
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.missionId, m),
        or(eq(relationships.personId, mergedId), eq(relationships.relatedPersonId, mergedId)),
      ),
    );
  const added: Moves['relationshipsAdded'] = [];
  for (const l of links) {
    const personId = l.personId === mergedId ? survivorId : l.personId;
    const relatedPersonId = l.relatedPersonId === mergedId ? survivorId : l.relatedPersonId;
    if (personId === relatedPersonId) continue; // the two records were linked to each other
    const ins = await w.tx
      .insert(relationships)
      .values({
        missionId: m,
        personId,
        relatedPersonId,
        relationship: l.relationship,
        createdBy: w.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ personId: relationships.personId });
    if (ins.length) added.push({ personId, relatedPersonId });
  }
  await w.tx
    .delete(relationships)
    .where(
      and(
        eq(relationships.missionId, m),
        or(eq(relationships.personId, mergedId), eq(relationships.relatedPersonId, mergedId)),
      ),
    );
  await w.tx
    .update(persons)
    .set({ status: 'merged', mergedIntoId: survivorId, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(and(eq(persons.missionId, m), eq(persons.id, mergedId)));
  const moves: Moves = {
    episodes: moved.map((e) => e.id),
    relationshipsRemoved: links.map(({ createdAt: _, ...l }) => l),
    relationshipsAdded: added,
  };
  const id = newId();
  await w.tx.insert(personMerges).values({ id, survivorId, mergedId, moves, ...created(w) });
  await w.audit({
    action: 'merge',
    entityType: 'person',
    entityId: survivorId,
    changedFields: ['episodes', 'relationships'],
    detail: { mergedId, mergeId: id },
  });
  await w.audit({
    action: 'update',
    entityType: 'person',
    entityId: mergedId,
    changedFields: ['status', 'mergedIntoId'],
    detail: { mergeId: id },
  });
  return id;
}

async function undo(w: Work, mergeId: string, survivorId: string): Promise<void> {
  const m = w.actor.missionId;
  const [row] = await w.tx
    .select()
    .from(personMerges)
    .where(
      and(
        eq(personMerges.missionId, m),
        eq(personMerges.id, mergeId),
        eq(personMerges.survivorId, survivorId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Merge');
  if (row.undoneAt)
    throw new HttpProblem(409, 'Conflict', 'This merge was already undone', { code: 'merge_undone' });
  const moves = row.moves as Moves;
  if (moves.episodes.length) {
    await w.tx
      .update(episodes)
      .set({ personId: row.mergedId, updatedAt: w.now, updatedBy: w.actor.userId })
      .where(and(eq(episodes.missionId, m), inArray(episodes.id, moves.episodes)));
  }
  for (const a of moves.relationshipsAdded) {
    await w.tx
      .delete(relationships)
      .where(
        and(
          eq(relationships.missionId, m),
          eq(relationships.personId, a.personId),
          eq(relationships.relatedPersonId, a.relatedPersonId),
        ),
      );
  }
  if (moves.relationshipsRemoved.length)
    await w.tx.insert(relationships).values(moves.relationshipsRemoved).onConflictDoNothing();
  await w.tx
    .update(persons)
    .set({ status: 'active', mergedIntoId: null, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(and(eq(persons.missionId, m), eq(persons.id, row.mergedId)));
  await w.tx
    .update(personMerges)
    .set({ undoneAt: w.now, undoneBy: w.actor.userId })
    .where(and(eq(personMerges.missionId, m), eq(personMerges.id, row.id)));
  await w.audit({
    action: 'unmerge',
    entityType: 'person',
    entityId: survivorId,
    changedFields: ['episodes', 'relationships'],
    detail: { mergedId: row.mergedId, mergeId: row.id },
  });
}

const params = z.strictObject({ id: uuid });
const tags = ['registry'];

export const mergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/persons/:id/merges',
    { schema: { tags, params, body: mergeBody, response: { 201: person, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const survivor = await loadPerson(w, req.params.id);
        authorize(w.actor, personPolicy, 'merge', await personRecord(w, survivor));
        if (survivor.version !== req.body.version) throw staleVersion();
        if (req.body.duplicateId === survivor.id)
          throw unprocessable('A record cannot be merged into itself', [
            { path: 'duplicateId', message: 'Same record' },
          ]);
        const dup = await loadPerson(w, req.body.duplicateId);
        if (dup.status !== 'active')
          throw unprocessable(`That record is ${dup.status}`, [{ path: 'duplicateId', message: dup.status }]);
        await merge(w, survivor.id, dup.id);
        return presentOne(w, await loadPerson(w, survivor.id));
      }),
  );

  app.get(
    '/persons/:id/merges',
    {
      schema: { tags, params, response: { 200: z.object({ items: z.array(mergeOut) }), ...errorResponses } },
    },
    (req) =>
      read(req, async (w) => {
        const p = await loadPerson(w, req.params.id);
        authorize(w.actor, personPolicy, 'read');
        const found = await w.tx
          .select({ g: personMerges, number: persons.registrationNumber })
          .from(personMerges)
          .innerJoin(
            persons,
            and(eq(persons.missionId, personMerges.missionId), eq(persons.id, personMerges.mergedId)),
          )
          .where(and(eq(personMerges.missionId, w.actor.missionId), eq(personMerges.survivorId, p.id)))
          .orderBy(desc(personMerges.createdAt));
        const mayUndo = personPolicy.can(w.actor, 'unmerge');
        return {
          items: found.map(({ g, number }) => ({
            id: g.id,
            survivorId: g.survivorId,
            mergedId: g.mergedId,
            mergedRegistrationNumber: number,
            at: iso(g.createdAt),
            undoneAt: g.undoneAt ? iso(g.undoneAt) : null,
            allowedActions: !g.undoneAt && mayUndo ? ['undo'] : [],
          })),
        };
      }),
  );

  app.post(
    '/persons/:id/merges/:mergeId/undo',
    {
      schema: {
        tags,
        params: z.strictObject({ id: uuid, mergeId: uuid }),
        response: { 200: person, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const survivor = await loadPerson(w, req.params.id);
        authorize(w.actor, personPolicy, 'unmerge', await personRecord(w, survivor));
        await undo(w, req.params.mergeId, survivor.id);
        return presentOne(w, await loadPerson(w, survivor.id));
      }),
  );
};
