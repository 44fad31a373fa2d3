// Candidate retrieval for name search and the duplicate check (issue 9 §3): blocking keys looked
// up exactly first, trigram nearest neighbours only when they give too few (misspellings).
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { analyse, searchKey } from '../../../domain/names/keys';
import { wholeParts } from '../../../domain/names/similarity';
import { personNameKeys, persons } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { rows } from '../../platform/tx';

type Row = typeof persons.$inferSelect;

/**
 * What ranking a candidate needs (search similarity, duplicate scoring, the list's sort columns):
 * hundreds of candidates are read per request, and only the few shown are read whole — on the
 * embedded engine, parsing wide rows costs as much as finding them.
 */
export const candidateColumns = {
  id: persons.id,
  registrationNumber: persons.registrationNumber,
  givenName: persons.givenName,
  familyName: persons.familyName,
  fullNameOriginal: persons.fullNameOriginal,
  sex: persons.sex,
  birthDate: persons.birthDate,
  birthDateEstimated: persons.birthDateEstimated,
  nationality: persons.nationality,
  createdAt: persons.createdAt,
};
export type Candidate = Pick<Row, keyof typeof candidateColumns>;

/** Whole rows for the candidates shown, in their order (one query). */
export async function wholeRows(w: Work, shown: readonly Candidate[]): Promise<Row[]> {
  if (!shown.length) return [];
  const found = new Map(
    (
      await w.tx
        .select()
        .from(persons)
        .where(
          and(
            eq(persons.missionId, w.actor.missionId),
            inArray(
              persons.id,
              shown.map((c) => c.id),
            ),
          ),
        )
    ).map((r) => [r.id, r]),
  );
  return shown.flatMap((c) => found.get(c.id) ?? []);
}

/** Distinct keys of a name taken for pairs: 5 keys give 10 pairs, enough to find any chain. */
const PAIRED_KEYS = 5;
/**
 * Key rows read per blocking key, newest first. A frequent pair ("ahmd mhmd") holds thousands of
 * people who all match equally well; reading a bounded slice keeps the cost flat as the mission
 * grows, and the re-ranking sorts them out. Rarer keys are read whole.
 */
const PER_KEY = 1000;
/**
 * Key rows scanned per key when the reader's scope or the list's filters narrow the search: the
 * slice is then taken among the people they admit (a centre's caseworker, "Sudanese, 30 to 40"),
 * so older people who match are not crowded out by newer namesakes elsewhere; bounded all the same.
 */
const SCAN_PER_KEY = 5000;
/** Narrowed, the trigram fallback filters this many times its limit of the mission's nearest. */
const NARROWED_NEAREST = 4;

/**
 * The blocking keys of a text, as stored by the trigger of migration 0008: for a name of two or
 * more parts, each unordered pair of its phonetic keys (sorted, space-separated); for one part,
 * its key. Keys are the same for both scripts (محمد and Mohamed both give "mhmd").
 */
export function blockingKeys(text: string): string[] {
  const keys = [...new Set(analyse(text).map((t) => t.key))].filter(Boolean).slice(0, PAIRED_KEYS).sort();
  if (keys.length < 2) return keys;
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) pairs.push(`${keys[i]} ${keys[j]}`);
  return pairs;
}

/**
 * Word-similarity distance from the search key to a person's name key: the GiST trigram index
 * orders by it directly (an ORDER BY is not a filter, so row-level security does not stop it).
 */
export const nearest = (key: string) => sql`${key} <<-> ${persons.nameKey}`;

/**
 * People holding any of `keys`, most keys first (a person matching every pair of a three-part
 * name holds three), then the most recently registered (ids are time-ordered: the people held
 * now are sought most), among those `where` admits; at most `limit`.
 * The hits are counted on the key table alone (an index-only scan); people are then read in that
 * order, a slice at a time, until `limit` pass the reader's scope — so a common name reads about
 * `limit` people, not every holder of its keys.
 */
