import { and, eq } from 'drizzle-orm';
import { syndromesOf } from '../../../domain/health/syndromes';
import { isoWeekOf } from '../../../domain/health/weeks';
import {
  clinicSessions,
  consultationDiagnoses,
  consultations,
  episodes,
  organisations,
  persons,
  stockPoints,
  surveillanceCases,
} from '../../db/schema/index';
import { asSystem, type Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { buildCentre } from '../../test/factories';
import { json, type TestApp } from '../../test/harness';
import { evaluateAlerts } from './alerts.service';

// The surveillance tests' world, inserted directly as `system` (set up, not under test): a centre
// with its clinic pharmacy, people held there (persons and episodes), clinic sessions, and
// consultations with their surveillance cases as the consultation service writes them.

let n = 0;

export interface Clinic {
  centreId: string;
  stockPointId: string;
}

/** A new centre (through the directory's API) and its clinic pharmacy. */
export async function seedClinic(t: TestApp): Promise<Clinic> {
  const res = await t.admin.post('/api/v1/centres', buildCentre());
  if (res.statusCode !== 201) throw new Error(`centre: ${res.body}`);
  const centreId = json<{ id: string }>(res).id;
  const stockPointId = newId();
  await asSystem(t.ctx, t.missionId, (w) =>
    w.tx.insert(stockPoints).values({
      id: stockPointId,
      name: `Clinic pharmacy ${++n}`,
      kind: 'clinic_pharmacy',
      centreId,
      ...created(w),
    }),
  );
  return { centreId, stockPointId };
}

const missionOrganisation = async (w: Work) => {
  const [o] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'mission'));
  if (!o) throw new Error('the mission has no organisation');
  return o.id;
};

/** `count` people held in a centre from `admittedOn` (until `endedOn`, if given); their ids. */
export function admit(
  t: TestApp,
  centreId: string,
  count: number,
  stay: { admittedOn: string; endedOn?: string; birthDate?: string } = { admittedOn: '2020-01-01' },
): Promise<string[]> {
  return asSystem(t.ctx, t.missionId, async (w) => {
    const org = await missionOrganisation(w);
    const ids = Array.from({ length: count }, () => newId());
    if (!count) return ids;
    await w.tx.insert(persons).values(
      ids.map((id) => ({
        ...created(w),
        id,
        registrationNumber: `SURV-${++n}-${id.slice(-8)}`,
        givenName: 'Test',
        familyName: `Patient ${n}`,
        sex: 'male',
        birthDate: stay.birthDate ?? '1995-06-01',
        nationality: 'SDN',
        nameKey: `tst ptnt${n}`,
        createdByOrganisationId: org,
      })),
    );
    await w.tx.insert(episodes).values(
      ids.map((personId) => ({
        ...created(w),
        id: newId(),
        personId,
        centreId,
        admittedOn: stay.admittedOn,
        endedOn: stay.endedOn ?? null,
        endReason: stay.endedOn ? 'release' : null,
        circumstances: 'intercepted_at_sea',
        createdByOrganisationId: org,
      })),
    );
    return ids;
  });
}

/** The clinic session of a centre on a day (one a day), created if missing. */
async function sessionOn(w: Work, clinic: Clinic, heldOn: string, org: string) {
  await w.tx
    .insert(clinicSessions)
    .values({
      ...created(w),
      id: newId(),
      centreId: clinic.centreId,
      heldOn,
      stockPointId: clinic.stockPointId,
      createdByOrganisationId: org,
    })
    .onConflictDoNothing();
  const [s] = await w.tx
    .select({ id: clinicSessions.id })
    .from(clinicSessions)
    .where(and(eq(clinicSessions.centreId, clinic.centreId), eq(clinicSessions.heldOn, heldOn)));
  if (!s) throw new Error('no session');
  return s.id;
}

/** A clinic session with no consultation (the start of a centre's surveillance history). */
export const openSession = (t: TestApp, clinic: Clinic, heldOn: string) =>
  asSystem(t.ctx, t.missionId, async (w) => sessionOn(w, clinic, heldOn, await missionOrganisation(w)));

export interface Consult {
  personId: string;
  on: string;
  /** ICD-10 codes; the surveillance cases follow from them (syndromesOf) */
  codes?: string[];
  ageYears?: number | null;
  dehydration?: 'none' | 'some' | 'severe';
  /** run the alert rules in the same transaction, as the consultation service does */
  evaluate?: boolean;
}

/** A consultation at the centre's clinic, its diagnoses and its surveillance cases; its id. */
export function consult(t: TestApp, clinic: Clinic, c: Consult): Promise<string> {
  return asSystem(t.ctx, t.missionId, async (w) => {
    const org = await missionOrganisation(w);
    const sessionId = await sessionOn(w, clinic, c.on, org);
    const id = newId();
    const week = isoWeekOf(c.on);
    const ageYears = c.ageYears === undefined ? 30 : c.ageYears;
    const dehydration = c.dehydration ?? 'none';
    await w.tx.insert(consultations).values({
      ...created(w),
      id,
      sessionId,
      centreId: clinic.centreId,
      consultedOn: c.on,
      week,
      personId: c.personId,
      ageYears,
      clinicianUserId: w.actor.userId,
      createdByOrganisationId: org,
      dehydration,
      outcome: 'treated',
    });
    const codes = c.codes ?? [];
    if (codes.length)
      await w.tx.insert(consultationDiagnoses).values(
        codes.map((code, i) => ({
          missionId: w.actor.missionId,
          consultationId: id,
          code,
          certainty: 'suspected',
          position: i + 1,
        })),
      );
    const syndromes = [...new Set(codes.flatMap((code) => syndromesOf(code)))];
    if (syndromes.length)
      await w.tx.insert(surveillanceCases).values(
        syndromes.map((syndrome) => ({
          missionId: w.actor.missionId,
          consultationId: id,
          syndrome,
          centreId: clinic.centreId,
          week,
          personId: c.personId,
          ageYears,
          severeDehydration: dehydration === 'severe',
        })),
      );
    if (c.evaluate) await evaluateAlerts(w, { centreId: clinic.centreId, week, syndromes });
    return id;
  });
}

/** One more stay of someone already registered (a move, a re-admission). */
export const stay = (t: TestApp, personId: string, centreId: string, admittedOn: string, endedOn?: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    await w.tx.insert(episodes).values({
      ...created(w),
      id: newId(),
      personId,
      centreId,
      admittedOn,
      endedOn: endedOn ?? null,
      endReason: endedOn ? 'release' : null,
      circumstances: 'intercepted_at_sea',
      createdByOrganisationId: await missionOrganisation(w),
    });
  });
