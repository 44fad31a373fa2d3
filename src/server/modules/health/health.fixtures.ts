import { expect } from 'vitest';
import type { ClinicSession } from '../../../domain/health/clinic';
import { stockPoints } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies } from '../../test/supplies-factories';

// The health tests' world: two centres, each with a clinic pharmacy and a store (and the mission's
// warehouse), a medicine, users of every role that matters to health, and people held in each
// centre. Set up through the database and the registry's API, not the routes under test.
// The test clock starts on Monday 2026-11-02.

export const TODAY = '2026-11-02';

export interface HealthWorld extends SuppliesWorld {
  pharmacyA: string;
  pharmacyB: string;
  /** a partner NGO running the clinics in centre A */
  ngo: string;
  /** doctor for the whole mission (the mission's organisation) */
  doctor: Client;
  /** the NGO's doctor and nurse at centre A; a nurse at centre B */
  doctorA: Client;
  nurseA: Client;
  nurseB: Client;
  /** roles that read no medical data (DESIGN §5) */
  caseworker: Client;
  manager: Client;
  stockOfficer: Client;
  counsellor: Client;
  /** people held at centre A since 2026-10-01, and one at centre B */
  heldA: string[];
  heldB: string;
}

/** Registers a person admitted to `centreId` (on 2026-10-01 unless told) through the registry's API. */
export async function patient(
  t: TestApp,
  centreId: string,
  o: Partial<ReturnType<typeof buildPerson>> = {},
): Promise<string> {
  const res = await t.admin.post('/api/v1/persons', buildPerson(centreId, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

/** A stock point inserted directly (setup). */
export const pointAt = (t: TestApp, kind: string, centreId: string | null) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const id = newId();
    await w.tx
      .insert(stockPoints)
      .values({ id, name: `Clinic point ${id.slice(-6)}`, kind, centreId, ...created(w) });
    return id;
  });

export async function healthWorld(t: TestApp, o: { people?: number } = {}): Promise<HealthWorld> {
  const s = await seedSupplies(t);
  const ngo = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const heldA: string[] = [];
  for (let i = 0; i < (o.people ?? 3); i++) heldA.push(await patient(t, s.centreA));
  return {
    ...s,
    ngo,
    pharmacyA: await pointAt(t, 'clinic_pharmacy', s.centreA),
    pharmacyB: await pointAt(t, 'clinic_pharmacy', s.centreB),
    doctor: await t.signIn({ role: 'doctor' }),
    doctorA: await t.signIn({ role: 'doctor', organisationId: ngo, centreIds: [s.centreA] }),
    nurseA: await t.signIn({ role: 'nurse', organisationId: ngo, centreIds: [s.centreA] }),
    nurseB: await t.signIn({ role: 'nurse', centreIds: [s.centreB] }),
    caseworker: await t.signIn({ role: 'caseworker' }),
    manager: await t.signIn({ role: 'manager' }),
    stockOfficer: await t.signIn({ role: 'stock_officer' }),
    counsellor: await t.signIn({ role: 'counsellor' }),
    heldA,
    heldB: await patient(t, s.centreB),
  };
}

/** Opens a session (201 or the test fails); today at centre A from its pharmacy unless told. */
export async function openClinic(
  c: Client,
  body: { centreId: string; stockPointId: string; heldOn?: string; staffUserIds?: string[]; note?: string },
): Promise<ClinicSession> {
  const res = await c.post('/api/v1/clinic-sessions', { heldOn: TODAY, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<ClinicSession>(res);
}

/** Adds a person to a session's queue (201 or the test fails); answers with the session. */
export async function enqueue(c: Client, sessionId: string, personId: string): Promise<ClinicSession> {
  const res = await c.post(`/api/v1/clinic-sessions/${sessionId}/queue`, { personId });
  expect(res.statusCode, res.body).toBe(201);
  return json<ClinicSession>(res);
}

/** The audit events of one entity type (as the admin reads them), newest first. */
export const auditOf = async (t: TestApp, entityType: string) =>
  json<{ items: { action: string; entityId: string | null; changedFields: string[]; detail: unknown }[] }>(
    await t.admin.get(`/api/v1/audit?entityType=${entityType}&limit=200`),
  ).items;
