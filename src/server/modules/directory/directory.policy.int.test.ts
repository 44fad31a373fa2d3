import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Problem } from '../../../domain/common/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, PASSWORD, type TestApp, testApp } from '../../test/harness';

// What DESIGN §5 says about the `administration` category (users, centres, organisations):
// admin rw, manager r, everyone else nothing. Organisations and centres name no one, so every
// role reads them (centres within its scope); only administrators change anything.
const ADMINISTRATION_WRITERS: readonly Role[] = ['admin'];
const ADMINISTRATION_READERS: readonly Role[] = ['admin', 'manager'];

type Mission = {
  id: string;
  code: string;
  name: string;
  countryCode: string | null;
  version: number;
  allowedActions: string[];
};
type Page<T> = { items: T[]; nextCursor: string | null };

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const sorted = (xs: readonly string[]) => [...xs].sort();
const q = (s: string) => encodeURIComponent(s);

function expectProblem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = json<Problem>(res);
  expect(body.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
  return body;
}

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return json<T>(res);
}

/** Every item of a list, following nextCursor. */
async function listAll<T>(client: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = ok<Page<T>>(
      await client.get(`${path}${sep}limit=200${cursor ? `&cursor=${q(cursor)}` : ''}`),
    );
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error(`${path}: more pages than expected`);
}

const auditTrail = () => listAll<AuditEvent>(t.admin, '/api/v1/audit');
const auditOf = async (entityType: string, entityId: string) =>
  listAll<AuditEvent>(t.admin, `/api/v1/audit?entityType=${entityType}&entityId=${entityId}`);

const homeOrganisationId = async () =>
  json<{ organisation: { id: string } }>(await t.admin.get('/api/v1/me')).organisation.id;

async function newOrganisation(name?: string): Promise<Organisation> {
  return ok<Organisation>(
    await t.admin.post('/api/v1/organisations', buildOrganisation(name ? { name } : {})),
    201,
  );
}
async function newCentre(name?: string): Promise<Centre> {
  return ok<Centre>(await t.admin.post('/api/v1/centres', buildCentre(name ? { name } : {})), 201);
}
let users = 0;
async function newUser(
  over: Partial<{ username: string; role: Role; centreIds: string[] }> = {},
): Promise<User> {
  const username = over.username ?? `target-${++users}`;
  return ok<User>(
    await t.admin.post('/api/v1/users', {
      username,
      displayName: `Target ${username}`,
      organisationId: await homeOrganisationId(),
      password: PASSWORD,
      roles: [{ role: over.role ?? 'caseworker', centreIds: over.centreIds ?? [] }],
    }),
    201,
  );
}

const reloadOrganisation = async (id: string) =>
  ok<Organisation>(await t.admin.get(`/api/v1/organisations/${id}`));
const reloadCentre = async (id: string) => ok<Centre>(await t.admin.get(`/api/v1/centres/${id}`));
const reloadUser = async (id: string) => ok<User>(await t.admin.get(`/api/v1/users/${id}`));
const reloadMission = async () => ok<Mission>(await t.admin.get('/api/v1/mission'));
/** the record without the actions, which depend on who looks */
const data = <T extends { allowedActions: string[] }>(r: T) => {
  const { allowedActions: _, ...rest } = r;
  return rest;
};

