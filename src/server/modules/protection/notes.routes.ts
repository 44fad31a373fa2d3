import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { note, noteCreate, noteListQuery, noteSummary } from '../../../domain/protection/records';
import { notes, users } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { allowedActions, authorize } from '../../platform/policy';
import { created, iso } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { personReach, placesOf } from '../registry/persons.scope';
import { ensureCase } from './cases.queries';
import { notePolicy } from './protection.policy';
import { auditListRead } from './read-audit';
import { recordScope } from './scope';

type NoteOut = z.infer<typeof note>;
type NoteRow = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

const select = (w: Work) =>
  w.tx
    .select({ n: notes, author: users.username })
    .from(notes)
    .leftJoin(users, and(eq(users.missionId, notes.missionId), eq(users.id, notes.createdBy)));

/** A note's metadata: no text is decrypted. */
async function summarise(w: Work, rows: NoteRow[]): Promise<Omit<NoteOut, 'body'>[]> {
  const places = await placesOf(
    w,
    rows.map((r) => r.n.personId),
  );
  return rows.map(({ n, author }) => ({
    id: n.id,
    personId: n.personId,
    caseId: n.caseId,
    category: n.category as NoteOut['category'],
    author,
    createdAt: iso(n.createdAt),
    allowedActions: allowedActions(w.actor, notePolicy, { reach: places.get(n.personId)?.reach ?? [] }),
  }));
}

/** Decrypts and audits: every note read leaves a trace (DESIGN §6). */
async function reveal(w: Work, rows: NoteRow[]): Promise<NoteOut[]> {
  const meta = await summarise(w, rows);
  const out: NoteOut[] = [];
  for (const [i, { n }] of rows.entries()) {
    await w.audit({ action: 'read', entityType: 'note', entityId: n.id, detail: { personId: n.personId } });
    out.push({ ...meta[i]!, body: w.ctx.cipher.decrypt(n.body) });
  }
  return out;
}

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

export const noteRoutes: FastifyPluginAsyncZod = async (app) => {
  // reads are transactions too: each note read is audited in the same one
  app.get(
    '/notes',
    {
      schema: {
        tags,
        querystring: noteListQuery,
        response: {
          // with bodies=false the items are noteSummary (note without its body)
          200: z.object({ items: z.array(z.union([note, noteSummary])), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, notePolicy, 'list');
        const p = await loadPerson(w, req.query.personId);
        const { limit, cursor } = req.query;
        const offset = cursor && /^\d{1,6}$/.test(cursor) ? Number(cursor) : 0;
        const found = await select(w)
          .where(and(recordScope(w, notes), eq(notes.personId, p.id)))
          .orderBy(desc(notes.createdAt), desc(notes.id))
          .limit(limit + 1)
          .offset(offset);
        const page = found.slice(0, limit);
        const nextCursor = found.length > limit ? String(offset + limit) : null;
        if (req.query.bodies === 'false') {
          // metadata only: ONE list-read event naming the ids shown, nothing decrypted
          await auditListRead(
            w,
            'note',
            page.map((r) => r.n.id),
            { personId: p.id },
          );
          return { items: await summarise(w, page), nextCursor };
        }
        return { items: await reveal(w, page), nextCursor };
      }),
  );

  app.get('/notes/:id', { schema: { tags, params, response: { 200: note, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      authorize(w.actor, notePolicy, 'read');
      const found = await select(w).where(and(recordScope(w, notes), eq(notes.id, req.params.id)));
      if (!found[0]) throw notFound('Note');
      await loadPerson(w, found[0].n.personId);
      return (await reveal(w, found))[0]!;
    }),
  );

  app.post(
    '/notes',
    { schema: { tags, body: noteCreate, response: { 201: note, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, notePolicy, 'create'); // may write somewhere at all?
        const p = await loadPerson(w, req.body.personId);
        const reach = await personReach(w, p.id);
        authorize(w.actor, notePolicy, 'create', { reach });
        const caseId = await ensureCase(w, p.id);
        const id = newId();
        const [row] = await w.tx
          .insert(notes)
          .values({
            id,
            personId: p.id,
            caseId,
            category: req.body.category,
            body: w.ctx.cipher.encrypt(req.body.body),
            createdByOrganisationId: w.actor.organisationId,
            ...created(w),
          })
          .returning();
        await w.audit({
          action: 'create',
          entityType: 'note',
          entityId: id,
          changedFields: ['category', 'body'],
          detail: { personId: p.id },
        });
        return {
          id,
          personId: p.id,
          caseId,
          category: req.body.category,
          body: req.body.body,
          author: w.actor.username,
          createdAt: iso(row!.createdAt),
          allowedActions: allowedActions(w.actor, notePolicy, { reach }),
        };
      }),
  );
};
