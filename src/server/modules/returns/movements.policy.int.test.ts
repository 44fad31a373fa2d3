import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import type { Movement } from '../../../domain/returns/movements';
import { buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { booked, leavingToday, movementBody } from './movements.fixtures';
import { caseIn, type ReturnsWorld, returnee, returnsWorld, TODAY } from './returns.fixtures';

// Every role against every movements route, from DESIGN §5 written out here rather than read from
// the code under test: returns r = manager, caseworker; rw = protection officer, return officer;
// doctors and nurses see flags only (no read). Writes are tried as dry runs (rolled back), so
// each role meets the same records; what is offered in allowedActions is what succeeds.

const READERS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITERS: Role[] = ['protection_officer', 'return_officer'];
const MOVEMENT_ACTIONS = ['add_escort', 'book', 'confirm_departure', 'manifest', 'read', 'update'];
const PASSENGER_ACTIONS = ['depart', 'no_show', 'remove'];

let t: TestApp;
let w: ReturnsWorld;
let m: Movement;
/** booked on m */
let onBoard: string;
/** fit to travel, not booked */
let ready: string;
/** departed (for the arrival) */
let gone: string;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
  m = await leavingToday(w.returnOfficer);
  onBoard = await caseIn(t, w, await returnee(w), { state: 'fit_to_travel' });
  await booked(w.returnOfficer, m.id, onBoard);
  ready = await caseIn(t, w, await returnee(w), { state: 'fit_to_travel' });
  gone = await caseIn(t, w, await returnee(w), { state: 'departed', departsOn: TODAY });
}, 300_000); // the returns world and three cases, on a busy two-core machine
afterAll(() => t.close());

const dry = (c: Client, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  c
    .request({ method, url, payload: payload as never, headers: { 'sanad-dry-run': 'true' } })
    .then((r) => r.statusCode);

/** Every write route, as a dry run: the status each answers. */
const writes = async (c: Client) => ({
  create: await dry(c, 'POST', '/api/v1/movements', movementBody()),
  update: await dry(c, 'PATCH', `/api/v1/movements/${m.id}`, { version: m.version, carrier: 'Other Air' }),
  escort: await dry(c, 'POST', `/api/v1/movements/${m.id}/escorts`, { kind: 'operational', name: 'A. N.' }),
  book: await dry(c, 'POST', `/api/v1/movements/${m.id}/passengers`, { caseId: ready }),
  remove: await dry(c, 'POST', `/api/v1/movements/${m.id}/passengers/${onBoard}/remove`, {}),
  delete: await dry(c, 'DELETE', `/api/v1/movements/${m.id}/passengers/${onBoard}`),
  depart: await dry(c, 'POST', `/api/v1/movements/${m.id}/departure`, { departed: [onBoard] }),
  noShow: await dry(c, 'POST', `/api/v1/movements/${m.id}/departure`, {
    noShow: [onBoard],
    noShowReason: 'x',
  }),
  arrival: await dry(c, 'POST', `/api/v1/returns/${gone}/arrival`, { arrivedOn: TODAY }),
});
const allWrites = (create: number, ok: number) => ({
  create,
  update: ok,
  escort: create,
  book: create,
  remove: ok,
  delete: ok,
  depart: ok,
  noShow: ok,
  arrival: ok,
});

describe('movements, role by role (mission-wide)', () => {
  it.each(ROLES)('%s', async (role) => {
    const c = await t.signIn({ role });
    const reads = READERS.includes(role);
    const writesReturns = WRITERS.includes(role);
    expect((await c.get('/api/v1/movements')).statusCode).toBe(reads ? 200 : 403);
    const one = await c.get(`/api/v1/movements/${m.id}`);
    expect(one.statusCode).toBe(reads ? 200 : 403);
    const manifest = await c.get(`/api/v1/movements/${m.id}/manifest?format=xlsx`);
    expect(manifest.statusCode).toBe(reads ? 200 : 403);
    if (reads) {
      const seen = json<Movement>(one);
      expect(seen.allowedActions.sort()).toEqual(writesReturns ? MOVEMENT_ACTIONS : ['manifest', 'read']);
      expect(seen.passengers.map((p) => [p.caseId, p.allowedActions.sort()])).toEqual([
        [onBoard, writesReturns ? PASSENGER_ACTIONS : []],
      ]);
    }
    expect(await writes(c)).toEqual(writesReturns ? allWrites(201, 200) : allWrites(403, 403));
    const caps = json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(caps.filter((x) => x.startsWith('movements:')).sort()).toEqual(
      writesReturns ? ['movements:create', 'movements:read'] : reads ? ['movements:read'] : [],
    );
  });
});

describe('in and out of scope', () => {
  it('a return officer of centre B sees the movement but not the people of A, and books none of them', async () => {
    const c = w.returnOfficerB;
    const seen = json<Movement>(await c.get(`/api/v1/movements/${m.id}`));
    expect(seen.passengers).toEqual([]);
    // the movement's own actions are anyone's who writes returns
    expect(seen.allowedActions.sort()).toEqual(MOVEMENT_ACTIONS);
    expect(seen.taken).toBe(1);
    expect(await writes(c)).toEqual({
      ...allWrites(201, 200),
      // the cases of A are out of sight: not found, or not a passenger they see
      book: 404,
      remove: 404,
      delete: 404,
      depart: 422,
      noShow: 422,
      arrival: 404,
    });
    const manifest = await c.get(`/api/v1/movements/${m.id}/manifest?format=pdf`);
    expect(manifest.statusCode).toBe(200);
  });

  it('a return officer of another organisation at centre A acts on the people held there', async () => {
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const c = await t.signIn({ role: 'return_officer', organisationId: org, centreIds: [w.centreA] });
    const seen = json<Movement>(await c.get(`/api/v1/movements/${m.id}`));
    expect(seen.passengers.map((p) => [p.caseId, p.allowedActions.sort()])).toEqual([
      [onBoard, PASSENGER_ACTIONS],
    ]);
    expect(await writes(c)).toEqual(allWrites(201, 200));
  });

  it('a caseworker at A reads the movement and its people, offered nothing, refused everything', async () => {
    const c = w.caseworker;
    const seen = json<Movement>(await c.get(`/api/v1/movements/${m.id}`));
    expect(seen.allowedActions.sort()).toEqual(['manifest', 'read']);
    expect(seen.passengers.map((p) => p.allowedActions)).toEqual([[]]);
    expect(await writes(c)).toEqual(allWrites(403, 403));
  });
});
