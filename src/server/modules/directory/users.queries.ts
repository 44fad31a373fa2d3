import { and, eq, inArray } from 'drizzle-orm';
import type { RoleAssignment } from '../../../domain/directory/schemas';
import { roleAssignmentCentres, roleAssignments } from '../../db/schema/index';
import type { Work } from '../../platform/http';

/** Role assignments of many users at once (one query each for assignments and their centres). */
export async function rolesOf(w: Work, userIds: string[]): Promise<Map<string, RoleAssignment[]>> {
  const out = new Map<string, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const m = w.actor.missionId;
  const assignments = await w.tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.missionId, m), inArray(roleAssignments.userId, userIds)))
    .orderBy(roleAssignments.role);
  const links = assignments.length
    ? await w.tx
        .select()
        .from(roleAssignmentCentres)
        .where(
          and(
            eq(roleAssignmentCentres.missionId, m),
            inArray(
              roleAssignmentCentres.assignmentId,
              assignments.map((a) => a.id),
            ),
          ),
        )
    : [];
  for (const a of assignments) {
    const centreIds = links
      .filter((l) => l.assignmentId === a.id)
      .map((l) => l.centreId)
      .sort();
    out.get(a.userId)?.push({ role: a.role as RoleAssignment['role'], centreIds });
  }
  return out;
}
