import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { type Fitness, fitnessFlag } from '../../../domain/health/consultations';
import { today } from '../../platform/dates';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { personReach } from '../registry/persons.scope';
import { latestFitness } from './consultations.queries';
import { fitnessFlagPolicy } from './health.policy';

const params = z.strictObject({ id: uuid });

export const fitnessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/fitness-to-travel',
    {
      schema: {
        tags: ['health'],
        description:
          'Fitness to travel as a flag (for returns): the latest assessment of any consultation, `current` while it is valid today. Doctors, nurses and return officers; nothing else of the medical record. The read is audited.',
        params,
        response: { 200: fitnessFlag, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, fitnessFlagPolicy, 'read');
        const person = await loadPerson(w, req.params.id);
        authorize(w.actor, fitnessFlagPolicy, 'read', { reach: await personReach(w, person.id) });
        const f = await latestFitness(w, person.id);
        await w.audit({ action: 'read', entityType: 'fitness_to_travel', entityId: person.id });
        return {
          personId: person.id,
          status: (f?.status ?? null) as Fitness | null,
          validUntil: f?.validUntil ?? null,
          assessedOn: f?.assessedOn ?? null,
          current: !!f?.validUntil && f.validUntil >= today(w),
        };
      }),
  );
};
