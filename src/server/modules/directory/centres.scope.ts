import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { centres } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { scopeOf } from '../../platform/policy';

/** The SQL condition limiting centres to the actor's scope. */
export function centreScope(w: Pick<Work, 'actor'>): SQL {
  const scope = scopeOf(w.actor);
  const mine = eq(centres.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none' || scope.centreIds.length === 0) return sql`false`;
  return and(mine, inArray(centres.id, scope.centreIds)) as SQL;
}
