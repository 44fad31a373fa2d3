import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ageOn } from '../../../domain/registry/age';
import type { person } from '../../../domain/registry/schemas';
import { centres, episodes, type persons } from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { personPolicy } from './persons.policy';
import { episodeScope, type Place, placesOf } from './persons.scope';

type Row = typeof persons.$inferSelect;
type PersonOut = z.infer<typeof person>;
type Location = NonNullable<PersonOut['current']>;

/** Current location of many people at once: their open episode and its centre's name. */
export async function locationsOf(w: Work, personIds: string[]): Promise<Map<string, Location>> {
  const out = new Map<string, Location>();
  if (!personIds.length) return out;
  const found = await w.tx
    .select({
      personId: episodes.personId,
      episodeId: episodes.id,
      centreId: episodes.centreId,
      centreName: centres.name,
      admittedOn: episodes.admittedOn,
    })
    .from(episodes)
    .innerJoin(centres, and(eq(centres.missionId, episodes.missionId), eq(centres.id, episodes.centreId)))
    // an episode the actor may not see (recorded at another centre) is not shown as a location either
    .where(and(episodeScope(w), inArray(episodes.personId, personIds), isNull(episodes.endedOn)));
  for (const f of found) {
    out.set(f.personId, {
      episodeId: f.episodeId,
      centreId: f.centreId,
      centreName: f.centreName,
      admittedOn: f.admittedOn,
    });
  }
  return out;
}

export function presentPerson(w: Work, r: Row, current: Location | null, place: Place): PersonOut {
  return {
    id: r.id,
    registrationNumber: r.registrationNumber,
    givenName: r.givenName,
    familyName: r.familyName,
    fullNameOriginal: r.fullNameOriginal ?? undefined,
    sex: r.sex as PersonOut['sex'],
    birthDate: r.birthDate ?? undefined,
    birthDateEstimated: r.birthDateEstimated,
    age: ageOn(r.birthDate, today(w)),
    nationality: r.nationality,
    languages: r.languages,
    documents: r.documents as PersonOut['documents'],
    phone: r.phone ?? undefined,
    status: r.status as PersonOut['status'],
    mergedIntoId: r.mergedIntoId,
    current,
    version: r.version,
    createdAt: iso(r.createdAt),
    allowedActions: allowedActions(w.actor, personPolicy, {
      status: r.status,
      hasOpenEpisode: !!place.heldAt,
      ...place,
    }),
  };
}

export async function presentPeople(w: Work, found: Row[]): Promise<PersonOut[]> {
  const where = await locationsOf(
    w,
    found.map((r) => r.id),
  );
  const places = await placesOf(
    w,
    found.map((r) => r.id),
  );
  return found.map((r) =>
    presentPerson(w, r, where.get(r.id) ?? null, places.get(r.id) ?? { reach: [], heldAt: null }),
  );
}
