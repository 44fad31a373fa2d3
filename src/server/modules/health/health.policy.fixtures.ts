import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../domain/access/roles';
import type { ClinicSession } from '../../../domain/health/clinic';
import type { Consultation } from '../../../domain/health/consultations';
import type { AlertView } from '../../../domain/health/surveillance';
import { DRY_RUN_HEADER } from '../../platform/dry-run';
import { buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';
import { stockUp } from '../../test/supplies-factories';
import { enqueue, type HealthWorld, healthWorld, openClinic } from './health.fixtures';

// The health policy matrix (health.policy.*.int.test.ts): who may call each health route, written
// out from DESIGN §5's medical row rather than read from the policy code, a world holding a record
// of every kind at centre A (and a few at B), and the two checks every user runs: each route's
// answer against the table, and each record's allowedActions against what its writes then allow.
// Writes are tried with Sanad-Dry-Run, so one world serves every user of a file.

/** DESIGN §5, medical: doctors and nurses read and write. */
export const MEDICAL: Role[] = ['doctor', 'nurse'];
/** Dispensing also writes stock: the nurse's assignment only (the doctor reads stock). */
export const DISPENSES: Role[] = ['nurse'];
/** Return officers see fitness to travel as a flag. */
export const FITNESS: Role[] = ['doctor', 'nurse', 'return_officer'];
/** Surveillance names no one: clinicians, and managers who coordinate the response. */
export const SURVEILLANCE: Role[] = ['doctor', 'nurse', 'manager'];

export type Request = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  payload?: Record<string, unknown>;
};
/**
 * Where a route acts: on the kind (lists, figures: any scope may), at centre A (a record or a
 * write there), or for the whole mission (the diagnosis list, the alert rules).
 */
export type At = 'kind' | 'A' | 'mission';
export type Check<W = PolicyWorld> = {
  name: string;
  roles: readonly Role[];
  at: At;
  req: (w: W) => Request;
  /**
   * A record named in the body (not the path) that the user does not see is, as every reference
   * in a body, 422 on its field: the path of that field.
   */
  unseen?: string;
};

/** A record read with its allowedActions, and how each of its actions is tried. */
export type RecordKind<W = PolicyWorld> = {
  name: string;
  read: (w: W) => string;
  /** the record inside the answer (a queue entry inside its session); the answer by default */
  pick?: (body: unknown, w: W) => Offered;
  attempts: Record<string, (w: W) => Request>;
};
type Offered = { allowedActions: string[] };

/** The users every file runs: every role for the mission, and three scoped ones. */
export type User = { name: string; role: Role; centre?: 'A' | 'B'; otherOrg?: boolean };
export const SCOPED: User[] = [
  { name: 'doctor of centre B', role: 'doctor', centre: 'B' },
  { name: 'nurse of centre B', role: 'nurse', centre: 'B' },
  { name: 'nurse of another organisation at centre A', role: 'nurse', centre: 'A', otherOrg: true },
];

/** Should this user's call succeed? The role's row, then the assignment's scope. */
export const expected = (check: Pick<Check, 'roles' | 'at'>, u: User) =>
  check.roles.includes(u.role) &&
  (u.centre === undefined || check.at === 'kind' || (check.at === 'A' && u.centre === 'A'));

export interface PolicyWorld extends HealthWorld {
  schedule: { id: string; version: number };
  /** today's session at A (open) and last Monday's (closed) */
  open: ClinicSession;
  closed: ClinicSession;
  /** in today's queue at A: waiting, and seen (by `prescribed`) */
  waiting: { id: string; version: number; personId: string };
  seen: { id: string; version: number; personId: string };
  /** held at A, in no queue: queued and consulted by the dry runs */
  fresh: string;
  /** a doctor's prescription still to dispense, and a nurse's dispensed one */
  prescribed: Consultation;
  dispensed: Consultation;
  /** this week's measles at A (new), acute flaccid paralysis at A (verified), measles at B (new) */
  newAlert: AlertView;
  verifiedAlert: AlertView;
  alertB: AlertView;
  sessionB: ClinicSession;
}

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return json<T>(res);
};

export const consultationBody = (w: PolicyWorld, personId: string, dispense: boolean) => ({
  sessionId: w.open.id,
  personId,
  complaint: 'Itching at night',
  diagnoses: [{ code: 'B86', certainty: 'suspected' }],
  prescriptions: [{ itemId: w.medicine, dose: '1 tablet', frequency: 'bd', days: 5, quantity: 10, dispense }],
});

const alertOf = async (c: Client, centreId: string, syndrome: string) => {
  const page = ok<{ items: AlertView[] }>(await c.get(`/api/v1/alerts?centreId=${centreId}`));
  const found = page.items.find((a) => a.syndrome === syndrome);
  if (!found) throw new Error(`no ${syndrome} alert at ${centreId}`);
  return found;
};

