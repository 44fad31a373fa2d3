import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Access, type Category, canRead } from '../../../domain/access/roles';
import { episodes, personFootprints, persons } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { type Reach, scopeOf } from '../../platform/policy';
import type { PersonRecord } from './persons.policy';

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((c) => sql`${c}`),
    sql`, `,
  );

/**
 * Is the person (by id column) in a centre scope (DESIGN §5)? They have an open episode in one
 * of the centres, or the actor's organisation recorded something about them at one of them.
 */
function reachedAt(
  w: Pick<Work, 'actor'>,
  missionId: PgColumn | SQL,
  personId: PgColumn | SQL,
  centreIds: string[],
) {
  if (!centreIds.length) return sql`false`;
  return sql`(exists (select 1 from ${episodes} e where e.mission_id = ${missionId} and e.person_id = ${personId}
      and e.ended_on is null and e.centre_id in (${list(centreIds)}))
    or exists (select 1 from ${personFootprints} f where f.mission_id = ${missionId} and f.person_id = ${personId}
      and f.organisation_id = ${w.actor.organisationId} and f.centre_id in (${list(centreIds)})))`;
}

/** The people an actor may see in a category (identity by default). */
export function personScope(
  w: Pick<Work, 'actor'>,
  test: (a: Access) => boolean = canRead,
  category: Category = 'identity',
): SQL {
  const scope = scopeOf(w.actor, category, test);
  const mine = eq(persons.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  return and(mine, reachedAt(w, persons.missionId, persons.id, scope.centreIds)) as SQL;
}

/**
 * Records about a person that an actor may see in a category: all in a mission-wide scope;
 * otherwise those about someone held now in one of the actor's centres, or recorded by the actor's
 * organisation about someone it recorded at one of the actor's centres (after a transfer the old
 * centre keeps what it recorded, not what the new centre records).
 */
export function personRecordScope(
  w: Pick<Work, 'actor'>,
  t: { missionId: PgColumn; personId: PgColumn; createdByOrganisationId: PgColumn },
  category: Category,
): SQL {
  const scope = scopeOf(w.actor, category, canRead);
  const mine = eq(t.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  const ids = scope.centreIds;
  if (!ids.length) return sql`false`;
  const heldHere = sql`exists (select 1 from ${episodes} e where e.mission_id = ${t.missionId} and e.person_id = ${t.personId}
    and e.ended_on is null and e.centre_id in (${list(ids)}))`;
  const oursHere = sql`exists (select 1 from ${personFootprints} f where f.mission_id = ${t.missionId}
    and f.person_id = ${t.personId} and f.organisation_id = ${w.actor.organisationId} and f.centre_id in (${list(ids)}))`;
  return and(mine, or(heldHere, and(eq(t.createdByOrganisationId, w.actor.organisationId), oursHere))) as SQL;
}

/** Episodes an actor may see: as for any record about a person, or at one of the actor's centres. */
export function episodeScope(w: Pick<Work, 'actor'>): SQL {
  const scope = scopeOf(w.actor, 'identity', canRead);
  if (scope.kind !== 'centres' || !scope.centreIds.length) return personRecordScope(w, episodes, 'identity');
  return or(
    and(eq(episodes.missionId, w.actor.missionId), inArray(episodes.centreId, scope.centreIds)),
    personRecordScope(w, episodes, 'identity'),
  ) as SQL;
}

/** Where a person is for one actor's write checks: see `Reach` and `PersonRecord`. */
export type Place = { reach: string[]; heldAt: string | null };

/**
 * Where each person is reached from, for this actor's write checks: the centre holding them now
 * (whoever recorded that stay) and the centres where the actor's organisation recorded something.
 */
export async function placesOf(w: Pick<Work, 'actor' | 'tx'>, personIds: readonly string[]) {
  const out = new Map<string, Place>(personIds.map((id) => [id, { reach: [], heldAt: null }]));
  if (!personIds.length) return out;
  const m = w.actor.missionId;
  const ids = [...new Set(personIds)];
  const held = await w.tx
    .select({ personId: episodes.personId, centreId: episodes.centreId })
    .from(episodes)
    .where(and(eq(episodes.missionId, m), inArray(episodes.personId, ids), isNull(episodes.endedOn)));
  const ours = await w.tx
    .select({ personId: personFootprints.personId, centreId: personFootprints.centreId })
    .from(personFootprints)
    .where(
      and(
        eq(personFootprints.missionId, m),
        eq(personFootprints.organisationId, w.actor.organisationId),
        inArray(personFootprints.personId, ids),
      ),
    );
  for (const h of held) {
    const p = out.get(h.personId);
    if (p) p.heldAt = h.centreId;
  }
  for (const r of [...held, ...ours]) {
    const p = out.get(r.personId);
    if (p && !p.reach.includes(r.centreId)) p.reach.push(r.centreId);
  }
  return out;
}

export const placeOf = async (w: Pick<Work, 'actor' | 'tx'>, personId: string): Promise<Place> =>
  (await placesOf(w, [personId])).get(personId) ?? { reach: [], heldAt: null };

/** A person's reach for the write checks of records about them (protection, health, …). */
export const personReach = async (w: Pick<Work, 'actor' | 'tx'>, personId: string): Promise<Reach> =>
  (await placeOf(w, personId)).reach;

/** The person as the person policy sees it. */
export const personRecord = async (
  w: Pick<Work, 'actor' | 'tx'>,
  row: { id: string; status: string },
  destination?: string,
): Promise<PersonRecord> => {
  const place = await placeOf(w, row.id);
  return { status: row.status, hasOpenEpisode: !!place.heldAt, ...place, destination };
};
