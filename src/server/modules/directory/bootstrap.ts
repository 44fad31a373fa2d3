import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, exists, or } from 'drizzle-orm';
import type { Role } from '../../../domain/access/roles';
import { missions, organisations, roleAssignments, users } from '../../db/schema/index';
import { hashPassword } from '../../platform/auth/passwords';
import type { AppContext } from '../../platform/context';
import { asSystem, type Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { inSystem } from '../../platform/tx';
import { setRoles } from './users.roles';

/** The installation's first mission, created on first start from SANAD_MISSION_CODE / _NAME. */
export async function ensureMission(ctx: AppContext): Promise<string> {
  const existing = await inSystem(ctx.database, (tx) =>
    tx.select({ id: missions.id }).from(missions).orderBy(asc(missions.createdAt)).limit(1),
  );
  if (existing[0]) return existing[0].id;
  const id = newId();
  await inSystem(ctx.database, (tx) =>
    tx.insert(missions).values({ id, code: ctx.config.missionCode, name: ctx.config.missionName }),
  );
  await asSystem(ctx, id, async (w) => {
    await w.tx
      .insert(organisations)
      .values({ id: newId(), name: ctx.config.missionName, kind: 'mission', ...created(w) });
    await w.audit({ action: 'create', entityType: 'mission', entityId: id, changedFields: ['code', 'name'] });
  });
  return id;
}

/** The mission's own organisation (kind `mission`), home of bootstrap accounts. */
export async function missionOrganisation(w: Work): Promise<string> {
  const [org] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'mission'))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (org) return org.id;
  const id = newId();
  await w.tx.insert(organisations).values({ id, name: 'Mission', kind: 'mission', ...created(w) });
  return id;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  roles: { role: Role; centreIds: string[] }[];
  organisationId?: string;
  passwordChangeRequired?: boolean;
}

export async function addAccount(w: Work, a: NewAccount): Promise<string> {
  const id = newId();
  await w.tx.insert(users).values({
    id,
    username: a.username,
    displayName: a.displayName,
    organisationId: a.organisationId ?? (await missionOrganisation(w)),
    passwordHash: await hashPassword(a.password),
    passwordChangeRequired: a.passwordChangeRequired ?? false,
    ...created(w),
  });
  await setRoles(w, id, a.roles);
  await w.audit({ action: 'create', entityType: 'user', entityId: id, changedFields: ['username', 'roles'] });
  return id;
}

/**
 * On a brand-new installation, an `admin` account: with SANAD_ADMIN_PASSWORD, or a random
 * password returned so the caller prints it once.
 */
export async function ensureAdmin(ctx: AppContext, missionId: string): Promise<{ password?: string }> {
  // `sanad demo` may run before the first start: look for an administrator, not for any user
  const [n] = await inSystem(ctx.database, (tx) =>
    tx
      .select({ n: count() })
      .from(users)
      .where(
        or(
          eq(users.username, 'admin'),
          exists(
            tx
              .select()
              .from(roleAssignments)
              .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, 'admin'))),
          ),
        ),
      ),
  );
  if ((n?.n ?? 0) > 0) return {};
  const generated = ctx.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  await asSystem(ctx, missionId, (w) =>
    addAccount(w, {
      username: 'admin',
      displayName: 'Administrator',
      password: ctx.config.adminPassword ?? (generated as string),
      roles: [{ role: 'admin', centreIds: [] }],
    }),
  );
  return { password: generated };
}
