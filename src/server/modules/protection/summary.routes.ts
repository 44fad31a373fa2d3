import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { protectionSummary } from '../../../domain/protection/records';
import { cases } from '../../db/schema/index';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { personReach } from '../registry/persons.scope';
import { latestScreenings, NO_SCREENING } from './latest-screening';
import { consentPurposes, personProtectionActions, referralServices } from './person-actions';
import { protectionSummaryPolicy } from './protection.policy';

type Summary = z.infer<typeof protectionSummary>;

/**
 * That a person has protection flags, and how urgent: all that roles marked 'f' in DESIGN §5
 * (doctors, nurses, counsellors) may know. The flags come from the person's latest screening,
 * whoever recorded it: a flag must reach the clinic even if another organisation screened.
 */
export const summaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/persons/:id/protection',
    {
      schema: {
        tags: ['protection'],
        params: z.strictObject({ id: uuid }),
        response: { 200: protectionSummary, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w): Promise<Summary> => {
        authorize(w.actor, protectionSummaryPolicy, 'read');
        const p = await loadPerson(w, req.params.id);
        const reach = await personReach(w, p.id);
        const latest = (await latestScreenings(w, [p.id])).get(p.id) ?? NO_SCREENING;
        const [c] = await w.tx
          .select({ status: cases.status })
          .from(cases)
          .where(
            and(eq(cases.missionId, w.actor.missionId), eq(cases.personId, p.id), ne(cases.status, 'closed')),
          );
        return {
          personId: p.id,
          flags: latest.flags,
          riskLevel: latest.riskLevel,
          lastScreenedOn: latest.screenedOn,
          caseStatus: (c?.status as Summary['caseStatus']) ?? null,
          allowedActions: personProtectionActions(w.actor, reach),
          referralServices: referralServices(w.actor, reach),
          consentPurposes: consentPurposes(w.actor, reach),
        };
      }),
  );
};
