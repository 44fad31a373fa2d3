import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { canRead, canWrite } from '../../../domain/access/roles';
import { episodes, persons } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { inScope, scopeOf } from '../../platform/policy';

/**
 * The people an actor may see (DESIGN §5): everyone in the mission for a mission-wide scope;
 * otherwise those with an open episode in one of the actor's centres, or registered by the
 * actor's organisation.
 */
export function personScope(w: Pick<Work, 'actor'>, test = canRead): SQL {
  const scope = scopeOf(w.actor, 'identity', test);
  const mine = eq(persons.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  const here = scope.centreIds.length
    ? sql`exists (select 1 from ${episodes} e where e.mission_id = ${persons.missionId} and e.person_id = ${persons.id}
        and e.ended_on is null and e.centre_id in (${sql.join(
          scope.centreIds.map((c) => sql`${c}`),
          sql`, `,
        )}))`
    : sql`false`;
  return and(mine, or(here, eq(persons.createdByOrganisationId, w.actor.organisationId))) as SQL;
}

/**
 * Episodes an actor may see: all within a mission-wide scope; otherwise those at the actor's
 * centres or recorded by the actor's organisation (after a transfer, the old centre keeps what
 * it recorded but not what the new centre records).
 */
export function episodeScope(w: Pick<Work, 'actor'>): SQL {
  const scope = scopeOf(w.actor, 'identity', canRead);
  const mine = eq(episodes.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  return and(
    mine,
    or(
      scope.centreIds.length ? inArray(episodes.centreId, scope.centreIds) : sql`false`,
      eq(episodes.createdByOrganisationId, w.actor.organisationId),
    ),
  ) as SQL;
}

/** May the actor record people into (or out of) this centre? */
export const mayWriteAt = (w: Pick<Work, 'actor'>, centreId: string) =>
  inScope(scopeOf(w.actor, 'identity', canWrite), centreId);
