import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { PASSWORD, type TestApp, testApp } from '../../test/harness';
import { expectProblem, listAll, ok, policyHelpers, q, sorted } from './directory.policy.support';

// Every directory write: optimistic concurrency, Idempotency-Key replays and the audit trail.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const {
  auditTrail,
  auditOf,
  homeOrganisationId,
  newOrganisation,
  newCentre,
  newUser,
  reloadOrganisation,
  reloadCentre,
  reloadUser,
  reloadMission,
} = policyHelpers(() => t);

describe('optimistic concurrency', () => {
  it('a stale version is refused with 409 problem+json, the record is unchanged and nothing is audited', async () => {
    const org = await newOrganisation();
    const centre = await newCentre();
    const user = await newUser();
    const cases: {
      path: string;
      first: Record<string, unknown>;
      second: Record<string, unknown>;
      reload: () => Promise<{ version: number; allowedActions: string[] }>;
      entity: [string, string];
    }[] = [
      {
        path: `/api/v1/organisations/${org.id}`,
        first: { name: `${org.name} (1)` },
        second: { name: `${org.name} (2)` },
        reload: () => reloadOrganisation(org.id),
        entity: ['organisation', org.id],
      },
      {
        path: `/api/v1/centres/${centre.id}`,
        first: { capacity: 10 },
        second: { capacity: 20 },
        reload: () => reloadCentre(centre.id),
        entity: ['centre', centre.id],
      },
      {
        path: `/api/v1/users/${user.id}`,
        first: { displayName: 'First writer' },
        second: { displayName: 'Second writer' },
        reload: () => reloadUser(user.id),
        entity: ['user', user.id],
      },
      {
        path: '/api/v1/mission',
        first: { name: 'Mission first writer' },
        second: { name: 'Mission second writer' },
        reload: () => reloadMission(),
        entity: ['mission', t.missionId],
      },
    ];
    for (const c of cases) {
      const start = await c.reload();
      const won = ok<{ version: number }>(
        await t.admin.patch(c.path, { version: start.version, ...c.first }),
      );
      expect(won.version).toBe(start.version + 1);
      const winner = await c.reload();
      const eventsBefore = (await auditOf(...c.entity)).length;

      const lost = await t.admin.patch(c.path, { version: start.version, ...c.second });
      expect(expectProblem(lost, 409).code).toBe('stale_version');
      // a version from the future is just as stale
      expectProblem(await t.admin.patch(c.path, { version: winner.version + 5, ...c.second }), 409);

      expect(await c.reload()).toEqual(winner);
      expect(winner).toMatchObject(c.first);
      expect((await auditOf(...c.entity)).length).toBe(eventsBefore);
    }
  });
});

describe('Idempotency-Key', () => {
  it('a replay returns the first result with status 201 and makes no second record', async () => {
    const body = buildOrganisation();
    const key = 'idem-organisation-0001';
    const first = await t.admin.post('/api/v1/organisations', body, { 'idempotency-key': key });
    const created = ok<Organisation>(first, 201);
    const replay = await t.admin.post('/api/v1/organisations', body, { 'idempotency-key': key });
    expect(ok<Organisation>(replay, 201)).toEqual(created);
    expect(replay.headers['idempotent-replay']).toBe('true');

    const listed = await listAll<Organisation>(t.admin, `/api/v1/organisations?q=${q(body.name)}`);
    expect(listed.map((o) => o.id)).toEqual([created.id]);
    expect((await auditOf('organisation', created.id)).filter((e) => e.action === 'create')).toHaveLength(1);

    // the same key on another path is refused, and nothing is made there
    const centreBody = buildCentre();
    const misuse = await t.admin.post('/api/v1/centres', centreBody, { 'idempotency-key': key });
    expect(expectProblem(misuse, 422).code).toBe('idempotency_key_reused');
    expect(await listAll<Centre>(t.admin, `/api/v1/centres?q=${q(centreBody.name)}`)).toEqual([]);

    // keys belong to their user: another admin's identical key makes its own record
    const otherAdmin = await t.signIn({ role: 'admin', username: 'idem-admin-2' });
    const body2 = buildOrganisation();
    const theirs = ok<Organisation>(
      await otherAdmin.post('/api/v1/organisations', body2, { 'idempotency-key': key }),
      201,
    );
    expect(theirs.id).not.toBe(created.id);
    expect(theirs.name).toBe(body2.name);
  });

  it('works for users and centres too', async () => {
    const key = 'idem-user-000000001';
    const body = {
      username: 'idem-user',
      displayName: 'Idem User',
      organisationId: await homeOrganisationId(),
      password: PASSWORD,
      roles: [{ role: 'viewer', centreIds: [] }],
    };
    const a = ok<User>(await t.admin.post('/api/v1/users', body, { 'idempotency-key': key }), 201);
    const b = ok<User>(await t.admin.post('/api/v1/users', body, { 'idempotency-key': key }), 201);
    expect(b.id).toBe(a.id);
    expect((await listAll<User>(t.admin, '/api/v1/users?q=idem-user')).map((u) => u.id)).toEqual([a.id]);

    const centreBody = buildCentre();
    const c1 = ok<Centre>(
      await t.admin.post('/api/v1/centres', centreBody, { 'idempotency-key': 'idem-centre-01' }),
      201,
    );
    const c2 = ok<Centre>(
      await t.admin.post('/api/v1/centres', centreBody, { 'idempotency-key': 'idem-centre-01' }),
      201,
    );
    expect(c2.id).toBe(c1.id);
    expect((await listAll<Centre>(t.admin, `/api/v1/centres?q=${q(centreBody.name)}`)).length).toBe(1);
  });
});

