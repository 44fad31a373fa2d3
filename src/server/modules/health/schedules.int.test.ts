import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf, type HealthWorld, healthWorld, openClinic } from './health.fixtures';

type Schedule = {
  id: string;
  centreId: string;
  weekday: number;
  startsAt: string;
  stockPointId: string;
  stockPointName: string;
  active: boolean;
  version: number;
  allowedActions: string[];
};

let t: TestApp;
let h: HealthWorld;
beforeAll(async () => {
  t = await testApp();
  h = await healthWorld(t, { people: 0 });
});
afterAll(() => t.close());

const body = (o: Record<string, unknown> = {}) => ({
  centreId: h.centreA,
  weekday: 1,
  startsAt: '09:00',
  stockPointId: h.pharmacyA,
  ...o,
});

describe('weekly clinic schedules', () => {
  let monday: Schedule;
  it('creates a schedule at a centre, offering its update, and audits it', async () => {
    const res = await h.nurseA.post('/api/v1/clinic-schedules', body());
    expect(res.statusCode, res.body).toBe(201);
    monday = json<Schedule>(res);
    expect(monday).toMatchObject({
      centreId: h.centreA,
      weekday: 1,
      startsAt: '09:00',
      active: true,
      version: 1,
    });
    expect(monday.allowedActions).toEqual(['read', 'update']);
    const events = await auditOf(t, 'clinic_schedule');
    expect(events.find((e) => e.entityId === monday.id)).toMatchObject({
      action: 'create',
      changedFields: expect.arrayContaining(['weekday', 'stockPointId']),
    });
  });

  it('accepts the centre store, refuses another centre’s pharmacy and the warehouse on stockPointId', async () => {
    const store = await h.nurseA.post(
      '/api/v1/clinic-schedules',
      body({ weekday: 4, stockPointId: h.storeA }),
    );
    expect(store.statusCode, store.body).toBe(201);
    for (const stockPointId of [h.pharmacyB, h.warehouse, h.storeB]) {
      const res = await h.doctor.post('/api/v1/clinic-schedules', body({ stockPointId }));
      expect(res.statusCode).toBe(422);
      expect(json(res)).toMatchObject({ errors: [{ path: 'stockPointId' }] });
    }
  });

  it('refuses malformed input field by field, and an unknown centre', async () => {
    const bad = await h.doctor.post(
      '/api/v1/clinic-schedules',
      body({ weekday: 8, startsAt: '25:00', extra: 1 }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['weekday', 'startsAt', 'extra']));
    const unknown = await h.doctor.post(
      '/api/v1/clinic-schedules',
      body({ centreId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(json(unknown)).toMatchObject({ errors: [{ path: 'centreId' }] });
  });

  it('lets a nurse of centre B neither create at A nor see A’s schedules (404)', async () => {
    expect((await h.nurseB.post('/api/v1/clinic-schedules', body())).statusCode).toBe(403);
    expect((await h.nurseB.get(`/api/v1/clinic-schedules/${monday.id}`)).statusCode).toBe(404);
    const list = json<{ items: Schedule[] }>(await h.nurseB.get('/api/v1/clinic-schedules'));
    expect(list.items.map((s) => s.centreId)).not.toContain(h.centreA);
    expect(
      (await h.nurseB.patch(`/api/v1/clinic-schedules/${monday.id}`, { startsAt: '10:00', version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('is closed to roles that read no medical data (403)', async () => {
    for (const c of [h.caseworker, h.manager, h.stockOfficer, h.counsellor]) {
      expect((await c.get('/api/v1/clinic-schedules')).statusCode, c.username).toBe(403);
      expect((await c.get(`/api/v1/clinic-schedules/${monday.id}`)).statusCode, c.username).toBe(403);
      expect((await c.post('/api/v1/clinic-schedules', body())).statusCode, c.username).toBe(403);
      expect(
        (await c.patch(`/api/v1/clinic-schedules/${monday.id}`, { active: false, version: 1 })).statusCode,
        c.username,
      ).toBe(403);
    }
  });

  it('updates with the version (409 when stale), checks a new pharmacy, audits a deactivation', async () => {
    const res = await h.doctorA.patch(`/api/v1/clinic-schedules/${monday.id}`, {
      startsAt: '08:30',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Schedule>(res)).toMatchObject({ startsAt: '08:30', version: 2 });
    const stale = await h.doctorA.patch(`/api/v1/clinic-schedules/${monday.id}`, {
      startsAt: '08:00',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const wrong = await h.doctorA.patch(`/api/v1/clinic-schedules/${monday.id}`, {
      stockPointId: h.pharmacyB,
      version: 2,
    });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong)).toMatchObject({ errors: [{ path: 'stockPointId' }] });
    const centre = await h.doctorA.patch(`/api/v1/clinic-schedules/${monday.id}`, {
      centreId: h.centreB,
      version: 2,
    });
    expect(centre.statusCode).toBe(400);
    const off = await h.doctorA.patch(`/api/v1/clinic-schedules/${monday.id}`, { active: false, version: 2 });
    expect(json<Schedule>(off)).toMatchObject({ active: false, version: 3 });
    const events = await auditOf(t, 'clinic_schedule');
    expect(events.filter((e) => e.entityId === monday.id).map((e) => e.action)).toEqual([
      'deactivate',
      'update',
      'create',
    ]);
    const active = json<{ items: Schedule[] }>(
      await h.doctorA.get(`/api/v1/clinic-schedules?centreId=${h.centreA}&active=true`),
    );
    expect(active.items.map((s) => s.id)).not.toContain(monday.id);
    expect(active.items.length).toBeGreaterThan(0);
  });

  it("lists today's due schedules until the centre's session is opened (the doctor's home)", async () => {
    const res = await h.nurseB.post(
      '/api/v1/clinic-schedules',
      body({ centreId: h.centreB, stockPointId: h.pharmacyB }),
    );
    const scheduleB = json<Schedule>(res);
    const thursday = await h.nurseB.post(
      '/api/v1/clinic-schedules',
      body({ centreId: h.centreB, stockPointId: h.pharmacyB, weekday: 4 }),
    );
    expect(thursday.statusCode).toBe(201);
    type Today = { today: string; sessions: { id: string }[]; scheduled: { id: string }[] };
    const before = json<Today>(await h.nurseB.get('/api/v1/clinic-sessions/today'));
    expect(before.today).toBe('2026-11-02');
    expect(before.scheduled.map((s) => s.id)).toEqual([scheduleB.id]); // Monday's only, B's only
    const s = await openClinic(h.nurseB, { centreId: h.centreB, stockPointId: h.pharmacyB });
    const after = json<Today>(await h.nurseB.get('/api/v1/clinic-sessions/today'));
    expect(after.scheduled).toEqual([]);
    expect(after.sessions.map((x) => x.id)).toEqual([s.id]);
    expect((await h.caseworker.get('/api/v1/clinic-sessions/today')).statusCode).toBe(403);
  });
});
