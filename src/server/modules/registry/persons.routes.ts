import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  duplicateProblem,
  familyMember,
  person,
  personListQuery,
  personPage,
  personUpdate,
  registration,
  timelineItem,
} from '../../../domain/registry/schemas';
import { persons, relationships } from '../../db/schema/index';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { changedFields, updateVersioned } from '../../platform/records';
import { personPolicy } from './persons.policy';
import { presentPeople } from './persons.presenter';
import { loadPerson, presentOne } from './persons.queries';
import { personRecord, personScope } from './persons.scope';
import { nameKeyOf, registerPerson } from './registration';
import { searchPersons } from './search';
import { type TimelineSource, timelineOf } from './timeline.queries';

const params = z.strictObject({ id: uuid });
const tags = ['registry'];

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons',
    { schema: { tags, querystring: personListQuery, response: { 200: personPage, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, personPolicy, 'list');
        const found = await searchPersons(w, req.query);
        return { ...found, items: await presentPeople(w, found.items) };
      }),
  );

  app.get('/persons/:id', { schema: { tags, params, response: { 200: person, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      authorize(w.actor, personPolicy, 'read');
      return presentOne(w, await loadPerson(w, req.params.id));
    }),
  );

  app.post(
    '/persons',
    {
      schema: {
        tags,
        body: registration,
        // 409: likely duplicates needing the caller's decision (`notDuplicateOf` and `reason`)
        response: { 201: person, ...errorResponses, 409: duplicateProblem },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, personPolicy, 'create', {
          status: 'active',
          hasOpenEpisode: false,
          reach: [],
          heldAt: null,
          destination: req.body.centreId,
        });
        return presentOne(w, await registerPerson(w, req.body));
      }),
  );

  app.patch(
    '/persons/:id',
    { schema: { tags, params, body: personUpdate, response: { 200: person, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const before = await loadPerson(w, req.params.id);
        authorize(w.actor, personPolicy, 'update', await personRecord(w, before));
        const { version, ...patch } = req.body;
        const fields = changedFields(before, patch);
        const names = { ...before, ...patch };
        const row = await updateVersioned(w, persons, before.id, version, {
          ...patch,
          nameKey: nameKeyOf(names),
        });
        await w.audit({ action: 'update', entityType: 'person', entityId: row.id, changedFields: fields });
        return presentOne(w, row);
      }),
  );
};

export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/family',
    {
      schema: {
        tags,
        params,
        response: { 200: z.object({ items: z.array(familyMember) }), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, personPolicy, 'read');
        const p = await loadPerson(w, req.params.id);
        // only relatives the actor may see are listed
        const found = await w.tx
          .select({ person: persons, relationship: relationships.relationship })
          .from(relationships)
          .innerJoin(
            persons,
            and(
              eq(persons.missionId, relationships.missionId),
              eq(persons.id, relationships.relatedPersonId),
            ),
          )
          .where(
            and(
              eq(relationships.missionId, w.actor.missionId),
              eq(relationships.personId, p.id),
              personScope(w),
            ),
          );
        const people = await presentPeople(
          w,
          found.map((f) => f.person),
        );
        return {
          items: found.map((f, i) => ({
            person: people[i]!,
            relationship: f.relationship as z.infer<typeof familyMember>['relationship'],
          })),
        };
      }),
  );
};

/** A person's timeline from every module's sources; the composition root passes the list in. */
export const timelineRoutes =
  (sources: readonly TimelineSource[]): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/persons/:id/timeline',
      {
        schema: {
          tags,
          params,
          response: { 200: z.object({ items: z.array(timelineItem) }), ...errorResponses },
        },
      },
      (req) =>
        read(req, async (w) => {
          authorize(w.actor, personPolicy, 'read');
          return { items: await timelineOf(w, await loadPerson(w, req.params.id), sources) };
        }),
    );
  };