export async function byKeys(
  w: Work,
  keys: readonly string[],
  where: SQL | undefined,
  limit: number,
  narrowed = false,
): Promise<Candidate[]> {
  if (!keys.length) return [];
  const wanted = sql.join(
    keys.map((k) => sql`(${k})`),
    sql`, `,
  );
  const m = w.actor.missionId;
  const newest = (n: number) => sql`select ${personNameKeys.personId} as person_id from ${personNameKeys}
    where ${personNameKeys.missionId} = ${m} and ${personNameKeys.key} = q.key
    order by ${personNameKeys.personId} desc limit ${n}`;
  const slice = narrowed
    ? sql`select s.person_id from (${newest(SCAN_PER_KEY)}) as s
        join ${persons} on ${persons.missionId} = ${m} and ${persons.id} = s.person_id
        where ${where ?? sql`true`}
        order by s.person_id desc limit ${PER_KEY}`
    : newest(PER_KEY);
  // best first, read a slice at a time (the first is usually enough): only the ids that are
  // needed leave the database
  const ranked = (offset: number, size: number) =>
    rows<{ id: string }>(
      w.tx.execute(sql`select k.person_id as id
        from (values ${wanted}) as q(key)
        cross join lateral (${slice}) as k
        group by k.person_id
        order by count(*) desc, k.person_id desc
        offset ${offset} limit ${size}`),
    );
  const out: Candidate[] = [];
  for (let at = 0, size = limit; out.length < limit; at += size, size *= 2) {
    const slice = (await ranked(at, size)).map((r) => r.id);
    if (!slice.length) break;
    const found = new Map(
      (
        await w.tx
          .select(candidateColumns)
          .from(persons)
          .where(and(eq(persons.missionId, w.actor.missionId), inArray(persons.id, slice), where))
      ).map((r) => [r.id, r]),
    );
    for (const id of slice) {
      const r = found.get(id);
      if (r && out.length < limit) out.push(r);
    }
    if (slice.length < size) break;
  }
  return out;
}

/**
 * The nearest names by trigram distance on the name key (misspellings the keys miss). Narrowed (a
 * scoped reader, filters), the nearest of the whole mission are taken first and then filtered:
 * the index walk stays bounded instead of running on until enough pass a narrow filter.
 */
export function byTrigrams(
  w: Work,
  key: string,
  where: SQL | undefined,
  limit: number,
  narrowed = false,
): Promise<Candidate[]> {
  if (!narrowed)
    return w.tx.select(candidateColumns).from(persons).where(where).orderBy(nearest(key)).limit(limit);
  const near = w.tx
    .select({ nearId: persons.id })
    .from(persons)
    .where(eq(persons.missionId, w.actor.missionId))
    .orderBy(nearest(key))
    .limit(limit * NARROWED_NEAREST)
    .as('near');
  return w.tx
    .select(candidateColumns)
    .from(persons)
    .innerJoin(near, eq(near.nearId, persons.id))
    .where(and(eq(persons.missionId, w.actor.missionId), where))
    .orderBy(nearest(key))
    .limit(limit);
}

/** A candidate holding every typed part as a whole name part is a real match. */
const holdsEveryPart = (text: string, r: Candidate) =>
  wholeParts(text, `${r.givenName} ${r.familyName}`) === 1 ||
  (!!r.fullNameOriginal && wholeParts(text, r.fullNameOriginal) === 1);

/**
 * Candidates for a name: exact blocking keys first. When none of them holds every typed part (a
 * part misspelled beyond its phonetic key breaks its pairs), trigram neighbours are added. A name
 * spelled right, rare or common, whole or one part of it, is thus found by its keys alone,
 * however large the mission. `narrowed`: `where` admits far fewer people than the mission (a
 * scoped reader, or filters) — the key slices are then taken among them.
 */
export async function nameCandidates(
  w: Work,
  text: string,
  where: SQL | undefined,
  limit: number,
  narrowed = false,
): Promise<{ rows: Candidate[]; fallback: boolean }> {
  const keyed = await byKeys(w, blockingKeys(text), where, limit, narrowed);
  if (keyed.some((r) => holdsEveryPart(text, r))) return { rows: keyed, fallback: false };
  const found = new Map(keyed.map((r) => [r.id, r]));
  const key = searchKey(text);
  if (key) for (const r of await byTrigrams(w, key, where, limit, narrowed)) found.set(r.id, r);
  return { rows: [...found.values()], fallback: true };
}
