import { and, asc, eq } from 'drizzle-orm';
import { persons, users } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { rolesOf } from '../directory/users.queries';
import { personScope } from '../registry/persons.scope';

// Who may be given work about a person: only those who may read that person (DESIGN §5), so a
// task or a case never carries a name to someone outside its scope.

type UserRow = { id: string; username: string; displayName: string; organisationId: string };

/** The actor a user would be: used only to ask what they may see, never to act as them. */
const asActor = (w: Work, u: UserRow, roles: Actor['roles']): Actor => ({
  userId: u.id,
  username: u.username,
  missionId: w.actor.missionId,
  organisationId: u.organisationId,
  roles,
  ip: null,
});

const activeUsers = (w: Work, only?: string) =>
  w.tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(
      and(
        eq(users.missionId, w.actor.missionId),
        eq(users.active, true),
        only ? eq(users.id, only) : undefined,
      ),
    );

/** The active user as an Actor (their role assignments included), or null if none or inactive. */
export async function actorOfUser(w: Work, userId: string): Promise<Actor | null> {
  const [u] = await activeUsers(w, userId);
  if (!u) return null;
  return asActor(w, u, (await rolesOf(w, [u.id])).get(u.id) ?? []);
}

/** Does the registry's person scope, applied to `actor`, hold this person? */
export async function mayReadPerson(w: Work, actor: Actor, personId: string): Promise<boolean> {
  const [row] = await w.tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(personScope({ actor }), eq(persons.id, personId)));
  return !!row;
}

/**
 * Refuses (422 on `field`) an assignee who is unknown, inactive, or may not read the person the
 * work is about.
 */
export async function checkAssignee(
  w: Work,
  userId: string,
  personId: string | null | undefined,
  field: string,
): Promise<void> {
  const actor = await actorOfUser(w, userId);
  if (!actor)
    throw unprocessable('The assignee does not exist or is inactive', [
      { path: field, message: 'Unknown user' },
    ]);
  if (personId && !(await mayReadPerson(w, actor, personId)))
    throw unprocessable('The assignee may not see this person', [
      { path: field, message: 'This user may not see the person' },
    ]);
}

/**
 * Active users who may read the person. Users with the same organisation and role assignments
 * get the same answer from the person scope, so they share one query: a mission with many users
 * asks the database only a few times.
 */
export async function assignableUsers(w: Work, personId: string): Promise<UserRow[]> {
  const all = await activeUsers(w).orderBy(asc(users.username));
  const roles = await rolesOf(
    w,
    all.map((u) => u.id),
  );
  const verdicts = new Map<string, Promise<boolean>>();
  const out: UserRow[] = [];
  for (const u of all) {
    const actor = asActor(w, u, roles.get(u.id) ?? []);
    const key = JSON.stringify([u.organisationId, actor.roles]);
    if (!verdicts.has(key)) verdicts.set(key, mayReadPerson(w, actor, personId));
    if (await verdicts.get(key)) out.push(u);
  }
  return out;
}
