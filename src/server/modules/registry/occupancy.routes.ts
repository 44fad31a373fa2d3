// Every centre in the reader's scope, its people now against its capacity: the centres list and
// the mission figures on the home page read this in one request instead of one per centre.
import { and, count, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { occupancyList } from '../../../domain/registry/occupancy';
import { publishTotal } from '../../../domain/registry/population';
import { centres, episodes } from '../../db/schema/index';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { centreScope } from '../directory/centres.scope';
import { populationPolicy } from './population.policy';

export const occupancyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/centres/occupancy',
    { schema: { tags: ['registry'], response: { 200: occupancyList, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, populationPolicy, 'read');
        const found = await w.tx
          .select({ centreId: centres.id, capacity: centres.capacity, total: count(episodes.id) })
          .from(centres)
          .leftJoin(
            episodes,
            and(
              eq(episodes.missionId, centres.missionId),
              eq(episodes.centreId, centres.id),
              isNull(episodes.endedOn),
            ),
          )
          .where(centreScope(w))
          .groupBy(centres.missionId, centres.id, centres.capacity, centres.name)
          .orderBy(centres.name);
        return {
          items: found.map((c) => {
            // a small count is hidden from those who may not see people there (as on the centre's page)
            const exact = populationPolicy.can(w.actor, 'read_exact', { centreId: c.centreId });
            const shown = publishTotal(c.total, exact);
            return {
              centreId: c.centreId,
              capacity: c.capacity,
              total: shown.total,
              occupancy: c.capacity > 0 && shown.total !== null ? shown.total / c.capacity : null,
              suppressed: shown.suppressed,
            };
          }),
        };
      }),
  );
};
