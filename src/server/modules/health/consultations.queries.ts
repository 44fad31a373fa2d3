import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { canRead } from '../../../domain/access/roles';
import type { consultationListQuery } from '../../../domain/health/consultations';
import {
  centres,
  clinicSessions,
  consultationDiagnoses,
  consultations,
  persons,
  prescriptionLots,
  prescriptions,
  stockLots,
  stockPoints,
  supplyItems,
  users,
} from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { scopeOf } from '../../platform/policy';
import { personRecordScope, placesOf } from '../registry/persons.scope';
import { pointReach } from '../supplies/stock.scope';
import type { ConsultationRecord } from './health.policy';

// Consultations are records about a person (DESIGN §5, medical row): read within the rule for any
// record about someone, written at the session's centre. Loaders here never decrypt.

export type ConsultationRow = typeof consultations.$inferSelect;
export type SessionRow = typeof clinicSessions.$inferSelect & { pointCentreId: string | null };

/** The consultations an actor may read. */
export const consultationScope = (w: Pick<Work, 'actor'>): SQL =>
  personRecordScope(w, consultations, 'medical');

/** A clinic session at one of the centres where the actor reads medical data, or null. */
export async function loadSession(w: Work, id: string): Promise<SessionRow | null> {
  const scope = scopeOf(w.actor, 'medical', canRead);
  if (scope.kind === 'none') return null;
  const where = and(
    eq(clinicSessions.missionId, w.actor.missionId),
    eq(clinicSessions.id, id),
    scope.kind === 'centres' ? inArray(clinicSessions.centreId, scope.centreIds) : undefined,
  );
  const [row] = await w.tx
    .select({ s: clinicSessions, pointCentreId: stockPoints.centreId })
    .from(clinicSessions)
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, clinicSessions.missionId),
        eq(stockPoints.id, clinicSessions.stockPointId),
      ),
    )
    .where(where);
  return row ? { ...row.s, pointCentreId: row.pointCentreId } : null;
}

const header = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({
      c: consultations,
      centreName: centres.name,
      stockPointId: clinicSessions.stockPointId,
      pointCentreId: stockPoints.centreId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
      sex: persons.sex,
      clinicianName: users.displayName,
      undispensed: sql<boolean>`exists (select 1 from ${prescriptions} p where p.mission_id = ${consultations.missionId}
        and p.consultation_id = ${consultations.id} and p.dispensed < p.quantity)`,
      at,
    })
    .from(consultations)
    .innerJoin(
      clinicSessions,
      and(
        eq(clinicSessions.missionId, consultations.missionId),
        eq(clinicSessions.id, consultations.sessionId),
      ),
    )
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, clinicSessions.missionId),
        eq(stockPoints.id, clinicSessions.stockPointId),
      ),
    )
    .innerJoin(
      centres,
      and(eq(centres.missionId, consultations.missionId), eq(centres.id, consultations.centreId)),
    )
    .innerJoin(
      persons,
      and(eq(persons.missionId, consultations.missionId), eq(persons.id, consultations.personId)),
    )
    .innerJoin(
      users,
      and(eq(users.missionId, consultations.missionId), eq(users.id, consultations.clinicianUserId)),
    );
export type Header = Omit<Awaited<ReturnType<ReturnType<typeof header>['where']>>[number], 'at'>;

/** A consultation the actor may read, or 404; `lock` holds the row for a write. */
export async function loadConsultation(w: Work, id: string, lock = false): Promise<Header> {
  if (lock)
    await w.tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(consultationScope(w), eq(consultations.id, id)))
      .for('update');
  const [row] = await header(w).where(and(consultationScope(w), eq(consultations.id, id)));
  if (!row) throw notFound('Consultation');
  return row;
}

/** Each consultation as its policy sees it (the person's reach for this actor). */
export async function recordsOf(w: Work, hs: readonly Header[]): Promise<Map<string, ConsultationRecord>> {
  const places = await placesOf(
    w,
    hs.map((h) => h.c.personId),
  );
  return new Map(
    hs.map((h) => [
      h.c.id,
      {
        reach: places.get(h.c.personId)?.reach ?? [],
        centre: [h.c.centreId],
        point: pointReach({ centreId: h.pointCentreId }),
        undispensed: h.undispensed,
      },
    ]),
  );
}

