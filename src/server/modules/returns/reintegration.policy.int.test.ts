import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { DEFAULT_SURVEY } from '../../../domain/returns/sustainability';
import { buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import {
  addItem,
  departed,
  type FollowUp,
  followUpsOf,
  makePlan,
  planBody,
  put,
  type ReintegrationView,
} from './reintegration.fixtures';
import { caseIn, type ReturnsWorld, returnee, returnsWorld } from './returns.fixtures';

// Every role against every reintegration route, from DESIGN §5 written out here rather than read
// from the code under test: returns rw = protection officer, return officer; r = manager,
// caseworker; doctors and nurses see only a flag (no reintegration); the others nothing.

const READERS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITERS: Role[] = ['protection_officer', 'return_officer'];

const DRY = { 'sanad-dry-run': 'true' };
const best = Object.fromEntries(DEFAULT_SURVEY.questions.map((q) => [q.id, q.options.at(-1)!.value]));

let t: TestApp;
let w: ReturnsWorld;
/** a planned case (with an item and follow-ups) and an arrived case without a plan; both departed */
let planned: string;
let unplanned: string;
let item: { id: string; version: number };
let followUp: FollowUp;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
  const a = await returnee(w);
  const b = await returnee(w);
  planned = await caseIn(t, w, a, { state: 'arrived', departsOn: '2026-06-01' });
  unplanned = await caseIn(t, w, b, { state: 'arrived', departsOn: '2026-06-01' });
  await departed(t, a);
  await departed(t, b);
  await makePlan(w.returnOfficer, w, planned);
  item = (await addItem(w.returnOfficer, planned)).plan!.items[0]!;
  followUp = (await followUpsOf(w.returnOfficer, planned))[0]!;
});
afterAll(() => t.close());

/** Every reintegration route for one client: status codes, and the actions offered. */
async function walk(c: Client) {
  const plan = await c.get(`/api/v1/returns/${planned}/reintegration-plan`);
  const none = await c.get(`/api/v1/returns/${unplanned}/reintegration-plan`);
  const dry = (method: 'PUT' | 'POST', url: string, payload: unknown) =>
    c.request({ method, url, payload: payload as never, headers: DRY });
  return {
    plan,
    none,
    status: {
      readPlan: plan.statusCode,
      followUps: (await c.get(`/api/v1/returns/${planned}/follow-ups`)).statusCode,
      due: (await c.get('/api/v1/reintegration-follow-ups?due=overdue')).statusCode,
      survey: (await c.get('/api/v1/sustainability-surveys/active')).statusCode,
      settings: (await c.get('/api/v1/returns-settings')).statusCode,
      create: (await dry('PUT', `/api/v1/returns/${unplanned}/reintegration-plan`, planBody(w))).statusCode,
      update: (await dry('PUT', `/api/v1/returns/${planned}/reintegration-plan`, planBody(w, { version: 1 })))
        .statusCode,
      addItem: (
        await dry('POST', `/api/v1/returns/${planned}/reintegration-plan/items`, {
          kind: 'cash',
          description: 'Grant',
          budgetMinor: 1,
        })
      ).statusCode,
      updateItem: (await c.patch(`/api/v1/reintegration-items/${item.id}`, { version: 99 })).statusCode,
      recordSurvey: (
        await dry('POST', `/api/v1/reintegration-follow-ups/${followUp.id}/survey`, {
          doneOn: '2026-11-02',
          answers: best,
        })
      ).statusCode,
      setSettings: (await put(c, '/api/v1/returns-settings', { version: 99, followUpMonths: [3] }))
        .statusCode,
    },
  };
}

