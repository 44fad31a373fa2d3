import { and, eq, inArray } from 'drizzle-orm';
import type { RoleAssignment } from '../../../domain/directory/schemas';
import { centres, roleAssignmentCentres, roleAssignments } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';

/** Replaces a user's assignments; centres must exist in the mission. */
export async function setRoles(w: Work, userId: string, roles: RoleAssignment[]): Promise<void> {
  const m = w.actor.missionId;
  const wanted = [...new Set(roles.flatMap((r) => r.centreIds))];
  if (wanted.length) {
    const found = await w.tx
      .select({ id: centres.id })
      .from(centres)
      .where(and(eq(centres.missionId, m), inArray(centres.id, wanted)));
    const known = new Set(found.map((c) => c.id));
    const errors = roles.flatMap((r, i) =>
      r.centreIds.flatMap((c, j) =>
        known.has(c) ? [] : [{ path: `roles.${i}.centreIds.${j}`, message: 'Unknown centre' }],
      ),
    );
    if (errors.length) throw unprocessable('Some centres do not exist', errors);
  }
  await w.tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.missionId, m), eq(roleAssignments.userId, userId)));
  for (const r of roles) {
    const id = newId();
    await w.tx.insert(roleAssignments).values({ id, userId, role: r.role, ...created(w) });
    const ids = [...new Set(r.centreIds)];
    if (ids.length) {
      await w.tx
        .insert(roleAssignmentCentres)
        .values(ids.map((centreId) => ({ missionId: m, assignmentId: id, centreId })));
    }
  }
}

/** Same assignments, whatever the order. */
export const sameRoles = (a: RoleAssignment[], b: RoleAssignment[]) => {
  const norm = (x: RoleAssignment[]) =>
    JSON.stringify(x.map((r) => `${r.role}:${[...new Set(r.centreIds)].sort().join(',')}`).sort());
  return norm(a) === norm(b);
};