/** The diagnoses of these consultations, in their order, by consultation. */
export async function diagnosesOf(w: Work, ids: readonly string[]) {
  const out = new Map<string, { code: string; certainty: string }[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await w.tx
    .select()
    .from(consultationDiagnoses)
    .where(
      and(
        eq(consultationDiagnoses.missionId, w.actor.missionId),
        inArray(consultationDiagnoses.consultationId, [...ids]),
      ),
    )
    .orderBy(asc(consultationDiagnoses.position));
  for (const r of rows) out.get(r.consultationId)?.push({ code: r.code, certainty: r.certainty });
  return out;
}

/** A consultation's prescriptions with their items, in order. */
export async function prescriptionsOf(w: Work, consultationId: string) {
  return w.tx
    .select({
      p: prescriptions,
      itemCode: supplyItems.code,
      itemName: supplyItems.name,
      baseUnit: supplyItems.baseUnit,
      category: supplyItems.category,
    })
    .from(prescriptions)
    .innerJoin(
      supplyItems,
      and(eq(supplyItems.missionId, prescriptions.missionId), eq(supplyItems.id, prescriptions.itemId)),
    )
    .where(
      and(eq(prescriptions.missionId, w.actor.missionId), eq(prescriptions.consultationId, consultationId)),
    )
    .orderBy(asc(prescriptions.position));
}
export type PrescriptionJoined = Awaited<ReturnType<typeof prescriptionsOf>>[number];

/** The lots each prescription was dispensed from. */
export async function lotsOf(w: Work, prescriptionIds: readonly string[]) {
  const out = new Map<
    string,
    { lotId: string; lotNumber: string; expiresOn: string | null; quantity: number }[]
  >();
  if (!prescriptionIds.length) return out;
  const rows = await w.tx
    .select({ l: prescriptionLots, lotNumber: stockLots.lotNumber, expiryOn: stockLots.expiryOn })
    .from(prescriptionLots)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, prescriptionLots.missionId), eq(stockLots.id, prescriptionLots.lotId)),
    )
    .where(
      and(
        eq(prescriptionLots.missionId, w.actor.missionId),
        inArray(prescriptionLots.prescriptionId, [...prescriptionIds]),
      ),
    )
    .orderBy(asc(prescriptionLots.movementId));
  for (const r of rows) {
    const list = out.get(r.l.prescriptionId) ?? [];
    list.push({ lotId: r.l.lotId, lotNumber: r.lotNumber, expiresOn: r.expiryOn, quantity: r.l.quantity });
    out.set(r.l.prescriptionId, list);
  }
  return out;
}

type ListQuery = z.infer<typeof consultationListQuery>;
const SORTS = { consultedOn: consultations.consultedOn };
/** Latest first: the day, then the id (UUIDv7, so in order of recording). */
const LATEST = sql`${consultations.consultedOn}::text`;

/** One counted page of the consultations the actor may read, by the list's filters. */
export async function listConsultations(w: Work, q: ListQuery) {
  const where: (SQL | undefined)[] = [consultationScope(w)];
  if (q.personId) where.push(eq(consultations.personId, q.personId));
  if (q.sessionId) where.push(eq(consultations.sessionId, q.sessionId));
  if (q.centreId) where.push(eq(consultations.centreId, q.centreId));
  if (q.from) where.push(gte(consultations.consultedOn, q.from));
  if (q.to) where.push(lte(consultations.consultedOn, q.to));
  if (q.code)
    where.push(sql`exists (select 1 from ${consultationDiagnoses} d where d.mission_id = ${consultations.missionId}
      and d.consultation_id = ${consultations.id} and d.code = ${q.code})`);
  const k = chosenKeyset(q, SORTS, consultations.id, { column: LATEST, descending: true });
  const found = await header(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.c.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(consultations)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items as Header[], nextCursor: p.nextCursor, ...counted };
}

/** The latest fitness-to-travel assessment of a person (any consultation of the mission). */
export async function latestFitness(w: Work, personId: string) {
  const [row] = await w.tx
    .select({
      status: consultations.fitness,
      validUntil: consultations.fitnessValidUntil,
      assessedOn: consultations.consultedOn,
    })
    .from(consultations)
    .where(
      and(
        eq(consultations.missionId, w.actor.missionId),
        eq(consultations.personId, personId),
        sql`${consultations.fitness} is not null`,
      ),
    )
    .orderBy(sql`${consultations.consultedOn} desc`, sql`${consultations.id} desc`)
    .limit(1);
  return row ?? null;
}