describe('reintegration, role by role (mission-wide)', () => {
  it.each(ROLES)('%s', async (role) => {
    const c = await t.signIn({ role });
    const reads = READERS.includes(role);
    const writes = WRITERS.includes(role);
    const r = await walk(c);
    const rd = reads ? 200 : 403;
    expect(r.status).toEqual({
      readPlan: rd,
      followUps: rd,
      due: rd,
      survey: rd,
      settings: rd,
      create: writes ? 200 : 403,
      update: writes ? 200 : 403,
      addItem: writes ? 201 : 403,
      updateItem: writes ? 409 : 403,
      recordSurvey: writes ? 200 : 403,
      setSettings: writes ? 409 : 403,
    });
    if (!reads) return;
    // what is offered is what was allowed above, and nothing else
    const view = json<ReintegrationView>(r.plan);
    expect(view.allowedActions.sort()).toEqual(writes ? ['add_item', 'read', 'update'] : ['read']);
    expect(view.plan!.items[0]!.allowedActions.sort()).toEqual(writes ? ['read', 'update'] : ['read']);
    expect(json<ReintegrationView>(r.none).allowedActions.sort()).toEqual(
      writes ? ['create', 'read'] : ['read'],
    );
    const [f] = json<{ items: FollowUp[] }>(await c.get(`/api/v1/returns/${planned}/follow-ups`)).items;
    expect(f!.allowedActions.sort()).toEqual(writes ? ['read', 'record_survey'] : ['read']);
    const settings = json<{ allowedActions: string[] }>(await c.get('/api/v1/returns-settings'));
    expect(settings.allowedActions.sort()).toEqual(writes ? ['read', 'update'] : ['read']);
    const caps = json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(
      caps.filter((x) => x.startsWith('reintegration') || x.startsWith('returns_settings')).sort(),
    ).toEqual(
      writes
        ? [
            'reintegration:create',
            'reintegration:read',
            'reintegration_follow_ups:read',
            'reintegration_follow_ups:record_survey',
            'returns_settings:update',
          ]
        : ['reintegration:read', 'reintegration_follow_ups:read'],
    );
  });
});

describe('in and out of scope', () => {
  it('the officer of the centre the person left (same organisation) carries on after departure', async () => {
    const r = await walk(w.returnOfficer);
    expect(r.status).toMatchObject({
      readPlan: 200,
      create: 200,
      addItem: 201,
      updateItem: 409,
      recordSurvey: 200,
    });
    // but a centre's officer does not set the mission's schedule (nor is it offered)
    expect(r.status.setSettings).toBe(403);
    expect(
      json<{ allowedActions: string[] }>(await w.returnOfficer.get('/api/v1/returns-settings'))
        .allowedActions,
    ).toEqual(['read']);
  });

  it('an officer of another centre neither sees nor writes (404), nor lists the follow-ups', async () => {
    const r = await walk(w.returnOfficerB);
    expect(r.status).toMatchObject({
      readPlan: 404,
      followUps: 404,
      create: 404,
      addItem: 404,
      updateItem: 404,
      recordSurvey: 404,
    });
    const due = json<{ items: FollowUp[] }>(
      await w.returnOfficerB.get('/api/v1/reintegration-follow-ups'),
    ).items;
    expect(due.map((f) => f.caseId)).not.toContain(planned);
    const mine = json<{ items: FollowUp[] }>(
      await w.returnOfficer.get('/api/v1/reintegration-follow-ups'),
    ).items;
    expect(mine.map((f) => f.caseId)).toContain(planned);
  });

  it('another organisation at the same centre: reaches the person while held there, not after departure', async () => {
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const other = await t.signIn({ role: 'return_officer', organisationId: org, centreIds: [w.centreA] });
    expect((await walk(other)).status).toMatchObject({ readPlan: 404, create: 404, recordSurvey: 404 });
    // someone still held at A (arrival recorded, the departure not yet in the registry)
    const held = await caseIn(t, w, await returnee(w), { state: 'arrived' });
    const view = json<ReintegrationView>(await other.get(`/api/v1/returns/${held}/reintegration-plan`));
    expect(view.allowedActions.sort()).toEqual(['create', 'read']);
    const res = await other.request({
      method: 'PUT',
      url: `/api/v1/returns/${held}/reintegration-plan`,
      payload: planBody(w) as never,
      headers: DRY,
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a mission-wide officer writes anywhere and sets the schedule', async () => {
    const r = await walk(w.returnOfficerAll);
    expect(r.status).toMatchObject({ create: 200, addItem: 201, recordSurvey: 200, setSettings: 409 });
  });
});
