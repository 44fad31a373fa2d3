import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { movementListQuery } from '../../../domain/returns/movements';
import type { ReturnState } from '../../../domain/returns/states';
import {
  movementEscorts,
  movementPassengers,
  movements,
  persons,
  returnCases,
  travelDocuments,
} from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import { placesOf } from '../registry/persons.scope';
import type { PassengerRecord } from './movements.policy';
import { returnCaseScope } from './return-cases.queries';

// A movement is read by any returns reader; its passengers only through their return cases, so a
// return officer of centre B sees the flight but not the people of centre A on it (the seats
// taken are a count over everyone: planning needs it and it names no one).

export type MovementRow = typeof movements.$inferSelect;

/** Seats taken: passengers booked or departed. */
const TAKEN = ['booked', 'departed'];

export async function loadMovement(w: Work, id: string, opts: { lock?: boolean } = {}): Promise<MovementRow> {
  const q = w.tx
    .select()
    .from(movements)
    .where(and(eq(movements.missionId, w.actor.missionId), eq(movements.id, id)));
  const [row] = await (opts.lock ? q.for('update') : q);
  if (!row) throw notFound('Movement');
  return row;
}

/** Seats taken on each movement. */
export async function takenSeats(w: Work, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const counted = await w.tx
    .select({ id: movementPassengers.movementId, n: sql<number>`count(*)::int` })
    .from(movementPassengers)
    .where(
      and(
        eq(movementPassengers.missionId, w.actor.missionId),
        inArray(movementPassengers.movementId, [...ids]),
        inArray(movementPassengers.status, TAKEN),
      ),
    )
    .groupBy(movementPassengers.movementId);
  return new Map(counted.map((c) => [c.id, Number(c.n)]));
}

type ListQuery = z.infer<typeof movementListQuery>;

/** Movements, the latest departure first (keyset on departure date and id). */
export async function listMovements(w: Work, q: ListQuery) {
  const where: (SQL | undefined)[] = [eq(movements.missionId, w.actor.missionId)];
  if (q.status) where.push(eq(movements.status, q.status));
  if (q.from) where.push(sql`${movements.departsOn} >= ${q.from}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${movements.reference} ilike ${like}`,
        sql`${movements.route} ilike ${like}`,
        sql`${movements.carrier} ilike ${like}`,
        sql`coalesce(${movements.flightNumber}, '') ilike ${like}`,
      ),
    );
  }
  const c = decodeCursor(q.cursor);
  if (c)
    where.push(or(lt(movements.departsOn, c[0]), and(eq(movements.departsOn, c[0]), lt(movements.id, c[1]))));
  const found = await w.tx
    .select()
    .from(movements)
    .where(and(...where))
    .orderBy(desc(movements.departsOn), desc(movements.id))
    .limit(q.limit + 1);
  const items = found.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: found.length > q.limit && last ? encodeCursor(last.departsOn, last.id) : null,
  };
}

export type PassengerRow = {
  caseId: string;
  caseReference: string;
  caseState: ReturnState;
  caseVersion: number;
  embassyOrganisationId: string | null;
  personId: string;
  givenName: string;
  familyName: string;
  fullNameOriginal: string | null;
  sex: string;
  birthDate: string | null;
  nationality: string | null;
  registrationNumber: string;
  status: string;
  needsMedicalEscort: boolean;
  departedAt: Date | null;
  record: PassengerRecord;
};

/** The passengers of a movement the reader may see (through their return cases), by name. */
export async function passengersOf(
  w: Work,
  m: MovementRow,
  caseIds?: readonly string[],
): Promise<PassengerRow[]> {
  const found = await w.tx
    .select({
      caseId: movementPassengers.caseId,
      caseReference: returnCases.reference,
      caseState: returnCases.state,
      caseVersion: returnCases.version,
      embassyOrganisationId: returnCases.embassyOrganisationId,
      personId: movementPassengers.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      fullNameOriginal: persons.fullNameOriginal,
      sex: persons.sex,
      birthDate: persons.birthDate,
      nationality: persons.nationality,
      registrationNumber: persons.registrationNumber,
      status: movementPassengers.status,
      needsMedicalEscort: movementPassengers.needsMedicalEscort,
      departedAt: movementPassengers.departedAt,
    })
    .from(movementPassengers)
    .innerJoin(
      returnCases,
      and(
        eq(returnCases.missionId, movementPassengers.missionId),
        eq(returnCases.id, movementPassengers.caseId),
      ),
    )
    .innerJoin(
      persons,
      and(eq(persons.missionId, movementPassengers.missionId), eq(persons.id, movementPassengers.personId)),
    )
    .where(
      and(
        eq(movementPassengers.missionId, w.actor.missionId),
        eq(movementPassengers.movementId, m.id),
        returnCaseScope(w),
        caseIds ? inArray(movementPassengers.caseId, [...caseIds]) : undefined,
      ),
    )
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(movementPassengers.caseId));
  const places = await placesOf(
    w,
    found.map((p) => p.personId),
  );
  return found.map((p) => ({
    ...p,
    caseState: p.caseState as ReturnState,
    record: {
      reach: places.get(p.personId)?.reach ?? [],
      status: p.status,
      movementStatus: m.status,
      caseState: p.caseState as ReturnState,
    },
  }));
}

export async function escortsOf(w: Work, movementId: string) {
  return w.tx
    .select()
    .from(movementEscorts)
    .where(and(eq(movementEscorts.missionId, w.actor.missionId), eq(movementEscorts.movementId, movementId)))
    .orderBy(asc(movementEscorts.kind), asc(movementEscorts.name));
}

/** Each case's latest travel document (by expiry), for the manifest. */
export async function travelDocumentsOf(w: Work, caseIds: readonly string[]) {
  if (!caseIds.length) return new Map<string, { type: string; number: string }>();
  const docs = await w.tx
    .select({ caseId: travelDocuments.caseId, type: travelDocuments.type, number: travelDocuments.number })
    .from(travelDocuments)
    .where(
      and(eq(travelDocuments.missionId, w.actor.missionId), inArray(travelDocuments.caseId, [...caseIds])),
    )
    .orderBy(asc(travelDocuments.expiresOn));
  // the latest expiry wins (ordered ascending, the last one written stays)
  return new Map(docs.map((d) => [d.caseId, { type: d.type, number: d.number }]));
}
