import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Consultation } from '../../../domain/health/consultations';
import {
  clinicQueue,
  clinicSessions,
  consultations,
  stockBalances,
  stockMovements,
  stockPoints,
  supplyItems,
  surveillanceCases,
} from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';
import { buildItem, buildMedicine, type SuppliesWorld, seedSupplies } from '../../test/supplies-factories';

// A small clinic world for the consultation tests: centres A and B (from the supplies seed), a
// clinic pharmacy at A, an open session at A today (the test clock says 2026-11-02), staff of
// each role, and people held at A. Sessions and queue entries are inserted directly: they are
// set up here, not under test (the clinic sessions' own routes and fixtures come separately).

export const TODAY = '2026-11-02';

export interface ClinicWorld extends SuppliesWorld {
  pharmacyA: string;
  pharmacyB: string;
  /** a clothing item is not prescribable; a medical disposable is */
  disposable: string;
  inactiveMedicine: string;
  sessionA: string;
  org: string;
  doctor: Client;
  nurse: Client;
  nurse2: Client;
  nurseB: Client;
  /** a mission-wide nurse (extends the diagnosis list) */
  nurseAll: Client;
  caseworker: Client;
  manager: Client;
  returnOfficer: Client;
  stockOfficer: Client;
}

export async function clinicWorld(t: TestApp): Promise<ClinicWorld> {
  const s = await seedSupplies(t);
  const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const ids = await asSystem(t.ctx, t.missionId, async (w) => {
    const point = async (centreId: string) => {
      const id = newId();
      await w.tx
        .insert(stockPoints)
        .values({ id, name: `Pharmacy ${id.slice(-4)}`, kind: 'clinic_pharmacy', centreId, ...created(w) });
      return id;
    };
    const item = async (body: ReturnType<typeof buildItem>, active = true) => {
      const id = newId();
      await w.tx.insert(supplyItems).values({ id, ...body, active, ...created(w) });
      return id;
    };
    return {
      pharmacyA: await point(s.centreA),
      pharmacyB: await point(s.centreB),
      disposable: await item(
        buildItem({
          code: `DSP-GAUZE-${newId().slice(-6)}`,
          name: 'Gauze swab',
          nameAr: 'شاش طبي',
          nameFr: 'Compresse de gaze',
          category: 'medical_disposable',
          baseUnit: 'piece',
        }),
      ),
      inactiveMedicine: await item(buildMedicine({ code: `MED-OLD-${newId().slice(-6)}` }), false),
    };
  });
  const sessionA = await openSession(t, s.centreA, ids.pharmacyA);
  const at = (role: string, centreIds: string[] = [s.centreA]) =>
    t.signIn({ role: role as never, organisationId: org, centreIds });
  return {
    ...s,
    ...ids,
    sessionA,
    org,
    doctor: await at('doctor'),
    nurse: await at('nurse'),
    nurse2: await at('nurse'),
    nurseB: await at('nurse', [s.centreB]),
    nurseAll: await at('nurse', []),
    caseworker: await at('caseworker'),
    manager: await at('manager'),
    returnOfficer: await at('return_officer'),
    stockOfficer: await at('stock_officer'),
  };
}

/** An open (or closed) session at a centre on a day, inserted as system; returns its id. */
export const openSession = (
  t: TestApp,
  centreId: string,
  stockPointId: string,
  heldOn = TODAY,
  status = 'open',
) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const id = newId();
    await w.tx.insert(clinicSessions).values({
      ...created(w),
      id,
      centreId,
      heldOn,
      stockPointId,
      status,
      createdByOrganisationId: w.actor.organisationId,
    });
    return id;
  });

/** Puts a person in a session's queue (waiting), as system; returns the entry's id. */
export const enqueue = (t: TestApp, sessionId: string, personId: string, ticket: number) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const id = newId();
    await w.tx.insert(clinicQueue).values({
      ...created(w),
      id,
      sessionId,
      personId,
      ticket,
      arrivedAt: w.now,
      createdByOrganisationId: w.actor.organisationId,
    });
    return id;
  });

/** A person held at `centreId` since 2026-10-01, registered by `by` (a nurse of that centre). */
export async function patient(
  by: Client,
  centreId: string,
  o: Partial<ReturnType<typeof buildPerson>> = {},
): Promise<string> {
  const res = await by.post('/api/v1/persons', buildPerson(centreId, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

/** A consultation body: scabies, one prescription of `itemId` dispensed now unless said otherwise. */
export const scabies = (
  w: Pick<ClinicWorld, 'sessionA' | 'medicine'>,
  personId: string,
  o: Record<string, unknown> = {},
  prescription: Record<string, unknown> = {},
) => ({
  sessionId: w.sessionA,
  personId,
  complaint: 'Itching at night for two weeks',
  vitals: { temperatureC: 37.1, pulse: 80 },
  diagnoses: [{ code: 'B86', certainty: 'suspected' }],
  treatmentNotes: 'Permethrin for the whole room; review in one week',
  prescriptions: [
    { itemId: w.medicine, dose: '1 tablet', frequency: 'bd', days: 5, quantity: 10, ...prescription },
  ],
  ...o,
});

export async function consult(c: Client, body: unknown): Promise<Consultation> {
  const res = await c.post('/api/v1/consultations', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Consultation>(res);
}

/** Counts read as system: what the database holds, whatever the API says. */
export const counts = (t: TestApp, personId: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
    const count = sql<number>`count(*)::int`;
    return {
      consultations: await n(
        w.tx.select({ n: count }).from(consultations).where(eq(consultations.personId, personId)),
      ),
      cases: await n(
        w.tx.select({ n: count }).from(surveillanceCases).where(eq(surveillanceCases.personId, personId)),
      ),
      dispensed: await n(
        w.tx.select({ n: count }).from(stockMovements).where(eq(stockMovements.kind, 'dispense')),
      ),
    };
  });

export const onHandAt = (t: TestApp, stockPointId: string, itemId: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const rows = await w.tx
      .select({ onHand: stockBalances.onHand })
      .from(stockBalances)
      .where(and(eq(stockBalances.stockPointId, stockPointId), eq(stockBalances.itemId, itemId)));
    return rows.reduce((a, r) => a + r.onHand, 0);
  });
