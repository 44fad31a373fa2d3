import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf } from '../supplies/catalogue.fixtures';
import {
  type ClinicWorld,
  clinicWorld,
  consult,
  openSession,
  patient,
  scabies,
} from './consultations.fixtures';

// Fitness to travel is read by returns as a flag: the status and its validity, nothing else of
// the medical record.

let t: TestApp;
let w: ClinicWorld;
beforeAll(async () => {
  t = await testApp();
  w = await clinicWorld(t);
});
afterAll(() => t.close());

const flagOf = (who: ClinicWorld['nurse'], personId: string) =>
  who.get(`/api/v1/persons/${personId}/fitness-to-travel`);

describe('the fitness-to-travel flag', () => {
  it('gives a return officer the latest assessment and nothing medical', async () => {
    const p = await patient(w.nurse, w.centreA);
    const earlier = await openSession(t, w.centreA, w.pharmacyA, '2026-10-20');
    await consult(
      w.doctor,
      scabies(w, p, {
        sessionId: earlier,
        prescriptions: [],
        fitness: { status: 'not_fit', validUntil: '2026-12-31' },
      }),
    );
    await consult(
      w.doctor,
      scabies(w, p, { prescriptions: [], fitness: { status: 'fit_with_escort', validUntil: '2026-11-30' } }),
    );
    const res = await flagOf(w.returnOfficer, p);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({
      personId: p,
      status: 'fit_with_escort',
      validUntil: '2026-11-30',
      assessedOn: '2026-11-02',
      current: true,
    });
    expect(res.body).not.toMatch(/B86|Itching|Permethrin|diagnos|complaint/i);
    const events = await auditOf(t, 'fitness_to_travel', p);
    expect(events).toEqual([expect.objectContaining({ action: 'read', actorId: w.returnOfficer.userId })]);
  });

  it('says when no assessment holds today', async () => {
    const p = await patient(w.nurse, w.centreA);
    expect(json(await flagOf(w.doctor, p))).toEqual({
      personId: p,
      status: null,
      validUntil: null,
      assessedOn: null,
      current: false,
    });
    const earlier = await openSession(t, w.centreA, w.pharmacyA, '2026-10-10');
    await consult(
      w.nurse,
      scabies(w, p, {
        sessionId: earlier,
        prescriptions: [],
        fitness: { status: 'fit', validUntil: '2026-10-20' },
      }),
    );
    expect(json(await flagOf(w.nurse, p))).toMatchObject({
      status: 'fit',
      validUntil: '2026-10-20',
      current: false,
    });
  });

  it('is refused to caseworkers, managers and stock officers, and 404 outside the reader’s people', async () => {
    const p = await patient(w.nurse, w.centreA);
    for (const who of [w.caseworker, w.manager, w.stockOfficer])
      expect((await flagOf(who, p)).statusCode, who.username).toBe(403);
    expect((await flagOf(w.nurseB, p)).statusCode).toBe(404);
  });
});
