import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../domain/directory/schemas';
import { buildCentre } from '../../test/factories';
import { PASSWORD, type TestApp, testApp } from '../../test/harness';
import { data, expectProblem, ok, policyHelpers, sorted } from './directory.policy.support';

// Accounts: self-protection of admins, deactivation, role changes and resets take effect at once.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const { auditOf, newCentre, reloadUser } = policyHelpers(() => t);

describe('accounts', () => {
  it('an admin cannot deactivate themselves nor drop their own mission-wide admin role', async () => {
    const me = await t.signIn({ role: 'admin', username: 'self-admin' });
    const self = ok<User>(await me.get(`/api/v1/users/${me.userId}`));
    expect(sorted(self.allowedActions)).toEqual(['read', 'set_roles', 'update']);

    const res = await me.patch(`/api/v1/users/${me.userId}`, { version: self.version, active: false });
    expectProblem(res, 403);
    const roles = await me.patch(`/api/v1/users/${me.userId}`, {
      version: self.version,
      roles: [{ role: 'manager', centreIds: [] }],
    });
    expect(expectProblem(roles, 422).errors?.map((e) => e.path)).toEqual(['roles']);

    expect(data(await reloadUser(me.userId))).toEqual(data(self));
    expect((await me.get('/api/v1/me')).statusCode).toBe(200);
    // another admin may deactivate them
    const off = ok<User>(
      await t.admin.patch(`/api/v1/users/${me.userId}`, { version: self.version, active: false }),
    );
    expect(off.active).toBe(false);
  });

  it('deactivating a user ends their session at once and bars sign-in until reactivated', async () => {
    const u = await t.signIn({ role: 'manager', username: 'soon-gone' });
    expect((await u.get('/api/v1/organisations')).statusCode).toBe(200);
    const before = await reloadUser(u.userId);
    const off = ok<User>(
      await t.admin.patch(`/api/v1/users/${u.userId}`, { version: before.version, active: false }),
    );
    expect(off.active).toBe(false);

    const after = await u.get('/api/v1/organisations');
    expectProblem(after, 401);
    expect(after.body).not.toContain('"items"');
    expect((await t.login('soon-gone', PASSWORD)).statusCode).not.toBe(204);

    ok<User>(await t.admin.patch(`/api/v1/users/${u.userId}`, { version: off.version, active: true }));
    expect((await t.login('soon-gone', PASSWORD)).statusCode).toBe(204);
    const events = await auditOf('user', u.userId);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['deactivate', 'reactivate']));
  });
});

describe('role changes take effect at once', () => {
  it('a demoted manager loses user access on its next request; a promoted viewer gains it', async () => {
    const m = await t.signIn({ role: 'manager', username: 'demoted-manager' });
    const v = await t.signIn({ role: 'viewer', username: 'promoted-viewer' });
    expect((await m.get('/api/v1/users')).statusCode).toBe(200);
    expectProblem(await v.get('/api/v1/users'), 403);

    const mUser = await reloadUser(m.userId);
    ok(
      await t.admin.patch(`/api/v1/users/${m.userId}`, {
        version: mUser.version,
        roles: [{ role: 'viewer', centreIds: [] }],
      }),
    );
    const vUser = await reloadUser(v.userId);
    ok(
      await t.admin.patch(`/api/v1/users/${v.userId}`, {
        version: vUser.version,
        roles: [{ role: 'manager', centreIds: [] }],
      }),
    );

    expectProblem(await m.get('/api/v1/users'), 403);
    expect(sorted(ok<User>(await v.get(`/api/v1/users/${m.userId}`)).allowedActions)).toEqual(['read']);
  });

  it('a password reset by an admin ends the user’s session', async () => {
    const u = await t.signIn({ role: 'caseworker', username: 'reset-me' });
    expect((await u.get('/api/v1/organisations')).statusCode).toBe(200);
    const before = await reloadUser(u.userId);
    ok(
      await t.admin.patch(`/api/v1/users/${u.userId}`, {
        version: before.version,
        password: 'a temporary password',
      }),
    );
    expectProblem(await u.get('/api/v1/organisations'), 401);
    expect((await t.login('reset-me', PASSWORD)).statusCode).toBe(401);
  });
});

describe('administrators scoped to centres', () => {
  // A scope is part of every role assignment (DESIGN §5): accounts reach across centres, so only a
  // mission-wide admin manages them and a centre-scoped admin cannot widen its own assignment.
  it('a centre-scoped admin cannot make itself a mission-wide admin', async () => {
    const a = await newCentre();
    const scoped = await t.signIn({ role: 'admin', centreIds: [a.id], username: 'scoped-admin' });
    // it is indeed limited: it may not create centres, which needs mission-wide administration
    expectProblem(await scoped.post('/api/v1/centres', buildCentre()), 403);
    const self = await reloadUser(scoped.userId);
    const res = await scoped.patch(`/api/v1/users/${scoped.userId}`, {
      version: self.version,
      roles: [{ role: 'admin', centreIds: [] }],
    });
    expectProblem(res, 403);
    expect((await reloadUser(scoped.userId)).roles).toEqual([{ role: 'admin', centreIds: [a.id] }]);
  });
});
