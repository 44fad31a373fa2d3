import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey } from '../../../domain/names/keys';
import { birthDateFromAge } from '../../../domain/registry/age';
import { inverseRelationship } from '../../../domain/registry/relationships';
import type { registration } from '../../../domain/registry/schemas';
import { centres, episodes, missions, persons, relationships } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { today } from '../../platform/dates';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { personScope } from './persons.scope';

type Input = z.infer<typeof registration>;

/** The phonetic keys of every name a person is known by, in both scripts, for trigram search. */
export const nameKeyOf = (p: { givenName: string; familyName: string; fullNameOriginal?: string | null }) =>
  [searchKey(`${p.givenName} ${p.familyName}`), p.fullNameOriginal ? searchKey(p.fullNameOriginal) : '']
    .filter(Boolean)
    .join(' | ');

/** Next registration number in the mission's yearly series, e.g. LY-2026-000123. */
async function nextRegistrationNumber(w: Work, year: number): Promise<string> {
  const [m] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  return `${m?.code ?? 'SAN'}-${year}-${String(await nextNumber(w, 'registration', year)).padStart(6, '0')}`;
}

/** The centre exists and is open (who may record there is the person policy's question). */
export async function assertCentre(w: Work, centreId: string, path = 'centreId') {
  const [c] = await w.tx
    .select({ id: centres.id, active: centres.active })
    .from(centres)
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.id, centreId)));
  if (!c) throw unprocessable('The centre does not exist', [{ path, message: 'Unknown centre' }]);
  if (!c.active) throw unprocessable('The centre is closed', [{ path, message: 'Closed centre' }]);
}

/** Registers a person with their first episode and family links, in the caller's transaction. */
export async function registerPerson(w: Work, input: Input) {
  await assertCentre(w, input.centreId);
  if (input.admittedOn > today(w)) {
    throw unprocessable('The admission date is in the future', [
      { path: 'admittedOn', message: 'In the future' },
    ]);
  }
  if (input.birthDate && input.estimatedAge !== undefined) {
    throw unprocessable('Give a birth date or an estimated age, not both', [
      { path: 'estimatedAge', message: 'Remove one' },
    ]);
  }
  const birthDate =
    input.birthDate ??
    (input.estimatedAge !== undefined ? birthDateFromAge(input.estimatedAge, today(w)) : undefined);
  const relatives = [...new Set(input.family.map((f) => f.personId))];
  if (relatives.length) {
    const known = await w.tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(personScope(w), inArray(persons.id, relatives)));
    const errors = input.family.flatMap((f, i) =>
      known.some((k) => k.id === f.personId)
        ? []
        : [{ path: `family.${i}.personId`, message: 'Unknown person' }],
    );
    if (errors.length) throw unprocessable('Some family members are not registered', errors);
  }
  const id = newId();
  const { centreId, admittedOn, circumstances, family, estimatedAge: _, ...fields } = input;
  const [row] = await w.tx
    .insert(persons)
    .values({
      ...fields,
      birthDate,
      birthDateEstimated: input.estimatedAge !== undefined ? true : input.birthDateEstimated,
      id,
      registrationNumber: await nextRegistrationNumber(w, Number(admittedOn.slice(0, 4))),
      nameKey: nameKeyOf(fields),
      createdByOrganisationId: w.actor.organisationId,
      ...created(w),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  const episodeId = newId();
  await w.tx.insert(episodes).values({
    id: episodeId,
    personId: id,
    centreId,
    admittedOn,
    circumstances,
    createdByOrganisationId: w.actor.organisationId,
    ...created(w),
  });
  for (const f of family) {
    await w.tx
      .insert(relationships)
      .values([
        {
          missionId: w.actor.missionId,
          personId: id,
          relatedPersonId: f.personId,
          relationship: f.relationship,
          createdBy: w.actor.userId,
        },
        {
          missionId: w.actor.missionId,
          personId: f.personId,
          relatedPersonId: id,
          relationship: inverseRelationship(f.relationship),
          createdBy: w.actor.userId,
        },
      ])
      .onConflictDoNothing();
  }
  await w.audit({ action: 'create', entityType: 'person', entityId: id, changedFields: Object.keys(fields) });
  await w.audit({
    action: 'create',
    entityType: 'episode',
    entityId: episodeId,
    changedFields: ['centreId', 'admittedOn', 'circumstances'],
    detail: { personId: id },
  });
  if (family.length)
    await w.audit({ action: 'update', entityType: 'person', entityId: id, changedFields: ['family'] });
  return row;
}
