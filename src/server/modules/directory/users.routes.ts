import { and, eq, exists, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_LABELS } from '../../../domain/access/role-labels';
import { LOCALE_LABELS } from '../../../domain/common/labels';
import { uuid } from '../../../domain/common/schemas';
import {
  type UserSort,
  user,
  userCreate,
  userListQuery,
  userPage,
  userUpdate,
} from '../../../domain/directory/schemas';
import { organisations, roleAssignments, users } from '../../db/schema/index';
import { hashPassword } from '../../platform/auth/passwords';
import { RESET_TOTP } from '../../platform/auth/recovery-codes';
import { forgetUser } from '../../platform/auth/session-cache';
import { endUserSessions } from '../../platform/auth/sessions';
import { notFound, unprocessable } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { countedSortedPage, type SortedKeyset } from '../../platform/pagination';
import { allowedActions, authorize } from '../../platform/policy';
import { changedFields, created, iso, likePattern, updateVersioned } from '../../platform/records';
import { loadOrganisation } from './organisations.queries';
import { activeChange } from './shared';
import { userPolicy } from './users.policy';
import { rolesOf } from './users.queries';
import { sameRoles, setRoles } from './users.roles';

type Row = typeof users.$inferSelect;
type UserOut = z.infer<typeof user>;

const present = (w: Work, r: Row, roles: UserOut['roles']): UserOut => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  email: r.email ?? undefined,
  organisationId: r.organisationId,
  locale: r.locale as UserOut['locale'],
  roles,
  active: r.active,
  totpEnabled: r.totpEnabled,
  lockedUntil: r.lockedUntil && r.lockedUntil > w.now ? iso(r.lockedUntil) : null,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  allowedActions: allowedActions(w.actor, userPolicy, {
    ...r,
    lockedUntil: r.lockedUntil && r.lockedUntil > w.now ? r.lockedUntil : null,
  }),
});

async function load(w: Work, id: string): Promise<Row> {
  const [row] = await w.tx
    .select()
    .from(users)
    .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, id)));
  if (!row) throw notFound('User');
  return row;
}

async function presentOne(w: Work, row: Row) {
  return present(w, row, (await rolesOf(w, [row.id])).get(row.id) ?? []);
}

async function checkOrganisation(w: Work, id: string | undefined) {
  if (id && !(await loadOrganisation(w, id).catch(() => null))) {
    throw unprocessable('The organisation does not exist', [
      { path: 'organisationId', message: 'Unknown organisation' },
    ]);
  }
}

/** Sort columns; the organisation as the list shows it (acronym, else name), never null. */
const SORTS: Record<UserSort, SortedKeyset['column']> = {
  username: users.username,
  displayName: users.displayName,
  organisation: sql`coalesce((select coalesce(${organisations.acronym}, ${organisations.name}) from ${organisations} where ${and(
    eq(organisations.missionId, users.missionId),
    eq(organisations.id, users.organisationId),
  )}), '')`,
};
const params = z.strictObject({ id: uuid });
const tags = ['directory'];

