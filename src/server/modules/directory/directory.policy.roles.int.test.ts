import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, PASSWORD, type TestApp, testApp } from '../../test/harness';
import {
  ADMINISTRATION_READERS,
  ADMINISTRATION_WRITERS,
  data,
  expectProblem,
  listAll,
  type Mission,
  ok,
  type Page,
  policyHelpers,
  q,
  sorted,
} from './directory.policy.support';

// What DESIGN §5 says about the `administration` category (users, centres, organisations), role by
// role: admin rw, manager r, everyone else nothing (see directory.policy.support.ts).

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const { newOrganisation, newCentre, newUser, reloadOrganisation, reloadCentre, reloadUser, reloadMission } =
  policyHelpers(() => t);

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
      const expected = writer ? ['deactivate', 'read', 'reset_password', 'set_roles', 'update'] : ['read'];
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
      expect(sorted(off.allowedActions)).toEqual([
        'reactivate',
        'read',
        'reset_password',
        'set_roles',
        'update',
      ]);
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
