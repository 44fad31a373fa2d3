import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicSession } from '../../../domain/health/clinic';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf, enqueue, type HealthWorld, healthWorld, openClinic, patient } from './health.fixtures';

// The day's queue: who may be added, tickets (also under concurrent adds), leaving, and the nurse
// finding patients through the registry's search.

let t: TestApp;
let h: HealthWorld;
let s: ClinicSession; // centre A, today
beforeAll(async () => {
  t = await testApp();
  h = await healthWorld(t, { people: 4 });
  s = await openClinic(h.nurseA, { centreId: h.centreA, stockPointId: h.pharmacyA });
});
afterAll(() => t.close());

const queueUrl = (id = s.id) => `/api/v1/clinic-sessions/${id}/queue`;

describe('adding patients', () => {
  let adult: string;
  it('gives the first ticket and shows name, number, sex and age on the clinic’s day', async () => {
    adult = await patient(t, h.centreA, { sex: 'female', birthDate: '2000-11-03' });
    const after = await enqueue(h.nurseA, s.id, adult);
    const [entry] = after.queue;
    const person = json<{ givenName: string; familyName: string; registrationNumber: string }>(
      await t.admin.get(`/api/v1/persons/${adult}`),
    );
    expect(entry).toMatchObject({
      ticket: 1,
      personId: adult,
      personName: `${person.givenName} ${person.familyName}`,
      registrationNumber: person.registrationNumber,
      sex: 'female',
      ageYears: 25, // 26 tomorrow
      status: 'waiting',
      consultationId: null,
      version: 1,
      arrivedAt: '2026-11-02T08:00:00.000Z',
      fullNameOriginal: null, // none recorded
    });
    expect(entry?.allowedActions).toEqual(['read', 'leave', 'consult']);
    expect(after.counts).toMatchObject({ waiting: 1 });
    const events = await auditOf(t, 'clinic_queue_entry');
    expect(events.find((e) => e.entityId === entry?.id)).toMatchObject({
      action: 'create',
      detail: { sessionId: s.id, personId: adult },
    });
  });

  it('refuses someone already queued (409)', async () => {
    const res = await h.doctorA.post(queueUrl(), { personId: adult });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'already_queued', errors: [{ path: 'personId' }] });
  });

  it('refuses someone held elsewhere, admitted after the day, or unknown: 422 not_at_centre', async () => {
    const later = await openClinic(h.nurseA, {
      centreId: h.centreA,
      stockPointId: h.pharmacyA,
      heldOn: '2026-09-28',
    });
    const cases: [string, string][] = [
      [s.id, h.heldB],
      [later.id, h.heldA[0] as string], // admitted on 2026-10-01, after that clinic
      [s.id, '01900000-0000-7000-8000-000000000000'],
    ];
    for (const [sessionId, personId] of cases) {
      const res = await h.nurseA.post(queueUrl(sessionId), { personId });
      expect(res.statusCode).toBe(422);
      expect(json(res)).toMatchObject({ code: 'not_at_centre', errors: [{ path: 'personId' }] });
    }
    const bad = await h.nurseA.post(queueUrl(), { personId: 'someone', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(
      json<{ errors: { path: string }[] }>(bad)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['extra', 'personId']);
    const after = json<ClinicSession>(await h.nurseA.get(`/api/v1/clinic-sessions/${s.id}`));
    expect(after.queue).toHaveLength(1); // nothing written
  });

  it('numbers two patients added at once 2 and 3', async () => {
    const [a, b] = await Promise.all([
      h.nurseA.post(queueUrl(), { personId: h.heldA[0] }),
      h.doctorA.post(queueUrl(), { personId: h.heldA[1] }),
    ]);
    expect([a?.statusCode, b?.statusCode]).toEqual([201, 201]);
    const after = json<ClinicSession>(await h.nurseA.get(`/api/v1/clinic-sessions/${s.id}`));
    expect(after.queue.map((e) => e.ticket)).toEqual([1, 2, 3]);
    expect(new Set(after.queue.map((e) => e.personId)).size).toBe(3);
  });

  it('lets the mission-wide doctor add to it too, and leaves a nurse of centre B out (404)', async () => {
    const after = await enqueue(h.doctor, s.id, h.heldA[2] as string);
    expect(after.queue.at(-1)).toMatchObject({ ticket: 4, personId: h.heldA[2] });
    expect((await h.nurseB.get(`/api/v1/clinic-sessions/${s.id}`)).statusCode).toBe(404);
  });
});