/** One page of the list (the list route and its export both use it). */
async function listUsers(w: Work, query: z.infer<typeof userListQuery>) {
  const { q, role, organisationId, active } = query;
  const where: (SQL | undefined)[] = [eq(users.missionId, w.actor.missionId)];
  if (q) where.push(or(ilike(users.username, likePattern(q)), ilike(users.displayName, likePattern(q))));
  if (organisationId) where.push(eq(users.organisationId, organisationId));
  if (active) where.push(eq(users.active, active === 'true'));
  if (role) {
    where.push(
      exists(
        w.tx
          .select({ one: roleAssignments.id })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.missionId, users.missionId),
              eq(roleAssignments.userId, users.id),
              eq(roleAssignments.role, role),
            ),
          ),
      ),
    );
  }
  const k = { column: SORTS[query.sort ?? 'username'], id: users.id, descending: query.order === 'desc' };
  const p = await countedSortedPage(w.tx, users, and(...where), k, query);
  const roles = await rolesOf(
    w,
    p.items.map((r) => r.id),
  );
  return { ...p, items: p.items.map((r) => present(w, r, roles.get(r.id) ?? [])) };
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/users',
    resource: 'user',
    tags,
    query: userListQuery,
    authorize: (w) => authorize(w.actor, userPolicy, 'list'),
    page: listUsers,
    columns: [
      { key: 'username', value: (u) => u.username },
      { key: 'displayName', value: (u) => u.displayName },
      { key: 'email', value: (u) => u.email },
      // a role held in several scopes is named once
      { key: 'roles', value: (u) => [...new Set(u.roles.map((r) => r.role))], labels: ROLE_LABELS },
      { key: 'locale', value: (u) => u.locale, labels: LOCALE_LABELS },
      { key: 'active', value: (u) => u.active },
      { key: 'totpEnabled', value: (u) => u.totpEnabled },
    ],
  });

  app.get(
    '/users',
    { schema: { tags, querystring: userListQuery, response: { 200: userPage, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, userPolicy, 'list');
        return listUsers(w, req.query);
      }),
  );

  app.get('/users/:id', { schema: { tags, params, response: { 200: user, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      authorize(w.actor, userPolicy, 'read');
      return presentOne(w, await load(w, req.params.id));
    }),
  );

  app.post(
    '/users',
    { schema: { tags, body: userCreate, response: { 201: user, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, userPolicy, 'create');
        const { password, roles, ...fields } = req.body;
        await checkOrganisation(w, fields.organisationId);
        const id = newId();
        const [row] = await w.tx
          .insert(users)
          // the administrator knows this first password: the user must replace it at first sign-in
          .values({
            ...fields,
            id,
            passwordHash: await hashPassword(password),
            passwordChangeRequired: true,
            ...created(w),
          })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await setRoles(w, id, roles);
        await w.audit({
          action: 'create',
          entityType: 'user',
          entityId: id,
          changedFields: Object.keys(req.body),
        });
        return presentOne(w, row);
      }),
  );

  app.patch(
    '/users/:id',
    { schema: { tags, params, body: userUpdate, response: { 200: user, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const before = await load(w, req.params.id);
        const { version, roles, password, unlock, resetTotp, ...fields } = req.body;
        const toggle = activeChange(before.active, fields.active);
        authorize(w.actor, userPolicy, toggle ?? 'update', before);
        if (password) authorize(w.actor, userPolicy, 'reset_password', before);
        if (resetTotp) authorize(w.actor, userPolicy, 'reset_totp', before);
        if (unlock)
          authorize(w.actor, userPolicy, 'unlock', { ...before, lockedUntil: before.lockedUntil ?? w.now });
        await checkOrganisation(w, fields.organisationId);
        const currentRoles = (await rolesOf(w, [before.id])).get(before.id) ?? [];
        const changed = changedFields(before, fields);
        const patch: Partial<Row> = { ...fields };
        if (password)
          Object.assign(patch, { passwordHash: await hashPassword(password), passwordChangeRequired: true });
        if (unlock) Object.assign(patch, { failedAttempts: 0, lockedUntil: null });
        if (resetTotp) Object.assign(patch, RESET_TOTP);
        const rolesChange = roles && !sameRoles(roles, currentRoles);
        // the rule lives in the policy; its refusal here is about one field of the form
        if (rolesChange && !userPolicy.can(w.actor, 'set_roles', { ...before, proposedRoles: roles })) {
          throw unprocessable('You cannot remove your own mission-wide admin role', [
            { path: 'roles', message: 'Keep your admin role' },
          ]);
        }
        const row = await updateVersioned(w, users, before.id, version, patch);
        if (rolesChange) await setRoles(w, before.id, roles);
        const fieldsChanged = [
          ...changed,
          ...(rolesChange ? ['roles'] : []),
          ...(password ? ['password'] : []),
          ...(unlock ? ['lockedUntil'] : []),
          ...(resetTotp ? ['totpEnabled'] : []),
        ];
        await w.audit({
          action: toggle ?? 'update',
          entityType: 'user',
          entityId: before.id,
          changedFields: fieldsChanged,
        });
        // a deactivated account or a reset password ends every open session at once
        if (toggle === 'deactivate' || password || resetTotp) await endUserSessions(w.tx, before.id);
        forgetUser(w.ctx.database, before.id); // roles, language or status changed: sessions re-read them
        return presentOne(w, row);
      }),
  );
};
