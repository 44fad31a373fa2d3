import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Access, type Category, canRead } from '../../../domain/access/roles';
import { stockPoints } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { type Reach, scopeOf } from '../../platform/policy';

// Where a stock point is reached (DESIGN §5): a centre store or clinic pharmacy through its
// centre; a warehouse serving no centre only through a mission-wide assignment (an empty reach,
// which no centre-scoped assignment holds).

export const pointReach = (p: { centreId: string | null }): Reach => (p.centreId ? [p.centreId] : []);

/**
 * The stock points an actor may see in a category (stock by default): all for a mission-wide
 * scope, else those of their centres. `centre` is the point's centre column in the query.
 */
export function stockPointScope(
  w: Pick<Work, 'actor'>,
  category: Category = 'stock',
  test: (a: Access) => boolean = canRead,
  centre: PgColumn = stockPoints.centreId,
): SQL {
  const scope = scopeOf(w.actor, category, test);
  if (scope.kind === 'mission') return sql`true`;
  if (scope.kind === 'none' || scope.centreIds.length === 0) return sql`false`;
  return and(isNotNull(centre), inArray(centre, scope.centreIds)) as SQL;
}

/** Points seen by those who read stock or assistance (distributions name their stock point). */
export const pointSeen = (w: Pick<Work, 'actor'>, centre: PgColumn = stockPoints.centreId): SQL =>
  sql`(${stockPointScope(w, 'stock', canRead, centre)} or ${stockPointScope(w, 'assistance', canRead, centre)})`;

/** The point's own row condition, for loaders. */
export const pointIs = (w: Pick<Work, 'actor'>, id: string) =>
  and(eq(stockPoints.missionId, w.actor.missionId), eq(stockPoints.id, id)) as SQL;
