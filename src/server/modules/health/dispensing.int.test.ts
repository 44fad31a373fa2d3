import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../../domain/health/consultations';
import { prescriptionLots, stockBalances, supplyItems } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { json, type TestApp, testApp } from '../../test/harness';
import { buildMedicine, stockUp } from '../../test/supplies-factories';
import { expectFields } from '../supplies/catalogue.fixtures';
import {
  type ClinicWorld,
  clinicWorld,
  consult,
  counts,
  onHandAt,
  patient,
  scabies,
} from './consultations.fixtures';

// Dispensing goes through the supplies ledger in the consultation's own transaction: a refusal
// of the ledger leaves no consultation, no ledger entry and no surveillance case behind.

let t: TestApp;
let w: ClinicWorld;
beforeAll(async () => {
  t = await testApp();
  w = await clinicWorld(t);
});
afterAll(() => t.close());

/** A new medicine of the catalogue (each test its own, so stock figures do not mix). */
const medicine = () =>
  asSystem(t.ctx, t.missionId, async (x) => {
    const id = newId();
    await x.tx.insert(supplyItems).values({ id, ...buildMedicine(), ...created(x) });
    return id;
  });

describe('dispensing from the session’s pharmacy', () => {
  it('refuses more than is on hand with 422 and writes nothing at all', async () => {
    const item = await medicine();
    await stockUp(t, { stockPointId: w.pharmacyA, itemId: item, quantity: 8 });
    const p = await patient(w.nurse, w.centreA);
    const before = await counts(t, p);
    const res = await w.nurse.post(
      '/api/v1/consultations',
      scabies({ ...w, medicine: item }, p, {}, { quantity: 9 }),
    );
    expectFields(res, 422, ['prescriptions.0.quantity']);
    expect(json(res)).toMatchObject({ code: 'stock_negative' });
    expect(await counts(t, p)).toEqual({ ...before, consultations: 0, cases: 0 });
    expect(before.dispensed).toBe((await counts(t, p)).dispensed); // no ledger entry either
    expect(await onHandAt(t, w.pharmacyA, item)).toBe(8);
  });

  it('refuses an expired lot (422 on the lot), and takes the earliest usable expiry first', async () => {
    const item = await medicine();
    const expired = await stockUp(t, {
      stockPointId: w.pharmacyA,
      itemId: item,
      quantity: 50,
      expiryOn: '2026-10-31',
      occurredOn: '2026-09-01',
    });
    const later = await stockUp(t, {
      stockPointId: w.pharmacyA,
      itemId: item,
      quantity: 50,
      expiryOn: '2028-06-30',
    });
    const sooner = await stockUp(t, {
      stockPointId: w.pharmacyA,
      itemId: item,
      quantity: 6,
      expiryOn: '2027-01-31',
    });
    const p = await patient(w.nurse, w.centreA);
    const res = await w.nurse.post(
      '/api/v1/consultations',
      scabies({ ...w, medicine: item }, p, {}, { lotId: expired, quantity: 2 }),
    );
    expectFields(res, 422, ['prescriptions.0.lotId']);
    expect(json(res)).toMatchObject({ code: 'lot_expired' });
    expect((await counts(t, p)).consultations).toBe(0);
    // FEFO skips the expired lot: the 6 of the sooner lot, then 4 of the later one
    const c = await consult(w.nurse, scabies({ ...w, medicine: item }, p, {}, { quantity: 10 }));
    expect(c.prescriptions[0]?.lots.map((l) => [l.lotId, l.quantity])).toEqual([
      [sooner, 6],
      [later, 4],
    ]);
    const rows = await asSystem(t.ctx, t.missionId, (x) =>
      x.tx.select().from(prescriptionLots).where(eq(prescriptionLots.prescriptionId, c.prescriptions[0]!.id)),
    );
    expect(rows.map((r) => r.quantity).sort()).toEqual([4, 6]);
    expect(await onHandAt(t, w.pharmacyA, item)).toBe(50 + 50 + 6 - 10);
  });

  it('lets only one of two nurses dispense the last units at once; stock never goes negative', async () => {
    const item = await medicine();
    await stockUp(t, { stockPointId: w.pharmacyA, itemId: item, quantity: 10 });
    const p1 = await patient(w.nurse, w.centreA);
    const p2 = await patient(w.nurse, w.centreA);
    const body = (p: string) => scabies({ ...w, medicine: item }, p, {}, { quantity: 10 });
    const answers = await Promise.all([
      w.nurse.post('/api/v1/consultations', body(p1)),
      w.nurse2.post('/api/v1/consultations', body(p2)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.statusCode === 422)!;
    expect(json(refused)).toMatchObject({
      code: 'stock_negative',
      errors: [{ path: 'prescriptions.0.quantity' }],
    });
    expect(await onHandAt(t, w.pharmacyA, item)).toBe(0);
    const balances = await asSystem(t.ctx, t.missionId, (x) =>
      x.tx.select().from(stockBalances).where(eq(stockBalances.itemId, item)),
    );
    expect(balances.every((b) => b.onHand >= 0)).toBe(true);
    const total = (await counts(t, p1)).consultations + (await counts(t, p2)).consultations;
    expect(total).toBe(1);
  });

  it('dispenses once when an offline replay sends the consultation again (Idempotency-Key)', async () => {
    const item = await medicine();
    await stockUp(t, { stockPointId: w.pharmacyA, itemId: item, quantity: 30 });
    const p = await patient(w.nurse, w.centreA);
    const body = scabies({ ...w, medicine: item }, p, {}, { quantity: 10 });
    const headers = { 'idempotency-key': `consult-${p}` };
    const first = await w.nurse.post('/api/v1/consultations', body, headers);
    const again = await w.nurse.post('/api/v1/consultations', body, headers);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(json<Consultation>(again).id).toBe(json<Consultation>(first).id);
    expect(await onHandAt(t, w.pharmacyA, item)).toBe(20);
    expect((await counts(t, p)).consultations).toBe(1);
  });

  it('dispenses later what the doctor prescribed, dated the session’s day, only what is left', async () => {
    const item = await medicine();
    await stockUp(t, { stockPointId: w.pharmacyA, itemId: item, quantity: 5 });
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(
      w.doctor,
      scabies({ ...w, medicine: item }, p, {}, { quantity: 8, dispense: false }),
    );
    const short = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version });
    expectFields(short, 422, ['prescriptions.0.quantity']);
    await stockUp(t, { stockPointId: w.pharmacyA, itemId: item, quantity: 5 });
    const res = await w.nurse.post(`/api/v1/consultations/${c.id}/dispense`, { version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Consultation>(res).prescriptions[0]).toMatchObject({ quantity: 8, dispensed: 8 });
    const card = json<{ items: { occurredOn: string; quantity: number; reason: string }[] }>(
      await w.nurse.get(`/api/v1/stock-movements?stockPointId=${w.pharmacyA}&itemId=${item}`),
    );
    const dispensed = card.items.filter((m) => m.reason === 'dispensed');
    expect(dispensed.reduce((n, m) => n + m.quantity, 0)).toBe(-8);
    expect(new Set(dispensed.map((m) => m.occurredOn))).toEqual(new Set(['2026-11-02']));
  });
});
