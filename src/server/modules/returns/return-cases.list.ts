import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { returnCaseListQuery } from '../../../domain/returns/cases';
import { FINAL_STATES } from '../../../domain/returns/states';
import {
  centres,
  exitClearances,
  organisations,
  persons,
  projects,
  returnCases,
  returnStateSpans,
  travelDocuments,
  users,
} from '../../db/schema/index';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { likePattern } from '../../platform/records';
import { returnCaseScope } from './return-cases.queries';

// Return cases as lists and pages show them: the case with its person's name and nationality and
// the names of the centre, embassy, project and clearing officer (joined, never copied), and the
// case's documents and time-in-state spans for the case page.

const nameOf = (
  table: typeof centres | typeof organisations | typeof projects,
  id: SQL | unknown,
  column = sql.raw('name'),
) =>
  sql<
    string | null
  >`(select x.${column} from ${table} x where x.mission_id = ${returnCases.missionId} and x.id = ${id})`;
// the Arabic name where the directory has one, for readers in Arabic
const nameArOf = (table: typeof centres | typeof organisations, id: SQL | unknown) =>
  nameOf(table, id, sql.raw('name_ar'));

const header = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({
      c: returnCases,
      givenName: persons.givenName,
      familyName: persons.familyName,
      nationality: persons.nationality,
      centreName: nameOf(centres, returnCases.centreId),
      centreNameAr: nameArOf(centres, returnCases.centreId),
      embassyName: nameOf(organisations, returnCases.embassyOrganisationId),
      embassyNameAr: nameArOf(organisations, returnCases.embassyOrganisationId),
      projectName: nameOf(projects, returnCases.projectId),
      clearedByName: sql<
        string | null
      >`(select u.display_name from ${users} u where u.mission_id = ${returnCases.missionId} and u.id = ${returnCases.clearedBy})`,
      at,
    })
    .from(returnCases)
    .innerJoin(
      persons,
      and(eq(persons.missionId, returnCases.missionId), eq(persons.id, returnCases.personId)),
    );
export type CaseHeader = Omit<Awaited<ReturnType<ReturnType<typeof header>['where']>>[number], 'at'>;

/** Cases by id, with their names (already loaded in scope: no scope applied again). */
export async function headersOf(w: Work, ids: readonly string[]): Promise<CaseHeader[]> {
  if (!ids.length) return [];
  return header(w).where(
    and(eq(returnCases.missionId, w.actor.missionId), inArray(returnCases.id, [...ids])),
  );
}

type ListQuery = z.infer<typeof returnCaseListQuery>;
const SORTS = {
  reference: returnCases.reference,
  requestedOn: returnCases.requestedOn,
  stateSince: returnCases.stateSince,
  state: returnCases.state,
};
/** Latest request first (then the id: UUIDv7, in order of recording). */
const LATEST = sql`${returnCases.requestedOn}::text`;

/** One counted page of the return cases the actor may read, by the list's filters. */
export async function listReturnCases(w: Work, q: ListQuery) {
  const where: (SQL | undefined)[] = [returnCaseScope(w)];
  if (q.state) where.push(eq(returnCases.state, q.state));
  if (q.centreId) where.push(eq(returnCases.centreId, q.centreId));
  if (q.projectId) where.push(eq(returnCases.projectId, q.projectId));
  if (q.personId) where.push(eq(returnCases.personId, q.personId));
  if (q.nationality) where.push(eq(persons.nationality, q.nationality));
  if (q.q?.trim()) {
    const like = likePattern(q.q.trim());
    where.push(
      or(
        ilike(returnCases.reference, like),
        ilike(persons.registrationNumber, like),
        ilike(sql`${persons.givenName} || ' ' || ${persons.familyName}`, like),
        ilike(persons.fullNameOriginal, like),
      ),
    );
  }
  const k = chosenKeyset(q, SORTS, returnCases.id, { column: LATEST, descending: true });
  const found = await header(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.c.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(returnCases)
      .innerJoin(
        persons,
        and(eq(persons.missionId, returnCases.missionId), eq(persons.id, returnCases.personId)),
      )
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items as CaseHeader[], nextCursor: p.nextCursor, ...counted };
}

/** A person's return cases the actor may read, latest first. */
export async function casesOfPerson(w: Work, personId: string): Promise<CaseHeader[]> {
  return header(w)
    .where(and(returnCaseScope(w), eq(returnCases.personId, personId)))
    .orderBy(sql`${returnCases.requestedOn} desc`, sql`${returnCases.id} desc`);
}

/** The person's case in progress, whatever the reader's scope (a flag: nothing but its state). */
export async function openCaseOf(w: Work, personId: string) {
  const [row] = await w.tx
    .select({ id: returnCases.id, state: returnCases.state })
    .from(returnCases)
    .where(
      and(
        eq(returnCases.missionId, w.actor.missionId),
        eq(returnCases.personId, personId),
        sql`${returnCases.state} not in (${sql.join(
          FINAL_STATES.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The time spent in each state, oldest first, with who moved the case there. */
export async function spansOf(w: Work, caseId: string) {
  return w.tx
    .select({
      state: returnStateSpans.state,
      enteredAt: returnStateSpans.enteredAt,
      leftAt: returnStateSpans.leftAt,
      reason: returnStateSpans.reason,
      byName: users.displayName,
    })
    .from(returnStateSpans)
    .leftJoin(
      users,
      and(eq(users.missionId, returnStateSpans.missionId), eq(users.id, returnStateSpans.enteredBy)),
    )
    .where(and(eq(returnStateSpans.missionId, w.actor.missionId), eq(returnStateSpans.caseId, caseId)))
    .orderBy(asc(returnStateSpans.enteredAt), asc(returnStateSpans.id));
}

/** The case's travel documents (with the issuing embassy's name) and exit visas, latest first. */
export async function documentsOf(w: Work, caseId: string) {
  const m = w.actor.missionId;
  const [travel, exit] = await Promise.all([
    w.tx
      .select({ d: travelDocuments, issuingOrganisationName: organisations.name })
      .from(travelDocuments)
      .innerJoin(
        organisations,
        and(
          eq(organisations.missionId, travelDocuments.missionId),
          eq(organisations.id, travelDocuments.issuingOrganisationId),
        ),
      )
      .where(and(eq(travelDocuments.missionId, m), eq(travelDocuments.caseId, caseId)))
      .orderBy(sql`${travelDocuments.expiresOn} desc`, sql`${travelDocuments.id} desc`),
    w.tx
      .select()
      .from(exitClearances)
      .where(and(eq(exitClearances.missionId, m), eq(exitClearances.caseId, caseId)))
      .orderBy(sql`${exitClearances.validUntil} desc`, sql`${exitClearances.id} desc`),
  ]);
  return { travel, exit };
}