describe('the queue as the clinic reads it', () => {
  it('names each patient in their own script too, when recorded', async () => {
    const session = await openClinic(h.nurseA, {
      centreId: h.centreA,
      stockPointId: h.pharmacyA,
      heldOn: '2026-10-26',
    });
    const arabic = await patient(t, h.centreA, { fullNameOriginal: 'آمنة إدريس' });
    const latin = await patient(t, h.centreA);
    await enqueue(h.nurseA, session.id, arabic);
    await enqueue(h.nurseA, session.id, latin);
    const read = json<ClinicSession>(await h.doctorA.get(`/api/v1/clinic-sessions/${session.id}`));
    expect(read.queue.map((e) => [e.personId, e.fullNameOriginal])).toEqual([
      [arabic, 'آمنة إدريس'],
      [latin, null],
    ]);
  });

  it('audits each read of a session: one event on the session naming the patients shown', async () => {
    const reads = async () =>
      (await auditOf(t, 'clinic_session')).filter((e) => e.entityId === s.id && e.action === 'read');
    const before = (await reads()).length;
    const shown = json<ClinicSession>(await h.doctorA.get(`/api/v1/clinic-sessions/${s.id}`));
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after[0]?.detail).toEqual({
      personIds: shown.queue.map((e) => e.personId),
      count: shown.queue.length,
    });
    expect(shown.queue.length).toBeGreaterThan(0);
    // a refused read (another centre's nurse: 404) writes nothing
    expect((await h.nurseB.get(`/api/v1/clinic-sessions/${s.id}`)).statusCode).toBe(404);
    expect(await reads()).toHaveLength(before + 1);
  });
});

describe('leaving the queue', () => {
  it('marks a waiting patient as left with the version, and audits it', async () => {
    const before = json<ClinicSession>(await h.nurseA.get(`/api/v1/clinic-sessions/${s.id}`));
    const entry = before.queue.find((e) => e.ticket === 2);
    const url = `${queueUrl()}/${entry?.id}`;
    const res = await h.nurseA.patch(url, { status: 'left', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<ClinicSession>(res);
    expect(after.queue.find((e) => e.id === entry?.id)).toMatchObject({
      status: 'left',
      version: 2,
      allowedActions: ['read'],
    });
    expect(after.counts).toMatchObject({ waiting: 3, left: 1 });
    const again = await h.nurseA.patch(url, { status: 'left', version: 2 });
    expect(again.statusCode).toBe(422);
    expect(json(again)).toMatchObject({ code: 'not_waiting' });
    const events = await auditOf(t, 'clinic_queue_entry');
    expect(events.find((e) => e.entityId === entry?.id)).toMatchObject({
      action: 'update',
      changedFields: ['status'],
      detail: { from: 'waiting', to: 'left' },
    });
  });

  it('refuses a stale version (409), a status other than left (400) and an unknown entry (404)', async () => {
    const entry = json<ClinicSession>(await h.nurseA.get(`/api/v1/clinic-sessions/${s.id}`)).queue.find(
      (e) => e.ticket === 3,
    );
    const url = `${queueUrl()}/${entry?.id}`;
    expect((await h.nurseA.patch(url, { status: 'left', version: 7 })).statusCode).toBe(409);
    const seen = await h.nurseA.patch(url, { status: 'seen', version: 1 });
    expect(seen.statusCode).toBe(400);
    expect(json(seen)).toMatchObject({ errors: [{ path: 'status' }] });
    const other = await h.nurseA.patch(`${queueUrl()}/01900000-0000-7000-8000-000000000000`, {
      status: 'left',
      version: 1,
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('finding patients', () => {
  it('lets a nurse scoped to the centre find its people through the registry, and not another centre’s', async () => {
    const [a, b] = await Promise.all(
      [h.heldA[3], h.heldB].map(async (id) =>
        json<{ familyName: string }>(await t.admin.get(`/api/v1/persons/${id}`)),
      ),
    );
    const found = json<{ items: { id: string }[] }>(
      await h.nurseA.get(`/api/v1/persons?q=${encodeURIComponent(a?.familyName ?? '')}`),
    );
    expect(found.items.map((p) => p.id)).toContain(h.heldA[3]);
    const elsewhere = json<{ items: { id: string }[] }>(
      await h.nurseA.get(`/api/v1/persons?q=${encodeURIComponent(b?.familyName ?? '')}`),
    );
    expect(elsewhere.items.map((p) => p.id)).not.toContain(h.heldB);
  });
});