describe('audit trail of directory writes', () => {
  const latest = async (entityType: string, entityId: string) => {
    const [e] = await auditOf(entityType, entityId); // newest first
    if (!e) throw new Error(`no audit event for ${entityType} ${entityId}`);
    return e;
  };

  it('records action, entity and changed field names (never values) for every write', async () => {
    const admin = t.admin;
    const orgBody = buildOrganisation({ acronym: 'AUD' });
    const org = ok<Organisation>(await admin.post('/api/v1/organisations', orgBody), 201);
    let e = await latest('organisation', org.id);
    expect(e).toMatchObject({
      action: 'create',
      entityType: 'organisation',
      entityId: org.id,
      actorId: admin.userId,
    });
    expect(sorted(e.changedFields)).toEqual(sorted(Object.keys(orgBody)));

    const org2 = ok<Organisation>(
      await admin.patch(`/api/v1/organisations/${org.id}`, {
        version: 1,
        name: `${org.name} v2`,
        kind: org.kind,
      }),
    );
    e = await latest('organisation', org.id);
    expect(e).toMatchObject({ action: 'update', entityType: 'organisation', entityId: org.id });
    expect(e.changedFields).toEqual(['name']); // kind was sent unchanged
    const org3 = ok<Organisation>(
      await admin.patch(`/api/v1/organisations/${org.id}`, { version: org2.version, active: false }),
    );
    e = await latest('organisation', org.id);
    expect(e).toMatchObject({ action: 'deactivate', changedFields: ['active'] });
    ok(await admin.patch(`/api/v1/organisations/${org.id}`, { version: org3.version, active: true }));
    e = await latest('organisation', org.id);
    expect(e).toMatchObject({ action: 'reactivate', changedFields: ['active'] });

    const centreBody = buildCentre();
    const centre = ok<Centre>(await admin.post('/api/v1/centres', centreBody), 201);
    e = await latest('centre', centre.id);
    expect(e).toMatchObject({ action: 'create', entityType: 'centre', entityId: centre.id });
    expect(sorted(e.changedFields)).toEqual(sorted(Object.keys(centreBody)));
    const centre2 = ok<Centre>(
      await admin.patch(`/api/v1/centres/${centre.id}`, {
        version: 1,
        capacity: 321,
        location: centreBody.location,
      }),
    );
    e = await latest('centre', centre.id);
    expect(e).toMatchObject({ action: 'update', entityType: 'centre', changedFields: ['capacity'] });
    ok(await admin.patch(`/api/v1/centres/${centre.id}`, { version: centre2.version, active: false }));
    expect(await latest('centre', centre.id)).toMatchObject({
      action: 'deactivate',
      changedFields: ['active'],
    });

    const secret = 'Audit-Secret-Passw0rd-7f3a';
    const resetSecret = 'Reset-Secret-Passw0rd-9c1d';
    const userBody = {
      username: 'audited-user',
      displayName: 'Audited User',
      email: 'audited@example.org',
      organisationId: await homeOrganisationId(),
      password: secret,
      roles: [{ role: 'caseworker', centreIds: [centre.id] }],
    };
    const user = ok<User>(await admin.post('/api/v1/users', userBody), 201);
    e = await latest('user', user.id);
    expect(e).toMatchObject({ action: 'create', entityType: 'user', entityId: user.id });
    expect(e.changedFields).toEqual(expect.arrayContaining(Object.keys(userBody)));
    expect(e.changedFields).toContain('password');

    const user2 = ok<User>(
      await admin.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        displayName: 'Audited User 2',
        roles: [{ role: 'nurse', centreIds: [] }],
      }),
    );
    e = await latest('user', user.id);
    expect(e).toMatchObject({ action: 'update', entityType: 'user' });
    expect(sorted(e.changedFields)).toEqual(['displayName', 'roles']);
    ok(await admin.patch(`/api/v1/users/${user.id}`, { version: user2.version, password: resetSecret }));
    e = await latest('user', user.id);
    expect(e).toMatchObject({ action: 'update', changedFields: ['password'] });

    const m = await reloadMission();
    ok(
      await admin.patch('/api/v1/mission', {
        version: m.version,
        name: 'Audited mission name',
        countryCode: 'LBY',
      }),
    );
    e = await latest('mission', t.missionId);
    expect(e).toMatchObject({ action: 'update', entityType: 'mission', entityId: t.missionId });
    expect(sorted(e.changedFields)).toEqual(m.countryCode === 'LBY' ? ['name'] : ['countryCode', 'name']);

    // field names only: no password (nor its hash) anywhere in the trail
    const trail = JSON.stringify(await auditTrail());
    expect(trail.includes(user.id)).toBe(true); // the trail is really there…
    expect(trail.includes(secret)).toBe(false); // …and holds no secret
    expect(trail.includes(resetSecret)).toBe(false);
    expect(trail.includes(PASSWORD)).toBe(false);
    expect(/\$argon2/.test(trail)).toBe(false);
  });

  it('refused writes leave no trace in the trail', async () => {
    const org = await newOrganisation();
    const monitor = await t.signIn({ role: 'monitor', username: 'audit-monitor' });
    const before = await auditOf('organisation', org.id);
    expectProblem(
      await monitor.patch(`/api/v1/organisations/${org.id}`, { version: org.version, name: 'Nope' }),
      403,
    );
    expectProblem(
      await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: org.version + 1, name: 'Nope' }),
      409,
    );
    expectProblem(
      await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: org.version, name: '' }),
      400,
    );
    expect(await auditOf('organisation', org.id)).toEqual(before);
  });
});
