import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ACCESS, canRead, type Role } from '../../../domain/access/roles';
import { centres } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { Work } from '../../platform/http';
import type { Scope } from '../../platform/policy';

// Surveillance figures and alerts are read by medical readers and managers (health.policy.ts
// `readsSurveillance`), each within their assignment's centres: the scope is the union of those.

/** The centres whose surveillance an actor reads: the union of their reading assignments' scopes. */
export function surveillanceScope(actor: Actor): Scope {
  const relevant = actor.roles.filter((r) => canRead(ACCESS.medical[r.role as Role]) || r.role === 'manager');
  if (relevant.length === 0) return { kind: 'none' };
  if (relevant.some((r) => r.centreIds.length === 0)) return { kind: 'mission' };
  return { kind: 'centres', centreIds: [...new Set(relevant.flatMap((r) => r.centreIds))] };
}

/** The SQL condition on a centre column (the centres table's by default) for that scope. */
export function surveillanceCentres(w: Pick<Work, 'actor'>, centre: PgColumn = centres.id): SQL {
  const scope = surveillanceScope(w.actor);
  if (scope.kind === 'mission') return sql`true`;
  if (scope.kind === 'none' || scope.centreIds.length === 0) return sql`false`;
  return inArray(centre, scope.centreIds);
}

/** The centres in scope (one, if asked), with their names, ordered by name. */
export const centresInScope = (w: Work, centreId?: string) =>
  w.tx
    .select({ id: centres.id, name: centres.name, nameAr: centres.nameAr, nameFr: centres.nameFr })
    .from(centres)
    .where(
      and(
        eq(centres.missionId, w.actor.missionId),
        surveillanceCentres(w),
        centreId ? eq(centres.id, centreId) : undefined,
      ),
    )
    .orderBy(centres.name);
