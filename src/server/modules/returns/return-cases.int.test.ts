import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { auditOf, expectFields } from '../supplies/catalogue.fixtures';
import { blockersOf, getCase as get, move, ok, url } from './return-cases.fixtures';
import { caseIn, type ReturnsWorld, returnee, returnsWorld, TODAY } from './returns.fixtures';

// The return cases API: opening a case, correcting it, the list and its scope, a person's
// returns and timeline, transitions (allowed, refused with every blocker, stale), consent
// withdrawn on the way, the time spent in each state. The gate and documents: return-cases.gate.

let t: TestApp;
let w: ReturnsWorld;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
}, 180_000);
afterAll(() => t.close());

const body = (personId: string, o: Record<string, unknown> = {}) => ({
  personId,
  programme: 'vhr',
  destinationCountry: 'SDN',
  embassyOrganisationId: w.embassy,
  projectId: w.project,
  requestedOn: TODAY,
  ...o,
});
describe('opening a case', () => {
  it('opens in state requested, with its first span and an audit event', async () => {
    const personId = await returnee(w);
    const r = ok(await w.returnOfficer.post('/api/v1/returns', body(personId)), 201);
    expect(r).toMatchObject({
      personId,
      state: 'requested',
      programme: 'vhr',
      origin: 'person',
      nationality: 'SDN',
      centreId: w.centreA,
      embassyName: 'Embassy of Sudan',
      embassyNameAr: 'سفارة السودان',
      protection: 'not_flagged',
      version: 1,
    });
    // the centre by its directory names, for readers in either language
    const centre = json<{ name: string; nameAr: string }>(await t.admin.get(`/api/v1/centres/${w.centreA}`));
    expect([r.centreName, r.centreNameAr]).toEqual([centre.name, centre.nameAr]);
    expect(r.centreNameAr).toBeTruthy();
    expect(r.reference).toMatch(/-RET-2026-\d{5}$/);
    expect(r.history).toEqual([
      {
        state: 'requested',
        enteredAt: t.now().toISOString(),
        leftAt: null,
        byName: expect.any(String),
        reason: null,
      },
    ]);
    expect(r.allowedActions).toEqual(expect.arrayContaining(['update', 'transition', 'add_travel_document']));
    expect(r.next.map((n) => n.state)).toEqual(['counselled', 'withdrawn', 'ineligible']);
    const events = await auditOf(t, 'return_case', r.id);
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a second case in progress (409), a person out of scope (404), a reader (403)', async () => {
    const personId = await returnee(w);
    ok(await w.returnOfficer.post('/api/v1/returns', body(personId)), 201);
    const again = await w.returnOfficer.post('/api/v1/returns', body(personId));
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('return_case_open');
    const other = await returnee(w);
    expect((await w.returnOfficerB.post('/api/v1/returns', body(other))).statusCode).toBe(404);
    expect((await w.caseworker.post('/api/v1/returns', body(other))).statusCode).toBe(403);
    expect((await w.doctor.post('/api/v1/returns', body(other))).statusCode).toBe(403);
  });

  it('names the fields in error: 400 for bad input, 422 for an embassy that is not one', async () => {
    const personId = await returnee(w);
    expectFields(
      await w.returnOfficer.post(
        '/api/v1/returns',
        body(personId, { programme: 'tourism', destinationCountry: 'X' }),
      ),
      400,
      ['destinationCountry', 'programme'],
    );
    expectFields(
      await w.returnOfficer.post('/api/v1/returns', body(personId, { embassyOrganisationId: w.unhcr })),
      422,
      ['embassyOrganisationId'],
    );
    expectFields(await w.returnOfficer.post('/api/v1/returns', body(personId, { projectId: newId() })), 422, [
      'projectId',
    ]);
    // nothing was written
    const listed = json<{ total: number }>(await w.returnOfficer.get(`/api/v1/returns?personId=${personId}`));
    expect(listed.total).toBe(0);
  });

  it('corrects the project and the embassy (with the version), audited by field name', async () => {
    const personId = await returnee(w);
    const r = ok(await w.returnOfficer.post('/api/v1/returns', body(personId, { projectId: null })), 201);
    const bad = await w.returnOfficer.patch(url(r.id), {
      version: r.version,
      embassyOrganisationId: w.partner,
    });
    expectFields(bad, 422, ['embassyOrganisationId']);
    const fixed = ok(await w.returnOfficer.patch(url(r.id), { version: r.version, projectId: w.project }));
    expect(fixed).toMatchObject({ projectId: w.project, version: 2 });
    expect((await w.returnOfficer.patch(url(r.id), { version: 1, projectId: null })).statusCode).toBe(409);
    const update = (await auditOf(t, 'return_case', r.id)).find((e) => e.action === 'update');
    expect(update?.changedFields).toEqual(['projectId']);
  });
});

