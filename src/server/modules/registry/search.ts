import { and, desc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { searchSimilarity } from '../../../domain/registry/duplicates';
import type { PersonSort, personListQuery } from '../../../domain/registry/schemas';
import { episodes, persons } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { badRequest } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { countUpTo, sortedAfter, sortedOrder, sortedPageOf, sortedValue } from '../../platform/pagination';
import { scopeOf } from '../../platform/policy';
import { type Candidate, candidateColumns, nameCandidates, wholeRows } from './candidates';
import { episodeScope, personScope } from './persons.scope';

type Query = z.infer<typeof personListQuery>;
type Row = typeof persons.$inferSelect;
export interface PersonPage {
  items: Row[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
}

export const REGISTRATION_NUMBER = /^[A-Z]{2,6}-\d{4}-\d{1,8}$/i;
/** Part of a number: its sequence ("308", "000308"), with or without the year ("2026-308"). */
const NUMBER_PART = /^(?:(\d{4})-)?(\d{1,8})$/;
const CANDIDATES = 300;
/** Below this, a name is not shown as a match for the search text. */
export const MIN_SIMILARITY = 0.5;

/** Birth-date bounds for an age range on a date: age ≥ min ⇔ born on or before (today − min years). */
function ageBounds(q: Query, on: string): SQL[] {
  const out: SQL[] = [];
  const shift = (years: number) => `${String(Number(on.slice(0, 4)) - years).padStart(4, '0')}${on.slice(4)}`;
  if (q.ageMin !== undefined) out.push(lte(persons.birthDate, shift(q.ageMin)));
  if (q.ageMax !== undefined) out.push(sql`${persons.birthDate} > ${shift(q.ageMax + 1)}`);
  return out;
}

function filters(w: Work, q: Query): SQL | undefined {
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
  return and(...where);
}

/** Do the reader's scope or the list's filters admit only part of the mission? */
const narrows = (w: Work, q: Query) =>
  scopeOf(w.actor, 'identity').kind !== 'mission' ||
  [q.nationality, q.sex, q.status, q.ageMin, q.ageMax, q.centreId, q.present].some((f) => f !== undefined);

/** Sort columns; an unknown birth date sorts first (ascending), as the earliest possible date. */
const SORTS: Record<PersonSort, SQL | AnyPgColumn> = {
  name: persons.familyName,
  registrationNumber: persons.registrationNumber,
  nationality: persons.nationality,
  birthDate: sql`coalesce(${persons.birthDate}, date '0001-01-01')`,
  registeredAt: persons.createdAt,
};
/** The same order in memory, for ranked search results sorted by a column. */
const VALUE: Record<PersonSort, (r: Candidate) => string> = {
  name: (r) => `${r.familyName}\u0000${r.givenName}`,
  registrationNumber: (r) => r.registrationNumber,
  nationality: (r) => r.nationality,
  birthDate: (r) => r.birthDate ?? '0001-01-01',
  registeredAt: (r) => r.createdAt.toISOString(),
};

/** A page of the list without search text: keyset on (sort column, id), either direction. */
async function listPage(w: Work, q: Query, where: SQL | undefined): Promise<PersonPage> {
  const k = { column: SORTS[q.sort ?? 'name'], id: persons.id, descending: q.order === 'desc' };
  const found = await w.tx
    .select({ row: persons, at: sortedValue(k) })
    .from(persons)
    .where(and(where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.row.id);
  const counted = await countUpTo(w.tx, w.tx.select({ one: sql`1` }).from(persons).where(where).$dynamic());
  return { items: p.items.map((f) => f.row), nextCursor: p.nextCursor, ...counted };
}

const offsetCursor = (cursor: string | undefined) => {
  if (!cursor) return 0;
  const n = /^o(\d{1,6})$/.exec(cursor);
  if (!n) throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'Invalid cursor' }]);
  return Number(n[1]);
};

/**
 * A page of ranked or number-matched candidates, by offset; sorted by a column when one is asked
 * for. Only the page's people are read whole.
 */
async function offsetPage(w: Work, q: Query, rows: Candidate[], capped: boolean): Promise<PersonPage> {
  if (q.sort) {
    const value = VALUE[q.sort];
    const sign = q.order === 'desc' ? -1 : 1;
    rows = [...rows].sort(
      (a, b) => sign * (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : 1),
    );
  }
  const start = offsetCursor(q.cursor);
  return {
    items: await wholeRows(w, rows.slice(start, start + q.limit)),
    nextCursor: rows.length > start + q.limit ? `o${start + q.limit}` : null,
    total: rows.length,
    totalCapped: capped,
  };
}

/** A full registration number finds that record (a merged number finds the survivor). */
async function byNumber(w: Work, text: string): Promise<Candidate[]> {
  const [hit] = await w.tx
    .select({ ...candidateColumns, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(and(personScope(w), eq(persons.registrationNumber, text.toUpperCase())));
  if (!hit?.mergedIntoId) return hit ? [hit] : [];
  const survivor = await w.tx
    .select(candidateColumns)
    .from(persons)
    .where(and(personScope(w), eq(persons.id, hit.mergedIntoId)));
  return survivor;
}

/** Part of a number: every record whose sequence (and year, if given) matches, newest first. */
function byNumberPart(w: Work, where: SQL | undefined, year: string | undefined, seq: string) {
  return w.tx
    .select(candidateColumns)
    .from(persons)
    .where(
      and(
        where,
        sql`ltrim(split_part(${persons.registrationNumber}, '-', 3), '0') = ${seq.replace(/^0+/, '')}`,
        year ? sql`split_part(${persons.registrationNumber}, '-', 2) = ${year}` : undefined,
      ),
    )
    .orderBy(desc(persons.registrationNumber))
    .limit(CANDIDATES);
}

/**
 * One box for everything: a registration number finds that record, part of one ("308",
 * "2026-000308") the records with that sequence; anything else is a name in any spelling or
 * script — blocking-key candidates (trigram neighbours for misspellings), re-ranked by the
 * domain's name similarity. Without `q`: pages sorted by a column, with a total.
 */
export async function searchPersons(w: Work, q: Query): Promise<PersonPage> {
  const text = q.q?.trim() ?? '';
  const where = filters(w, q);
  if (!text) return listPage(w, q, where);
  if (REGISTRATION_NUMBER.test(text)) return offsetPage(w, q, await byNumber(w, text), false);
  const part = NUMBER_PART.exec(text);
  if (part) {
    const rows = await byNumberPart(w, where, part[1], part[2]!);
    return offsetPage(w, q, rows, rows.length >= CANDIDATES);
  }
  const found = (await nameCandidates(w, text, where, CANDIDATES, narrows(w, q))).rows;
  const ranked = found
    .map((r) => ({ r, s: searchSimilarity(text, r) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s || a.r.registrationNumber.localeCompare(b.r.registrationNumber));
  return offsetPage(
    w,
    q,
    ranked.map((x) => x.r),
    found.length >= CANDIDATES,
  );
}
