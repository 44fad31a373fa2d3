import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../../domain/health/consultations';
import { clinicQueue, consultations, surveillanceCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { json, type TestApp, testApp } from '../../test/harness';
import { stockUp } from '../../test/supplies-factories';
import { auditOf, expectFields } from '../supplies/catalogue.fixtures';
import {
  type ClinicWorld,
  clinicWorld,
  consult,
  counts,
  enqueue,
  onHandAt,
  openSession,
  patient,
  scabies,
} from './consultations.fixtures';

let t: TestApp;
let w: ClinicWorld;
beforeAll(async () => {
  t = await testApp();
  w = await clinicWorld(t);
  await stockUp(t, { stockPointId: w.pharmacyA, itemId: w.medicine, quantity: 500, expiryOn: '2028-01-31' });
});
afterAll(() => t.close());

const system = <T>(fn: Parameters<typeof asSystem<T>>[2]) => asSystem(t.ctx, t.missionId, fn);

describe('recording a consultation', () => {
  it('writes the record, dispenses, counts a scabies case for the centre and week, marks the patient seen', async () => {
    const p = await patient(w.nurse, w.centreA, { birthDate: '1990-11-03' });
    const before = await onHandAt(t, w.pharmacyA, w.medicine);
    const c = await consult(w.nurse, scabies(w, p));
    expect(c).toMatchObject({
      personId: p,
      centreId: w.centreA,
      consultedOn: '2026-11-02',
      ageYears: 35, // a day short of 36
      complaint: 'Itching at night for two weeks',
      diagnoses: [{ code: 'B86', certainty: 'suspected' }],
      outcome: 'treated',
      clinician: { id: w.nurse.userId },
    });
    expect(c.prescriptions).toEqual([
      expect.objectContaining({
        quantity: 10,
        dispensed: 10,
        lots: [expect.objectContaining({ quantity: 10 })],
      }),
    ]);
    expect(await onHandAt(t, w.pharmacyA, w.medicine)).toBe(before - 10);
    const cases = await system((x) =>
      x.tx.select().from(surveillanceCases).where(eq(surveillanceCases.consultationId, c.id)),
    );
    expect(cases).toEqual([
      expect.objectContaining({ syndrome: 'scabies', centreId: w.centreA, week: '2026-W45', ageYears: 35 }),
    ]);
    // not queued before: added as already seen, with the next ticket
    const [entry] = await system((x) =>
      x.tx.select().from(clinicQueue).where(eq(clinicQueue.consultationId, c.id)),
    );
    expect(entry).toMatchObject({ personId: p, status: 'seen', sessionId: w.sessionA, ticket: 1 });
  });

  it('marks the queue entry it serves, as referred when the outcome is a referral', async () => {
    const p = await patient(w.nurse, w.centreA);
    const session = await openSession(t, w.centreA, w.pharmacyA, '2026-11-01');
    const entry = await enqueue(t, session, p, 7);
    const c = await consult(
      w.doctor,
      scabies(w, p, { sessionId: session, queueEntryId: entry, outcome: 'referred', prescriptions: [] }),
    );
    const [row] = await system((x) => x.tx.select().from(clinicQueue).where(eq(clinicQueue.id, entry)));
    expect(row).toMatchObject({ status: 'referred', consultationId: c.id, ticket: 7, version: 2 });
    const other = await patient(w.nurse, w.centreA);
    const wrong = await w.doctor.post('/api/v1/consultations', {
      ...scabies(w, other, { sessionId: session, queueEntryId: entry, prescriptions: [] }),
    });
    expectFields(wrong, 422, ['queueEntryId']);
    expect((await counts(t, other)).consultations).toBe(0);
  });

  it('numbers the patients added by two consultations at once one after the other', async () => {
    const session = await openSession(t, w.centreA, w.pharmacyA, '2026-10-27');
    const [p1, p2] = [await patient(w.nurse, w.centreA), await patient(w.nurse, w.centreA)];
    const body = (p: string) => scabies(w, p, { sessionId: session, prescriptions: [] });
    const answers = await Promise.all([
      w.nurse.post('/api/v1/consultations', body(p1)),
      w.doctor.post('/api/v1/consultations', body(p2)),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const entries = await system((x) =>
      x.tx.select().from(clinicQueue).where(eq(clinicQueue.sessionId, session)),
    );
    expect(entries.map((e) => e.ticket).sort()).toEqual([1, 2]);
  });

  it('keeps the complaint and treatment notes encrypted in the row; a read decrypts and is audited', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p));
    const [raw] = await system((x) => x.tx.select().from(consultations).where(eq(consultations.id, c.id)));
    expect(raw?.complaint).toMatch(/^v1:/);
    expect(raw?.complaint).not.toContain('Itching');
    expect(raw?.treatmentNotes).toMatch(/^v1:/);
    expect(raw?.treatmentNotes).not.toContain('Permethrin');
    const read = await w.doctor.get(`/api/v1/consultations/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(json<Consultation>(read)).toMatchObject({
      complaint: 'Itching at night for two weeks',
      treatmentNotes: 'Permethrin for the whole room; review in one week',
    });
    const events = await auditOf(t, 'consultation', c.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'read']);
    const created = events[0]!;
    expect(created.changedFields).toEqual(
      expect.arrayContaining(['complaint', 'treatmentNotes', 'diagnoses']),
    );
    expect(JSON.stringify(created)).not.toContain('Itching');
    expect(JSON.stringify(created)).not.toContain('B86');
    expect(events[1]).toMatchObject({ actorId: w.doctor.userId, detail: { personId: p } });
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const p = await patient(w.nurse, w.centreA);
    const bad = await w.nurse.post('/api/v1/consultations', {
      ...scabies(w, p),
      vitals: { temperatureC: 385 },
      outcome: 'follow_up',
    });
    expectFields(bad, 400, ['vitals.temperatureC', 'followUpOn']);
    const unknown = await w.nurse.post('/api/v1/consultations', {
      ...scabies(w, p, { diagnoses: [{ code: 'B86' }, { code: 'Z99.9' }] }),
      prescriptions: [
        { itemId: w.medicine, dose: '1', frequency: 'od', days: 1, quantity: 1 },
        { itemId: w.clothing, dose: '1', frequency: 'od', days: 1, quantity: 1 },
        { itemId: w.inactiveMedicine, dose: '1', frequency: 'od', days: 1, quantity: 1 },
        { itemId: w.disposable, dose: '1', frequency: 'once', days: 1, quantity: 1, dispense: false },
      ],
    });
    expectFields(unknown, 422, ['diagnoses.1.code', 'prescriptions.1.itemId', 'prescriptions.2.itemId']);
    const closed = await openSession(t, w.centreA, w.pharmacyA, '2026-10-30', 'closed');
    const late = await w.nurse.post('/api/v1/consultations', scabies(w, p, { sessionId: closed }));
    expectFields(late, 422, ['sessionId']);
    expect(json(late)).toMatchObject({ code: 'session_closed' });
    const elsewhere = await patient(w.nurseB, w.centreB);
    const sessionB = await openSession(t, w.centreB, w.pharmacyB);
    const notHere = await w.nurse.post('/api/v1/consultations', scabies(w, p, { sessionId: sessionB }));
    expectFields(notHere, 422, ['sessionId']); // a session of a centre outside the nurse's scope
    // a person held at B, asked about at A's session: the all-mission nurse sees both
    const notHeld = await w.nurseAll.post('/api/v1/consultations', scabies(w, elsewhere));
    expectFields(notHeld, 422, ['personId']);
    expect(json(notHeld)).toMatchObject({ code: 'not_at_centre' });
    expect(await counts(t, p)).toMatchObject({ consultations: 0, cases: 0 });
    expect(await counts(t, elsewhere)).toMatchObject({ consultations: 0, cases: 0 });
  });

  it('accepts a person not held there that day if they are in the session’s queue', async () => {
    const elsewhere = await patient(w.nurseB, w.centreB);
    const session = await openSession(t, w.centreA, w.pharmacyA, '2026-10-29');
    await enqueue(t, session, elsewhere, 1);
    const c = await consult(w.nurseAll, scabies(w, elsewhere, { sessionId: session, prescriptions: [] }));
    expect(c.personId).toBe(elsewhere);
  });
});

describe('prescribing and dispensing', () => {
  it('lets a doctor prescribe but not dispense; the nurse dispenses what is left', async () => {
    const p = await patient(w.nurse, w.centreA);
    const refused = await w.doctor.post('/api/v1/consultations', scabies(w, p));
    expect(refused.statusCode).toBe(403);
    expect((await counts(t, p)).consultations).toBe(0);
    const c = await consult(w.doctor, scabies(w, p, {}, { dispense: false }));
    expect(c.prescriptions[0]).toMatchObject({ dispensed: 0, lots: [] });
    expect(c.allowedActions).not.toContain('dispense');
    const asNurse = json<Consultation>(await w.nurse.get(`/api/v1/consultations/${c.id}`));
    expect(asNurse.allowedActions).toEqual(expect.arrayContaining(['read', 'update', 'dispense']));
    expect(
      (await w.doctor.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version })).statusCode,
    ).toBe(403);
    const stale = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version + 5 });
    expect(stale.statusCode).toBe(409);
    const before = await onHandAt(t, w.pharmacyA, w.medicine);
    const done = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version });
    expect(done.statusCode, done.body).toBe(200);
    const after = json<Consultation>(done);
    expect(after.prescriptions[0]).toMatchObject({ dispensed: 10 });
    expect(after.allowedActions).not.toContain('dispense');
    expect(await onHandAt(t, w.pharmacyA, w.medicine)).toBe(before - 10);
    const again = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, { version: after.version });
    expect(again.statusCode).toBe(403); // nothing left to dispense
    const events = await auditOf(t, 'dispensing', c.prescriptions[0]!.id);
    expect(events).toEqual([expect.objectContaining({ action: 'create', actorId: w.nurse.userId })]);
  });

  it('refuses to dispense another consultation’s prescription', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.doctor, scabies(w, p, {}, { dispense: false }));
    const res = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, {
      version: c.version,
      prescriptionIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expectFields(res, 422, ['prescriptionIds.0']);
  });
});

describe('correcting a consultation', () => {
  it('re-derives the surveillance cases, never touches dispensing, and is audited by field name', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p));
    const before = await onHandAt(t, w.pharmacyA, w.medicine);
    const res = await w.doctor.patch(`/api/v1/consultations/${c.id}`, {
      version: c.version,
      diagnoses: [{ code: 'A09.0', certainty: 'confirmed' }],
      dehydration: 'severe',
      treatmentNotes: 'ORS plan C',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<Consultation>(res);
    expect(after).toMatchObject({
      version: c.version + 1,
      diagnoses: [{ code: 'A09.0', certainty: 'confirmed' }],
      treatmentNotes: 'ORS plan C',
      complaint: c.complaint,
    });
    expect(after.prescriptions[0]).toMatchObject({ dispensed: 10 });
    expect(await onHandAt(t, w.pharmacyA, w.medicine)).toBe(before);
    const cases = await system((x) =>
      x.tx.select().from(surveillanceCases).where(eq(surveillanceCases.consultationId, c.id)),
    );
    expect(cases.map((x) => [x.syndrome, x.severeDehydration])).toEqual([['acute_watery_diarrhoea', true]]);
    const stale = await w.doctor.patch(`/api/v1/consultations/${c.id}`, {
      version: c.version,
      outcome: 'treated',
    });
    expect(stale.statusCode).toBe(409);
    const bad = await w.doctor.patch(`/api/v1/consultations/${c.id}`, {
      version: after.version,
      diagnoses: [{ code: 'Q99.8' }],
    });
    expectFields(bad, 422, ['diagnoses.0.code']);
    const noDate = await w.doctor.patch(`/api/v1/consultations/${c.id}`, {
      version: after.version,
      outcome: 'follow_up',
    });
    expectFields(noDate, 422, ['followUpOn']);
    const update = (await auditOf(t, 'consultation', c.id)).find((e) => e.action === 'update');
    expect(update?.changedFields?.sort()).toEqual(['dehydration', 'diagnoses', 'treatmentNotes']);
    expect(JSON.stringify(update)).not.toContain('ORS');
  });
});

describe('the list', () => {
  it('filters by person, code and dates, counts, and audits the read naming the ids', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p, { prescriptions: [] }));
    const res = await w.doctor.get(
      `/api/v1/consultations?personId=${p}&code=B86&from=2026-11-01&to=2026-11-30`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page = json<{ items: Consultation[]; total: number }>(res);
    expect(page.total).toBe(1);
    expect(page.items.map((i) => i.id)).toEqual([c.id]);
    expect(page.items[0]).not.toHaveProperty('complaint');
    expect(page.items[0]).not.toHaveProperty('treatmentNotes');
    const none = json<{ total: number }>(
      await w.doctor.get(`/api/v1/consultations?personId=${p}&code=A09.0`),
    );
    expect(none.total).toBe(0);
    const reads = json<{ items: { detail: { ids?: string[] } }[] }>(
      await t.admin.get('/api/v1/audit?entityType=consultation&action=read&limit=50'),
    ).items;
    expect(reads.some((e) => e.detail.ids?.length === 1 && e.detail.ids[0] === c.id)).toBe(true);
  });

  it('shows a nurse of another centre nothing of A’s patients (404 on one)', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p, { prescriptions: [] }));
    expect((await w.nurseB.get(`/api/v1/consultations/${c.id}`)).statusCode).toBe(404);
    expect(
      (await w.nurseB.patch(`/api/v1/consultations/${c.id}`, { version: 1, outcome: 'treated' })).statusCode,
    ).toBe(404);
    const list = json<{ items: { id: string }[] }>(await w.nurseB.get(`/api/v1/consultations?personId=${p}`));
    expect(list.items).toEqual([]);
  });
});

describe('who may touch consultations', () => {
  it('refuses caseworkers, managers, stock officers and return officers on every route', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p, {}, { dispense: false }));
    for (const who of [w.caseworker, w.manager, w.stockOfficer, w.returnOfficer]) {
      const answers = [
        await who.get('/api/v1/consultations'),
        await who.get(`/api/v1/consultations/${c.id}`),
        await who.post('/api/v1/consultations', scabies(w, p)),
        await who.patch(`/api/v1/consultations/${c.id}`, { version: c.version, outcome: 'treated' }),
        await who.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version }),
      ];
      expect(
        answers.map((a) => a.statusCode),
        who.username,
      ).toEqual([403, 403, 403, 403, 403]);
    }
    expect((await counts(t, p)).consultations).toBe(1);
  });

  it('puts consultations on the timeline of medical readers only', async () => {
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p, { prescriptions: [] }));
    const kinds = async (who: typeof w.nurse) =>
      json<{ items: { id: string; kind: string; detail: Record<string, unknown> }[] }>(
        await who.get(`/api/v1/persons/${p}/timeline`),
      ).items.filter((i) => i.kind === 'consultation');
    expect(await kinds(w.doctor)).toEqual([
      expect.objectContaining({
        id: `consultation:${c.id}`,
        detail: expect.objectContaining({ diagnoses: 'B86' }),
      }),
    ]);
    expect(await kinds(w.caseworker)).toEqual([]);
    expect(await kinds(w.returnOfficer)).toEqual([]);
  });

  it('lists the capabilities in /me from the policies', async () => {
    const caps = async (who: typeof w.nurse) =>
      json<{ capabilities: string[] }>(await who.get('/api/v1/me')).capabilities;
    expect(await caps(w.nurse)).toEqual(
      expect.arrayContaining([
        'consultations:read',
        'consultations:create',
        'consultations:dispense',
        'diagnoses:read',
      ]),
    );
    const doctor = await caps(w.doctor);
    expect(doctor).toEqual(expect.arrayContaining(['consultations:create', 'fitness:read']));
    expect(doctor).not.toContain('consultations:dispense');
    expect(doctor).not.toContain('diagnoses:create'); // centre-scoped
    expect(await caps(w.nurseAll)).toContain('diagnoses:create');
    expect(await caps(w.returnOfficer)).toContain('fitness:read');
    const cw = await caps(w.caseworker);
    expect(cw.filter((x) => /^(consultations|diagnoses|fitness_to_travel):/.test(x))).toEqual([]);
  });
});
