import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicSession } from '../../../domain/health/clinic';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf, enqueue, type HealthWorld, healthWorld, openClinic, patient } from './health.fixtures';

// Opening a day's clinic, its staff, the list and closing. The queue: clinic-queue.int.test.ts.

let t: TestApp;
let h: HealthWorld;
let today: ClinicSession; // centre A, today, opened by the NGO's nurse with its doctor
beforeAll(async () => {
  t = await testApp();
  h = await healthWorld(t);
  today = await openClinic(h.nurseA, {
    centreId: h.centreA,
    stockPointId: h.pharmacyA,
    staffUserIds: [h.doctorA.userId],
  });
});
afterAll(() => t.close());

const URL = '/api/v1/clinic-sessions';
const NOBODY = '01900000-0000-7000-8000-000000000000';

describe('opening a session', () => {
  it('adds the opener to the staff, offers the day’s actions and audits it', () => {
    expect(today).toMatchObject({
      centreId: h.centreA,
      heldOn: '2026-11-02',
      stockPointId: h.pharmacyA,
      status: 'open',
      counts: { waiting: 0, seen: 0, referred: 0, left: 0 },
      queue: [],
      version: 1,
    });
    expect(today.staff.map((s) => s.id).sort()).toEqual([h.nurseA.userId, h.doctorA.userId].sort());
    expect(today.allowedActions).toEqual(['read', 'update', 'close', 'queue']);
  });

  it('writes a create event', async () => {
    const events = await auditOf(t, 'clinic_session');
    expect(events.find((e) => e.entityId === today.id)).toMatchObject({
      action: 'create',
      changedFields: expect.arrayContaining(['centreId', 'heldOn', 'stockPointId']),
    });
  });

  it('refuses a second session for the centre and day, naming the one held (409)', async () => {
    const res = await h.doctorA.post(URL, {
      centreId: h.centreA,
      stockPointId: h.storeA,
      heldOn: '2026-11-02',
    });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({
      code: 'session_exists',
      existingId: today.id,
      errors: [{ path: 'heldOn' }],
    });
  });

  it('refuses malformed input field by field (400)', async () => {
    const res = await h.nurseA.post(URL, {
      centreId: 'A',
      heldOn: '2026-02-30',
      stockPointId: h.pharmacyA,
      staffUserIds: ['x'],
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const paths = json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['centreId', 'heldOn', 'staffUserIds.0', 'extra']));
  });

  it('refuses another centre’s pharmacy, a day ahead, and staff who are not the centre’s doctors or nurses (422)', async () => {
    const base = { centreId: h.centreA, heldOn: '2026-10-26', stockPointId: h.pharmacyA };
    const point = await h.nurseA.post(URL, { ...base, stockPointId: h.pharmacyB });
    expect(point.statusCode).toBe(422);
    expect(json(point)).toMatchObject({ errors: [{ path: 'stockPointId' }] });
    const ahead = await h.nurseA.post(URL, { ...base, heldOn: '2026-11-03' });
    expect(ahead.statusCode).toBe(422);
    expect(json(ahead)).toMatchObject({ errors: [{ path: 'heldOn' }] });
    const staff = await h.nurseA.post(URL, {
      ...base,
      staffUserIds: [h.doctor.userId, h.caseworker.userId, h.nurseB.userId, NOBODY],
    });
    expect(staff.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(staff).errors.map((e) => e.path)).toEqual([
      'staffUserIds.1',
      'staffUserIds.2',
      'staffUserIds.3',
    ]);
    const list = json<{ items: { heldOn: string }[] }>(
      await h.nurseA.get(`${URL}?from=2026-10-26&to=2026-10-26`),
    );
    expect(list.items).toEqual([]); // nothing written
  });

  it('is refused to a nurse of another centre (403) and to an unknown centre (422)', async () => {
    const atA = await h.nurseB.post(URL, {
      centreId: h.centreA,
      heldOn: '2026-10-26',
      stockPointId: h.pharmacyA,
    });
    expect(atA.statusCode).toBe(403);
    const unknown = await h.nurseB.post(URL, {
      centreId: NOBODY,
      heldOn: '2026-10-26',
      stockPointId: h.pharmacyB,
    });
    expect(unknown.statusCode).toBe(422);
    expect(json(unknown)).toMatchObject({ errors: [{ path: 'centreId' }] });
  });
});