describe('the list', () => {
  let nigerian: string;
  let sudanese: string;
  let booked: string;
  beforeAll(async () => {
    nigerian = await returnee(w, { nationality: 'NGA', givenName: 'Chidi', familyName: 'Okafor' });
    sudanese = await returnee(w, { givenName: 'Hawa', familyName: 'Idriss' });
    await caseIn(t, w, nigerian, { state: 'counselled', embassy: w.otherEmbassy, projectId: null });
    booked = await caseIn(t, w, sudanese, { state: 'booked' });
  });
  type Page = { items: { id: string; personId: string; state: string }[]; total: number };
  const list = async (c: Client, q: string) => json<Page>(await c.get(`/api/v1/returns?${q}`));

  it('filters by state, nationality, person, project, centre and name or reference, counted', async () => {
    const byState = await list(w.returnOfficer, 'state=booked');
    expect(byState.items.map((i) => i.id)).toContain(booked);
    expect(byState.items.every((i) => i.state === 'booked')).toBe(true);
    expect(byState.total).toBe(byState.items.length);
    const nga = await list(w.returnOfficer, 'nationality=NGA');
    expect(nga.items.map((i) => i.personId)).toEqual([nigerian]);
    expect((await list(w.returnOfficer, `personId=${sudanese}`)).items.map((i) => i.id)).toEqual([booked]);
    const inProject = await list(w.returnOfficer, `projectId=${w.project}&limit=200`);
    expect(inProject.items.map((i) => i.personId)).not.toContain(nigerian);
    expect(inProject.items.map((i) => i.id)).toContain(booked);
    expect((await list(w.returnOfficer, `centreId=${w.centreB}`)).total).toBe(0);
    expect((await list(w.returnOfficer, 'q=okafor')).items.map((i) => i.personId)).toEqual([nigerian]);
    const ref = (await get(w.returnOfficer, booked)).reference;
    expect((await list(w.returnOfficer, `q=${ref}`)).items.map((i) => i.id)).toEqual([booked]);
  });

  it('pages by keyset in the chosen order', async () => {
    const all = await list(w.returnOfficer, 'sort=reference&limit=200');
    const first = json<Page & { nextCursor: string }>(
      await w.returnOfficer.get('/api/v1/returns?sort=reference&limit=2'),
    );
    const second = await list(w.returnOfficer, `sort=reference&limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(
      all.items.slice(0, 4).map((i) => i.id),
    );
    expect(first.total).toBe(all.total);
  });

  it('is scoped: centre B’s officer sees none of A’s cases; a doctor may not list', async () => {
    expect(await list(w.returnOfficerB, '')).toMatchObject({ items: [], total: 0 });
    expect((await list(w.returnOfficerAll, `personId=${sudanese}`)).total).toBe(1);
    expect((await list(w.manager, `personId=${sudanese}`)).total).toBe(1);
    expect((await w.doctor.get('/api/v1/returns')).statusCode).toBe(403);
    expect((await w.returnOfficerB.get(url(booked))).statusCode).toBe(404);
  });

  it('shows a person’s returns to readers, and only a flag to doctors and nurses', async () => {
    const mine = json<{ items: { id: string }[]; inProgress: boolean; state: string }>(
      await w.returnOfficer.get(`/api/v1/persons/${sudanese}/returns`),
    );
    expect(mine).toMatchObject({ inProgress: true, state: 'booked' });
    expect(mine.items.map((i) => i.id)).toEqual([booked]);
    const flag = json(await w.doctor.get(`/api/v1/persons/${sudanese}/returns`));
    expect(flag).toEqual({ inProgress: true, state: 'booked' });
    expect((await w.stockOfficer.get(`/api/v1/persons/${sudanese}/returns`)).statusCode).toBe(403);
  });

  it('puts the case on the person’s timeline', async () => {
    const items = json<{ items: { kind: string; detail: Record<string, unknown> }[] }>(
      await w.returnOfficer.get(`/api/v1/persons/${sudanese}/timeline`),
    ).items;
    expect(
      items.filter((i) => i.kind.startsWith('return_')).map((i) => [i.kind, i.detail.state ?? null]),
    ).toEqual(
      expect.arrayContaining([
        ['return_opened', null],
        ['return_state', 'booked'],
      ]),
    );
    const doctors = json<{ items: { kind: string }[] }>(
      await w.doctor.get(`/api/v1/persons/${sudanese}/timeline`),
    );
    expect(doctors.items.some((i) => i.kind.startsWith('return_'))).toBe(false);
  });
});

describe('transitions', () => {
  it('moves forward, keeps the time in each state, and refuses with every blocker', async () => {
    const personId = await returnee(w);
    const r = ok(await w.returnOfficer.post('/api/v1/returns', body(personId)), 201);
    const opened = t.now().toISOString();
    t.advance(20 * 60_000);
    const counselled = ok(await move(w.returnOfficer, r, 'counselled'));
    const moved = t.now().toISOString();
    expect(counselled).toMatchObject({ state: 'counselled', version: 2, stateSince: moved });
    expect(counselled.history).toEqual([
      expect.objectContaining({ state: 'requested', enteredAt: opened, leftAt: moved }),
      expect.objectContaining({ state: 'counselled', enteredAt: moved, leftAt: null }),
    ]);
    // stale version: 409 before anything else
    expect((await move(w.returnOfficer, r, 'consented')).statusCode).toBe(409);
    expect((await move(w.returnOfficer, r, 'withdrawn', 'Changed their mind')).statusCode).toBe(409);
    // no consent yet: refused, the blocker named on `to` and in words
    const refused = await move(w.returnOfficer, counselled, 'consented');
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ code: 'return_no_consent', errors: [{ path: 'to' }] });
    expect(json<{ detail: string }>(refused).detail).toMatch(/consent/i);
    expect(blockersOf(counselled, 'consented')).toEqual(['no_consent']);
    // not on the table: refused as not allowed
    const jump = await move(w.returnOfficer, counselled, 'booked');
    expect(json(jump)).toMatchObject({ code: 'return_not_allowed', errors: [{ path: 'to' }] });
    // an exit needs a reason (400 would be a schema error: this is the state machine's 422)
    expect(json(await move(w.returnOfficer, counselled, 'withdrawn'))).toMatchObject({
      code: 'return_reason_required',
    });
    // a reader may not move a case
    expect((await move(w.manager, counselled, 'withdrawn', 'Changed their mind')).statusCode).toBe(403);
    const events = await auditOf(t, 'return_case', r.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'transition']);
    expect(events[1]?.detail).toMatchObject({ from: 'requested', to: 'counselled' });
  });

  it('goes on with consent, and stops at the next step once consent is withdrawn', async () => {
    const personId = await returnee(w);
    let r = ok(await w.returnOfficer.post('/api/v1/returns', body(personId)), 201);
    r = ok(await move(w.returnOfficer, r, 'counselled'));
    // the return officer records the `return` consent for the embassy
    const consent = ok(
      await w.returnOfficer.post('/api/v1/consents', {
        personId,
        purpose: 'return',
        recipientOrganisationId: w.embassy,
        decision: 'given',
        method: 'verbal',
        language: 'ar',
        givenOn: TODAY,
      }),
      201,
    );
    r = ok(await move(w.returnOfficer, r, 'consented'));
    const withdrawn = await w.returnOfficer.post(`/api/v1/consents/${consent.id}/withdraw`, {
      version: consent.version,
      withdrawnOn: TODAY,
      reason: 'Wants to wait for family news',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    r = await get(w.returnOfficer, r.id);
    expect(blockersOf(r, 'protection_cleared')).toEqual(['no_consent']);
    expect(r.allowedActions).toContain('transition'); // withdrawing is still possible
    const refused = await move(w.returnOfficer, r, 'protection_cleared');
    expect(json(refused)).toMatchObject({ code: 'return_no_consent' });
    ok(await move(w.returnOfficer, r, 'withdrawn', 'Withdrew consent'));
    // the case is over: a new one may be opened
    ok(await w.returnOfficer.post('/api/v1/returns', body(personId)), 201);
  });
});
