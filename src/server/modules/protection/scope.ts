import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canRead } from '../../../domain/access/roles';
import type { Work } from '../../platform/http';
import { scopeOf } from '../../platform/policy';

/**
 * Which protection records an actor may see (as for episodes, DESIGN §5): all in the mission
 * for a mission-wide scope; otherwise those recorded by the actor's organisation, or about
 * someone now held in one of the actor's centres.
 */
export function recordScope(
  w: Pick<Work, 'actor'>,
  t: { missionId: PgColumn; personId: PgColumn; createdByOrganisationId: PgColumn },
): SQL {
  const scope = scopeOf(w.actor, 'protection', canRead);
  const mine = eq(t.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  const here = scope.centreIds.length
    ? sql`exists (select 1 from episodes e where e.mission_id = ${t.missionId} and e.person_id = ${t.personId}
        and e.ended_on is null and e.centre_id in (${sql.join(
          scope.centreIds.map((c) => sql`${c}`),
          sql`, `,
        )}))`
    : sql`false`;
  return and(mine, or(eq(t.createdByOrganisationId, w.actor.organisationId), here)) as SQL;
}
