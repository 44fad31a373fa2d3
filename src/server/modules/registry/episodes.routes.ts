import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { episode, movement, person } from '../../../domain/registry/schemas';
import { centres, episodes } from '../../db/schema/index';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { authorizeMovement, move } from './episodes.service';
import { personPolicy } from './persons.policy';
import { loadPerson, presentOne } from './persons.queries';
import { episodeScope } from './persons.scope';

type EpisodeOut = z.infer<typeof episode>;

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

const params = z.strictObject({ id: uuid });
const tags = ['registry'];
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
        await authorizeMovement(w, p, req.body);
        await move(w, p.id, req.body);
        const still = await loadPerson(w, p.id).catch(() => null);
        return { person: still && (await presentOne(w, still)), episodes: await listEpisodes(w, p.id) };
      }),
  );
};