describe.each(ROLES)('role %s on the directory', (role) => {
  const writer = ADMINISTRATION_WRITERS.includes(role);
  const reader = ADMINISTRATION_READERS.includes(role);
  let c: Client;
  let org: Organisation;
  let centre: Centre;
  let target: User;

  beforeAll(async () => {
    org = await newOrganisation();
    centre = await newCentre();
    target = await newUser();
    c = await t.signIn({ role, username: `policy-${role.replace(/_/g, '-')}` });
  });

  it(`organisations: reads all, ${writer ? 'may' : 'may not'} create, update or deactivate`, async () => {
    const expected = writer ? ['deactivate', 'read', 'update'] : ['read'];

    const listed = ok<Page<Organisation>>(await c.get(`/api/v1/organisations?q=${q(org.name)}`));
    expect(listed.items.map((o) => o.id)).toEqual([org.id]);
    expect(sorted(listed.items[0]?.allowedActions ?? [])).toEqual(expected);
    const one = ok<Organisation>(await c.get(`/api/v1/organisations/${org.id}`));
    expect(one.name).toBe(org.name);
    expect(sorted(one.allowedActions)).toEqual(expected);

    const body = buildOrganisation();
    const createRes = await c.post('/api/v1/organisations', body);
    if (writer) {
      expect(ok<Organisation>(createRes, 201).name).toBe(body.name);
    } else {
      expectProblem(createRes, 403);
    }
    const createdCount = (await listAll<Organisation>(t.admin, `/api/v1/organisations?q=${q(body.name)}`))
      .length;
    expect(createdCount).toBe(writer ? 1 : 0);

    const renamed = `${org.name} renamed by ${role}`;
    const updateRes = await c.patch(`/api/v1/organisations/${org.id}`, {
      version: org.version,
      name: renamed,
    });
    if (writer) {
      const updated = ok<Organisation>(updateRes);
      expect(updated.name).toBe(renamed);
      expect(updated.version).toBe(org.version + 1);
      const off = ok<Organisation>(
        await c.patch(`/api/v1/organisations/${org.id}`, { version: updated.version, active: false }),
      );
      expect(off.active).toBe(false);
      expect(sorted(off.allowedActions)).toEqual(['reactivate', 'read', 'update']);
    } else {
      expect(expectProblem(updateRes, 403).detail).not.toContain(org.name);
      expectProblem(
        await c.patch(`/api/v1/organisations/${org.id}`, { version: org.version, active: false }),
        403,
      );
      expect(data(await reloadOrganisation(org.id))).toEqual(data(org));
    }
  });

  it(`centres: reads those in scope, ${writer ? 'may' : 'may not'} create, update or deactivate`, async () => {
    const expected = writer ? ['deactivate', 'read', 'update'] : ['read'];

    const listed = ok<Page<Centre>>(await c.get(`/api/v1/centres?q=${q(centre.name)}`));
    expect(listed.items.map((x) => x.id)).toEqual([centre.id]);
    expect(sorted(listed.items[0]?.allowedActions ?? [])).toEqual(expected);
    const one = ok<Centre>(await c.get(`/api/v1/centres/${centre.id}`));
    expect(one.capacity).toBe(centre.capacity);
    expect(sorted(one.allowedActions)).toEqual(expected);

    const body = buildCentre();
    const createRes = await c.post('/api/v1/centres', body);
    if (writer) expect(ok<Centre>(createRes, 201).name).toBe(body.name);
    else expectProblem(createRes, 403);
    expect((await listAll<Centre>(t.admin, `/api/v1/centres?q=${q(body.name)}`)).length).toBe(writer ? 1 : 0);

    const updateRes = await c.patch(`/api/v1/centres/${centre.id}`, {
      version: centre.version,
      capacity: 999,
    });
    if (writer) {
      const updated = ok<Centre>(updateRes);
      expect(updated.capacity).toBe(999);
      const off = ok<Centre>(
        await c.patch(`/api/v1/centres/${centre.id}`, { version: updated.version, active: false }),
      );
      expect(off.active).toBe(false);
      expect(sorted(off.allowedActions)).toEqual(['reactivate', 'read', 'update']);
    } else {
      expectProblem(updateRes, 403);
      expectProblem(
        await c.patch(`/api/v1/centres/${centre.id}`, { version: centre.version, active: false }),
        403,
      );
      expect(data(await reloadCentre(centre.id))).toEqual(data(centre));
    }
  });

  it(`users: ${reader ? 'reads' : 'may not read'} them, ${writer ? 'may' : 'may not'} create, update or deactivate`, async () => {
    const listRes = await c.get(`/api/v1/users?q=${q(target.username)}`);
    const oneRes = await c.get(`/api/v1/users/${target.id}`);
    if (reader) {
      const expected = writer ? ['deactivate', 'read', 'reset_password', 'update'] : ['read'];
      const listed = ok<Page<User>>(listRes);
      expect(listed.items.map((u) => u.id)).toEqual([target.id]);
      expect(sorted(listed.items[0]?.allowedActions ?? [])).toEqual(expected);
      const one = ok<User>(oneRes);
      expect(one.username).toBe(target.username);
      expect(sorted(one.allowedActions)).toEqual(expected);
    } else {
      expect(expectProblem(listRes, 403).detail).toBeDefined();
      expect(listRes.body).not.toContain(target.username);
      expectProblem(oneRes, 403);
      expect(oneRes.body).not.toContain(target.username);
    }

    const username = `made-by-${role.replace(/_/g, '-')}`;
    const createRes = await c.post('/api/v1/users', {
      username,
      displayName: 'Made by a test',
      organisationId: target.organisationId,
      password: PASSWORD,
      roles: [{ role: 'viewer', centreIds: [] }],
    });
    if (writer) expect(ok<User>(createRes, 201).username).toBe(username);
    else expectProblem(createRes, 403);
    expect((await listAll<User>(t.admin, `/api/v1/users?q=${q(username)}`)).length).toBe(writer ? 1 : 0);

    const updateRes = await c.patch(`/api/v1/users/${target.id}`, {
      version: target.version,
      displayName: 'Renamed',
    });
    if (writer) {
      const updated = ok<User>(updateRes);
      expect(updated.displayName).toBe('Renamed');
      const off = ok<User>(
        await c.patch(`/api/v1/users/${target.id}`, { version: updated.version, active: false }),
      );
      expect(off.active).toBe(false);
      expect(sorted(off.allowedActions)).toEqual(['reactivate', 'read', 'reset_password', 'update']);
    } else {
      expectProblem(updateRes, 403);
      expectProblem(
        await c.patch(`/api/v1/users/${target.id}`, { version: target.version, active: false }),
        403,
      );
      expectProblem(
        await c.patch(`/api/v1/users/${target.id}`, {
          version: target.version,
          password: 'a brand new password',
        }),
        403,
      );
      // the target still signs in with the old password: nothing was reset
      expect((await t.login(target.username, PASSWORD)).statusCode).toBe(204);
      expect(data(await reloadUser(target.id))).toEqual(data(target));
    }
  });

  it(`mission: reads it, ${writer ? 'may' : 'may not'} update it`, async () => {
    const m = ok<Mission>(await c.get('/api/v1/mission'));
    expect(m.id).toBe(t.missionId);
    expect(sorted(m.allowedActions)).toEqual(writer ? ['read', 'update'] : ['read']);
    const res = await c.patch('/api/v1/mission', { version: m.version, name: `Mission renamed by ${role}` });
    if (writer) {
      expect(ok<Mission>(res).name).toBe(`Mission renamed by ${role}`);
    } else {
      expectProblem(res, 403);
      expect(data(await reloadMission())).toEqual(data(m));
    }
  });

  it(`audit: ${writer ? 'may' : 'may not'} read the trail`, async () => {
    const res = await c.get('/api/v1/audit?limit=5');
    if (writer) {
      const page = ok<Page<AuditEvent>>(res);
      expect(page.items.length).toBe(5);
    } else {
      expectProblem(res, 403);
      expect(res.body).not.toContain('"items"');
    }
  });
});