describe('who may touch sessions', () => {
  it('refuses every route to roles that read no medical data (403)', async () => {
    const body = { centreId: h.centreA, heldOn: '2026-10-19', stockPointId: h.pharmacyA };
    for (const c of [h.caseworker, h.manager, h.stockOfficer, h.counsellor]) {
      const answers = [
        await c.get(URL),
        await c.get(`${URL}/today`),
        await c.get(`${URL}/${today.id}`),
        await c.post(URL, body),
        await c.patch(`${URL}/${today.id}`, { note: 'x', version: 1 }),
        await c.post(`${URL}/${today.id}/queue`, { personId: h.heldA[0] }),
        await c.patch(`${URL}/${today.id}/queue/${NOBODY}`, { status: 'left', version: 1 }),
      ];
      expect(
        answers.map((r) => r.statusCode),
        c.username,
      ).toEqual([403, 403, 403, 403, 403, 403, 403]);
    }
  });

  it('hides centre A’s session from a nurse of centre B (404 and not listed)', async () => {
    const answers = [
      await h.nurseB.get(`${URL}/${today.id}`),
      await h.nurseB.patch(`${URL}/${today.id}`, { note: 'x', version: 1 }),
      await h.nurseB.post(`${URL}/${today.id}/queue`, { personId: h.heldB }),
      await h.nurseB.patch(`${URL}/${today.id}/queue/${NOBODY}`, { status: 'left', version: 1 }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    const list = json<{ items: { id: string }[]; total: number }>(await h.nurseB.get(URL));
    expect(list.items.map((s) => s.id)).not.toContain(today.id);
  });

  it('lists the clinic capabilities in /me for medical staff only', async () => {
    const caps = async (c: typeof h.nurseA) =>
      json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(await caps(h.nurseA)).toEqual(
      expect.arrayContaining([
        'clinic_sessions:read',
        'clinic_sessions:create',
        'clinic_schedules:read',
        'clinic_schedules:create',
      ]),
    );
    expect((await caps(h.caseworker)).filter((c) => c.startsWith('clinic_'))).toEqual([]);
    expect((await caps(h.manager)).filter((c) => c.startsWith('clinic_'))).toEqual([]);
  });
});

describe('the list', () => {
  it('filters by centre, status and dates, sorts, pages and counts', async () => {
    const made: ClinicSession[] = [];
    for (const heldOn of ['2026-10-05', '2026-10-19', '2026-10-12'])
      made.push(await openClinic(h.doctor, { centreId: h.centreB, stockPointId: h.pharmacyB, heldOn }));
    const q = `centreId=${h.centreB}&from=2026-10-01&to=2026-10-31&sort=heldOn&order=asc&limit=2`;
    type Page = { items: ClinicSession[]; nextCursor: string | null; total: number };
    const first = json<Page>(await h.doctor.get(`${URL}?${q}`));
    expect(first.total).toBe(3);
    const rest = json<Page>(await h.doctor.get(`${URL}?${q}&cursor=${first.nextCursor}`));
    expect([...first.items, ...rest.items].map((s) => s.heldOn)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
    ]);
    expect(rest.nextCursor).toBeNull();
    // latest first by default; the staff and counts come with each row
    const all = json<Page>(await h.doctor.get(URL));
    expect(all.items.map((s) => s.heldOn)).toEqual(['2026-11-02', '2026-10-19', '2026-10-12', '2026-10-05']);
    expect(all.items[1]?.staff.map((s) => s.id)).toEqual([h.doctor.userId]);
    const bad = await h.doctor.get(`${URL}?status=paused&from=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['status', 'from']),
    );
    expect(json<Page>(await h.nurseB.get(`${URL}?status=open`)).total).toBe(3);
    expect(json<Page>(await h.nurseB.get(`${URL}?status=closed`)).total).toBe(0);
  });
});

describe('changing and closing a session', () => {
  let s: ClinicSession;
  beforeAll(async () => {
    s = await openClinic(h.nurseA, { centreId: h.centreA, stockPointId: h.pharmacyA, heldOn: '2026-10-28' });
  });

  it('sets the note and the staff with the version (409 when stale, 422 with nothing to change)', async () => {
    const res = await h.nurseA.patch(`${URL}/${s.id}`, {
      note: 'Interpreter for Tigrinya present',
      staffUserIds: [h.doctorA.userId, h.doctor.userId],
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<ClinicSession>(res);
    expect(after).toMatchObject({ note: 'Interpreter for Tigrinya present', version: 2 });
    expect(after.staff.map((x) => x.id).sort()).toEqual([h.doctorA.userId, h.doctor.userId].sort());
    expect((await h.nurseA.patch(`${URL}/${s.id}`, { note: 'Other', version: 1 })).statusCode).toBe(409);
    const same = await h.nurseA.patch(`${URL}/${s.id}`, {
      note: 'Interpreter for Tigrinya present',
      version: 2,
    });
    expect(same.statusCode).toBe(422);
    const staff = await h.nurseA.patch(`${URL}/${s.id}`, {
      staffUserIds: [h.stockOfficer.userId],
      version: 2,
    });
    expect(staff.statusCode).toBe(422);
    expect(json(staff)).toMatchObject({ errors: [{ path: 'staffUserIds.0' }] });
    const events = (await auditOf(t, 'clinic_session')).filter((e) => e.entityId === s.id);
    expect(events[0]).toMatchObject({ action: 'update', changedFields: ['note', 'staffUserIds'] });
  });

  it('closes: whoever is waiting has left; the queue is shut until it reopens', async () => {
    const late = await patient(t, h.centreA);
    await enqueue(h.nurseA, s.id, h.heldA[0] as string);
    const queued = await enqueue(h.nurseA, s.id, h.heldA[1] as string);
    const gone = queued.queue.find((e) => e.personId === h.heldA[1]);
    const left = await h.nurseA.patch(`${URL}/${s.id}/queue/${gone?.id}`, {
      status: 'left',
      version: gone?.version,
    });
    expect(left.statusCode, left.body).toBe(200);
    const res = await h.doctorA.patch(`${URL}/${s.id}`, { status: 'closed', version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const closed = json<ClinicSession>(res);
    expect(closed).toMatchObject({ status: 'closed', counts: { waiting: 0, left: 2 } });
    expect(closed.queue.map((e) => e.status)).toEqual(['left', 'left']);
    expect(closed.allowedActions).toEqual(['read', 'update', 'reopen']);
    expect(closed.queue.every((e) => e.allowedActions.join() === 'read')).toBe(true);
    const more = await h.nurseA.post(`${URL}/${s.id}/queue`, { personId: late });
    expect(more.statusCode).toBe(422);
    expect(json(more)).toMatchObject({ code: 'session_closed' });
    const sessionEvents = (await auditOf(t, 'clinic_session')).filter((e) => e.entityId === s.id);
    expect(sessionEvents[0]).toMatchObject({ action: 'close', changedFields: ['status'] });
    const entryEvents = (await auditOf(t, 'clinic_queue_entry')).filter(
      (e) => (e.detail as { closedWithSession?: boolean } | null)?.closedWithSession,
    );
    expect(entryEvents.map((e) => e.entityId)).toEqual([closed.queue[0]?.id]);

    const reopened = json<ClinicSession>(
      await h.nurseA.patch(`${URL}/${s.id}`, { status: 'open', version: 3 }),
    );
    expect(reopened).toMatchObject({ status: 'open', version: 4, counts: { left: 2 } });
    expect((await auditOf(t, 'clinic_session')).find((e) => e.entityId === s.id)).toMatchObject({
      action: 'transition',
      detail: { from: 'closed', to: 'open' },
    });
    expect((await h.nurseA.post(`${URL}/${s.id}/queue`, { personId: late })).statusCode).toBe(201);
  });

  it('refuses a status outside open/closed (400)', async () => {
    const res = await h.nurseA.patch(`${URL}/${s.id}`, { status: 'paused', version: 4 });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ errors: [{ path: 'status' }] });
  });
});