export async function policyWorld(t: TestApp): Promise<PolicyWorld> {
  const h = await healthWorld(t, { people: 6 });
  const [p0, p1, p2, p3, p4, fresh] = h.heldA as [string, string, string, string, string, string];
  await stockUp(t, { stockPointId: h.pharmacyA, itemId: h.medicine, quantity: 1000 });
  const schedule = ok<{ id: string; version: number }>(
    await h.doctorA.post('/api/v1/clinic-schedules', {
      centreId: h.centreA,
      weekday: 1,
      startsAt: '09:00',
      stockPointId: h.pharmacyA,
    }),
    201,
  );
  const closedOpen = await openClinic(h.doctorA, {
    centreId: h.centreA,
    stockPointId: h.pharmacyA,
    heldOn: '2026-10-26',
  });
  const closed = ok<ClinicSession>(
    await h.doctorA.patch(`/api/v1/clinic-sessions/${closedOpen.id}`, {
      version: closedOpen.version,
      status: 'closed',
    }),
  );
  const first = await openClinic(h.nurseA, { centreId: h.centreA, stockPointId: h.pharmacyA });
  await enqueue(h.nurseA, first.id, p0);
  await enqueue(h.nurseA, first.id, p1);
  const base = { ...h, open: first } as PolicyWorld;
  const prescribed = ok<Consultation>(
    await h.doctorA.post('/api/v1/consultations', consultationBody(base, p1, false)),
    201,
  );
  const dispensed = ok<Consultation>(
    await h.nurseA.post('/api/v1/consultations', consultationBody(base, p2, true)),
    201,
  );
  const open = ok<ClinicSession>(await h.nurseA.get(`/api/v1/clinic-sessions/${first.id}`));
  const entry = (personId: string) => {
    const e = open.queue.find((q) => q.personId === personId)!;
    return { id: e.id, version: e.version, personId };
  };
  // alerts, raised by consultations (today, 2026-W45): measles and acute flaccid paralysis at A,
  // measles at B
  const sessionB = await openClinic(h.nurseB, { centreId: h.centreB, stockPointId: h.pharmacyB });
  const signs = (sessionId: string, personId: string, code: string) => ({
    sessionId,
    personId,
    diagnoses: [{ code, certainty: 'suspected' }],
  });
  ok(await h.doctorA.post('/api/v1/consultations', signs(first.id, p3, 'B05.9')), 201);
  ok(await h.doctorA.post('/api/v1/consultations', signs(first.id, p4, 'A80.9')), 201);
  ok(await h.nurseB.post('/api/v1/consultations', signs(sessionB.id, h.heldB, 'B05.9')), 201);
  const afp = await alertOf(h.doctor, h.centreA, 'acute_flaccid_paralysis');
  const verifiedAlert = ok<AlertView>(
    await h.doctor.post(`/api/v1/alerts/${afp.id}/transition`, { status: 'verified', version: afp.version }),
  );
  return {
    ...h,
    schedule,
    open,
    closed,
    waiting: entry(p0),
    seen: entry(p1),
    fresh,
    prescribed,
    dispensed,
    newAlert: await alertOf(h.doctor, h.centreA, 'measles'),
    verifiedAlert,
    alertB: await alertOf(h.doctor, h.centreB, 'measles'),
    sessionB,
  };
}

/** Signs in a user of the table (a new account each time). */
export async function signInAs(
  t: TestApp,
  w: Pick<PolicyWorld, 'centreA' | 'centreB'>,
  u: User,
): Promise<Client> {
  if (!u.centre) return t.signIn({ role: u.role });
  const organisationId = u.otherOrg
    ? json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id
    : undefined;
  return t.signIn({
    role: u.role,
    centreIds: [u.centre === 'A' ? w.centreA : w.centreB],
    ...(organisationId ? { organisationId } : {}),
  });
}

const fieldsOf = (res: LightMyRequestResponse) =>
  (json<{ errors?: { path: string }[] }>(res).errors ?? []).map((e) => e.path);

const send = (c: Client, r: Request) => c.request({ ...r, headers: { [DRY_RUN_HEADER]: 'true' } });

/** Each route answers as the table says: 2xx when allowed, 403 or 404 when not. */
export async function expectMatrix<W>(c: Client, u: User, w: W, checks: readonly Check<W>[]) {
  const wrong: string[] = [];
  for (const check of checks) {
    const res = await send(c, check.req(w));
    const allowed = expected(check, u);
    const fine = allowed
      ? res.statusCode < 300
      : res.statusCode === 403 ||
        res.statusCode === 404 ||
        (!!check.unseen && res.statusCode === 422 && fieldsOf(res).includes(check.unseen));
    if (!fine)
      wrong.push(
        `${check.name}: ${res.statusCode} (${allowed ? 'allowed' : 'refused'}) ${res.body.slice(0, 160)}`,
      );
  }
  expect(wrong, `${u.name}`).toEqual([]);
}

/**
 * On each record the user reads, an action offered succeeds and an action not offered is refused
 * (4xx: the policy's 403/404, or the record's state, 409/422). Returns how many were tried.
 */
export async function expectOffers<W>(c: Client, u: User, w: W, kinds: readonly RecordKind<W>[]) {
  const wrong: string[] = [];
  let tried = 0;
  for (const kind of kinds) {
    const res = await c.get(kind.read(w));
    if (res.statusCode !== 200) continue; // the matrix checks who reads
    const record = kind.pick ? kind.pick(json(res), w) : json<Offered>(res);
    for (const [action, attempt] of Object.entries(kind.attempts)) {
      const offered = record.allowedActions.includes(action);
      const r = await send(c, attempt(w));
      tried++;
      if (offered ? r.statusCode >= 300 : r.statusCode < 400 || r.statusCode >= 500)
        wrong.push(
          `${kind.name} ${action} (${offered ? 'offered' : 'not offered'}): ${r.statusCode} ${r.body.slice(0, 160)}`,
        );
    }
  }
  expect(wrong, `${u.name}`).toEqual([]);
  return tried;
}
