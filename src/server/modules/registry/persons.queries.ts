import { and, eq, ne, type SQL } from 'drizzle-orm';
import { searchSimilarity } from '../../../domain/registry/duplicates';
import { persons } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { nameCandidates, wholeRows } from './candidates';
import { locationsOf, presentPerson } from './persons.presenter';
import { personScope, placeOf } from './persons.scope';
import { MIN_SIMILARITY, REGISTRATION_NUMBER } from './search';

/**
 * The registry's read API for other modules (and its own routes): scoped loaders and the person
 * as the API shows it. Other modules import this file, never persons.routes.ts.
 */

export { locationsOf };

type Row = typeof persons.$inferSelect;

/** A person through the actor's scope, or 404 (never a hint that someone exists elsewhere). */
export async function loadPerson(w: Work, id: string): Promise<Row> {
  const [row] = await w.tx
    .select()
    .from(persons)
    .where(and(personScope(w), eq(persons.id, id)));
  if (!row) throw notFound('Person');
  return row;
}

/** One person as GET /persons/:id answers it (current location, allowed actions). */
export async function presentOne(w: Work, row: Row) {
  return presentPerson(
    w,
    row,
    (await locationsOf(w, [row.id])).get(row.id) ?? null,
    await placeOf(w, row.id),
  );
}

/**
 * Name or number search among a set another module defines for a purpose its own policy grants
 * (the people held at a centre on a distribution's day, for those who record it), best match
 * first. `among` is that set's SQL condition on `persons`; the caller answers for who may ask.
 */
export async function findAmong(w: Work, text: string, among: SQL, limit: number): Promise<Row[]> {
  const q = text.trim();
  const where = and(eq(persons.missionId, w.actor.missionId), ne(persons.status, 'merged'), among) as SQL;
  if (REGISTRATION_NUMBER.test(q))
    return w.tx
      .select()
      .from(persons)
      .where(and(where, eq(persons.registrationNumber, q.toUpperCase())));
  const found = (await nameCandidates(w, q, where, 300, true)).rows;
  const ranked = found
    .map((r) => ({ r, s: searchSimilarity(q, r) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s || a.r.registrationNumber.localeCompare(b.r.registrationNumber))
    .slice(0, limit);
  return wholeRows(
    w,
    ranked.map((x) => x.r),
  );
}