describe('scope and mission isolation', () => {
  it('a caseworker scoped to centre A lists only A and gets 404 (not the record) for centre B', async () => {
    const a = await newCentre();
    const b = await newCentre();
    const cw = await t.signIn({ role: 'caseworker', centreIds: [a.id], username: 'scoped-cw' });

    const listed = await listAll<Centre>(cw, '/api/v1/centres');
    expect(listed.map((x) => x.id)).toEqual([a.id]);
    expect(ok<Page<Centre>>(await cw.get(`/api/v1/centres?q=${q(b.name)}`)).items).toEqual([]);
    expect(ok<Centre>(await cw.get(`/api/v1/centres/${a.id}`)).name).toBe(a.name);

    const hidden = await cw.get(`/api/v1/centres/${b.id}`);
    expectProblem(hidden, 404);
    expect(hidden.body).not.toContain(b.name);
    // a write on it does not reveal it exists either
    expectProblem(await cw.patch(`/api/v1/centres/${b.id}`, { version: b.version, capacity: 1 }), 404);
    // and the centre in scope is still read-only for a caseworker
    expectProblem(await cw.patch(`/api/v1/centres/${a.id}`, { version: a.version, capacity: 1 }), 403);
    expect(data(await reloadCentre(b.id))).toEqual(data(b));
    expect(data(await reloadCentre(a.id))).toEqual(data(a));
  });

  it("a user of another mission can neither see nor change the first mission's directory", async () => {
    const org = await newOrganisation();
    const centre = await newCentre();
    const user = await newUser();
    const other = await t.createMission('OTH');
    const stranger = await t.signIn({
      role: 'admin',
      missionId: other.missionId,
      username: 'other-mission-admin',
    });
    // its own directory, so that its lists are not empty by construction
    const own = {
      organisations: ok<Organisation>(await stranger.post('/api/v1/organisations', buildOrganisation()), 201)
        .id,
      centres: ok<Centre>(await stranger.post('/api/v1/centres', buildCentre()), 201).id,
      users: stranger.userId,
    };

    // reads: 404 by id, absent from lists and searches
    for (const [path, id, name] of [
      ['organisations', org.id, org.name],
      ['centres', centre.id, centre.name],
      ['users', user.id, user.username],
    ] as const) {
      const res = await stranger.get(`/api/v1/${path}/${id}`);
      expectProblem(res, 404);
      expect(res.body).not.toContain(name);
      const all = await listAll<{ id: string }>(stranger, `/api/v1/${path}`);
      expect(all.map((x) => x.id)).toContain(own[path]); // it sees its own mission's records…
      expect(all.map((x) => x.id)).not.toContain(id); // …and none of ours
      expect(ok<Page<{ id: string }>>(await stranger.get(`/api/v1/${path}?q=${q(name)}`)).items).toEqual([]);
    }
    const strangerUsers = await listAll<User>(stranger, '/api/v1/users');
    expect(strangerUsers.map((u) => u.id)).not.toContain(t.admin.userId);
    expect(ok<Mission>(await stranger.get('/api/v1/mission')).id).toBe(other.missionId);

    // writes: 404, as if the records did not exist
    expectProblem(
      await stranger.patch(`/api/v1/organisations/${org.id}`, { version: org.version, name: 'Hijacked' }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/organisations/${org.id}`, { version: org.version, active: false }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/centres/${centre.id}`, { version: centre.version, capacity: 1 }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/centres/${centre.id}`, { version: centre.version, active: false }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/users/${user.id}`, { version: user.version, displayName: 'Hijacked' }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/users/${user.id}`, { version: user.version, active: false }),
      404,
    );
    expectProblem(
      await stranger.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        password: 'hijacked password',
      }),
      404,
    );
    // nor can it point its own records at ours
    const crossUser = await stranger.post('/api/v1/users', {
      username: 'cross-mission',
      displayName: 'Cross mission',
      organisationId: org.id,
      password: PASSWORD,
      roles: [{ role: 'viewer', centreIds: [] }],
    });
    expect(expectProblem(crossUser, 422).errors?.map((e) => e.path)).toEqual(['organisationId']);
    const crossCentre = await stranger.post(
      '/api/v1/centres',
      buildCentre({ authorityOrganisationId: org.id }),
    );
    expect(expectProblem(crossCentre, 422).errors?.map((e) => e.path)).toEqual(['authorityOrganisationId']);
    const crossRoles = await stranger.post('/api/v1/users', {
      username: 'cross-mission-2',
      displayName: 'Cross mission',
      organisationId: other.organisationId,
      password: PASSWORD,
      roles: [{ role: 'caseworker', centreIds: [centre.id] }],
    });
    expect(expectProblem(crossRoles, 422).errors?.map((e) => e.path)).toEqual(['roles.0.centreIds.0']);
    // the stranger's audit trail knows nothing of ours
    const theirs = await listAll<AuditEvent>(stranger, '/api/v1/audit');
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((e) => [org.id, centre.id, user.id].includes(e.entityId ?? ''))).toEqual([]);

    // nothing changed, as the first mission's admin sees it
    expect(data(await reloadOrganisation(org.id))).toEqual(data(org));
    expect(data(await reloadCentre(centre.id))).toEqual(data(centre));
    expect(data(await reloadUser(user.id))).toEqual(data(user));
    expect((await t.login(user.username, PASSWORD)).statusCode).toBe(204);
    expect((await listAll<User>(t.admin, '/api/v1/users?q=cross-mission')).length).toBe(0);
    // and the first mission cannot see the other one's organisation either
    expectProblem(await t.admin.get(`/api/v1/organisations/${other.organisationId}`), 404);
  });
});

describe('accounts', () => {
  it('an admin cannot deactivate themselves nor drop their own mission-wide admin role', async () => {
    const me = await t.signIn({ role: 'admin', username: 'self-admin' });
    const self = ok<User>(await me.get(`/api/v1/users/${me.userId}`));
    expect(sorted(self.allowedActions)).toEqual(['read', 'update']);

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
