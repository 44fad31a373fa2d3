import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { PASSWORD, type TestApp, testApp } from '../../test/harness';
import {
  data,
  expectProblem,
  listAll,
  type Mission,
  ok,
  type Page,
  policyHelpers,
  q,
} from './directory.policy.support';

// Centre scope and mission isolation: what is out of reach is not found, not merely forbidden.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const { newOrganisation, newCentre, newUser, reloadOrganisation, reloadCentre, reloadUser } = policyHelpers(
  () => t,
);

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
