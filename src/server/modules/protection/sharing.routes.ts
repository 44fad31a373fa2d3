import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { sharingProfile, sharingProfileUpdate } from '../../../domain/protection/records';
import { sharingProfiles } from '../../db/schema/index';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { allowedActions, authorize } from '../../platform/policy';
import { created } from '../../platform/records';
import { loadOrganisation } from '../directory/organisations.queries';
import { sharingProfilePolicy } from './protection.policy';
import { profileOf } from './sharing.queries';

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

export const sharingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations/:id/sharing-profile',
    { schema: { tags, params, response: { 200: sharingProfile, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, sharingProfilePolicy, 'read');
        const org = await loadOrganisation(w, req.params.id);
        const p = await profileOf(w, org.id);
        return {
          organisationId: org.id,
          ...p,
          allowedActions: allowedActions(w.actor, sharingProfilePolicy, p),
        };
      }),
  );

  app.put(
    '/organisations/:id/sharing-profile',
    {
      schema: {
        tags,
        params,
        body: sharingProfileUpdate,
        response: { 200: sharingProfile, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, sharingProfilePolicy, 'update');
        const org = await loadOrganisation(w, req.params.id);
        const before = await profileOf(w, org.id);
        const fields = [...new Set(req.body.fields)];
        const services = req.body.services ? [...new Set(req.body.services)] : before.services;
        await w.tx
          .insert(sharingProfiles)
          .values({ organisationId: org.id, fields, services, ...created(w) })
          .onConflictDoUpdate({
            target: [sharingProfiles.missionId, sharingProfiles.organisationId],
            set: {
              fields,
              services,
              updatedAt: w.now,
              updatedBy: w.actor.userId,
              version: (before.version ?? 0) + 1,
            },
          });
        await w.audit({
          action: before.version ? 'update' : 'create',
          entityType: 'sharing_profile',
          entityId: org.id,
          changedFields: req.body.services ? ['fields', 'services'] : ['fields'],
          detail: {
            added: fields.filter((f) => !before.fields.includes(f)),
            removed: before.fields.filter((f) => !fields.includes(f)),
            services,
          },
        });
        const p = await profileOf(w, org.id);
        return {
          organisationId: org.id,
          ...p,
          allowedActions: allowedActions(w.actor, sharingProfilePolicy, p),
        };
      }),
  );
};
