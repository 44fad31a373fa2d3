import { and, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey } from '../../../domain/names/keys';
import { searchSimilarity } from '../../../domain/registry/duplicates';
import type { personListQuery } from '../../../domain/registry/schemas';
import { episodes, persons } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { badRequest } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { afterCursor, keysetOrder, pageOf } from '../../platform/pagination';
import { episodeScope, personScope } from './persons.scope';

type Query = z.infer<typeof personListQuery>;
type Row = typeof persons.$inferSelect;

export const REGISTRATION_NUMBER = /^[A-Z]{2,6}-\d{4}-\d{1,8}$/i;
const CANDIDATES = 300;
/** Below this, a name is not shown as a match for the search text. */
const MIN_SIMILARITY = 0.5;

/**
 * Word-similarity distance from the search key to a person's name key: the GiST trigram index
 * orders by it directly (an ORDER BY is not a filter, so row-level security does not stop it).
 */
export const nearest = (key: string) => sql`${key} <<-> ${persons.nameKey}`;

/** Birth-date bounds for an age range on a date: age ≥ min ⇔ born on or before (today − min years). */
function ageBounds(q: Query, on: string): SQL[] {
  const out: SQL[] = [];
  const shift = (years: number) => `${String(Number(on.slice(0, 4)) - years).padStart(4, '0')}${on.slice(4)}`;
  if (q.ageMin !== undefined) out.push(lte(persons.birthDate, shift(q.ageMin)));
  if (q.ageMax !== undefined) out.push(sql`${persons.birthDate} > ${shift(q.ageMax + 1)}`);
  return out;
}

function filters(w: Work, q: Query): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [personScope(w)];
  if (q.nationality) where.push(eq(persons.nationality, q.nationality));
  if (q.sex) where.push(eq(persons.sex, q.sex));
  where.push(q.status ? eq(persons.status, q.status) : sql`${persons.status} <> 'merged'`);
  where.push(...ageBounds(q, today(w)));
  if (q.centreId || q.present) {
    // only episodes the reader may see: a person in scope for another reason (their organisation
    // registered them) must not be found by where they are held now if that stay is hidden
    const open = sql`exists (select 1 from ${episodes} where ${and(
      episodeScope(w),
      eq(episodes.personId, persons.id),
      isNull(episodes.endedOn),
      q.centreId ? eq(episodes.centreId, q.centreId) : undefined,
    )})`;
    where.push(q.present === 'false' ? sql`not ${open}` : open);
  }
  return where;
}

const offsetCursor = (cursor: string | undefined) => {
  if (!cursor) return 0;
  const n = /^o(\d{1,6})$/.exec(cursor);
  if (!n) throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'Invalid cursor' }]);
  return Number(n[1]);
};

/**
 * One box for everything: a registration number finds that record (a merged number finds the
 * survivor); anything else is a name in any spelling or script — trigram candidates on the
 * phonetic key, re-ranked by the domain's name similarity. Without `q`: alphabetical pages.
 */
export async function searchPersons(w: Work, q: Query): Promise<{ items: Row[]; nextCursor: string | null }> {
  const text = q.q?.trim() ?? '';
  if (!text) {
    const keyset = { sort: persons.familyName, id: persons.id };
    const found = await w.tx
      .select()
      .from(persons)
      .where(and(...filters(w, q), afterCursor(keyset, q.cursor)))
      .orderBy(...keysetOrder(keyset))
      .limit(q.limit + 1);
    return pageOf(found, q.limit, (r) => [r.familyName, r.id]);
  }
  if (REGISTRATION_NUMBER.test(text)) {
    const [hit] = await w.tx
      .select()
      .from(persons)
      .where(and(personScope(w), eq(persons.registrationNumber, text.toUpperCase())));
    if (hit?.mergedIntoId) {
      const [survivor] = await w.tx
        .select()
        .from(persons)
        .where(and(personScope(w), eq(persons.id, hit.mergedIntoId)));
      return { items: survivor ? [survivor] : [], nextCursor: null };
    }
    return { items: hit ? [hit] : [], nextCursor: null };
  }
  const key = searchKey(text);
  if (!key) return { items: [], nextCursor: null };
  // nearest names first through the GiST trigram index, then re-ranked by the domain's similarity
  const found = await w.tx
    .select()
    .from(persons)
    .where(and(...filters(w, q)))
    .orderBy(nearest(key))
    .limit(CANDIDATES);
  const ranked = found
    .map((r) => ({ r, s: searchSimilarity(text, r) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s || a.r.registrationNumber.localeCompare(b.r.registrationNumber));
  const start = offsetCursor(q.cursor);
  const items = ranked.slice(start, start + q.limit).map((x) => x.r);
  return { items, nextCursor: ranked.length > start + q.limit ? `o${start + q.limit}` : null };
}
