import { and, eq } from 'drizzle-orm';
import { persons } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { locationsOf, presentPerson } from './persons.presenter';
import { personScope, placeOf } from './persons.scope';

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
