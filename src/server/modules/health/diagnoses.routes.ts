import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  diagnosisByCode,
  diagnosisDefinition,
  diagnosisQuery,
  diagnosisView,
  searchDiagnoses,
} from '../../../domain/health/diagnoses';
import { healthConditions } from '../../db/schema/index';
import { HttpProblem } from '../../platform/errors';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { created } from '../../platform/records';
import { conditionOf, missionCatalogue, viewOf } from './diagnoses.queries';
import { diagnosisPolicy } from './health.policy';

const tags = ['health'];

export const diagnosisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/diagnoses',
    {
      schema: {
        tags,
        description:
          'The diagnosis list (ICD-10 codes with short names in en/ar/fr, the built-in catalogue and the mission’s additions), best match first: `q` is a code with or without its dot, or the start of any word of a name or synonym in any language ("B86", "scab", "جرب", "gale"); without `q`, the list in group order.',
        querystring: diagnosisQuery,
        response: { 200: z.object({ items: z.array(diagnosisView) }), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, diagnosisPolicy, 'list');
        const list = await missionCatalogue(w);
        const found = searchDiagnoses(
          req.query.group ? list.filter((d) => d.group === req.query.group) : list,
          req.query.q,
          req.query.limit,
        );
        return { items: found.map(viewOf) };
      }),
  );

  app.post(
    '/diagnoses',
    {
      schema: {
        tags,
        description:
          'Adds a condition to the mission’s list (a mission-wide doctor or nurse). A code of the built-in list, or one the mission already has, is 409.',
        body: diagnosisDefinition,
        response: { 201: diagnosisView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, diagnosisPolicy, 'create');
        const b = req.body;
        if (diagnosisByCode.has(b.code))
          throw new HttpProblem(409, 'Conflict', `${b.code} is already in the built-in list`, {
            code: 'diagnosis_exists',
            errors: [{ path: 'code', message: 'Already in the built-in list' }],
          });
        const [row] = await w.tx
          .insert(healthConditions)
          .values({
            ...created(w),
            code: b.code,
            group: b.group,
            nameEn: b.names.en,
            nameAr: b.names.ar,
            nameFr: b.names.fr,
            terms: b.terms ?? [],
          })
          .returning();
        await w.audit({
          action: 'create',
          entityType: 'diagnosis',
          entityId: b.code,
          changedFields: Object.keys(b),
        });
        return viewOf(conditionOf(row as typeof healthConditions.$inferSelect));
      }),
  );
};
