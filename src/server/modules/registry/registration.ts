import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey } from '../../../domain/names/keys';
import { birthDateFromAge } from '../../../domain/registry/age';
import { DUPLICATE_THRESHOLDS } from '../../../domain/registry/duplicates';
import { inverseRelationship } from '../../../domain/registry/relationships';
import type { registration } from '../../../domain/registry/schemas';
import { centres, episodes, missions, persons, relationships } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { today } from '../../platform/dates';
import { HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
// the duplicate finder is shared with POST /persons/duplicates (its signature is fixed)
import { findDuplicates } from './duplicates.routes';
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

type Decision = { notDuplicateOf: string[]; reason: string; scores: Record<string, number> };

/**
 * Likely duplicates (score at or above the mission's `duplicateThreshold`) stop a registration
 * unless the caller reviewed every one (`notDuplicateOf`) and gave a reason: 409 listing what the
 * caller may see of them. Candidates are looked for in the whole mission, since a person held
 * elsewhere is still the same person; those outside the caller's scope block without being named,
 * so someone with a wider scope must decide. Returns the decision to audit, if one was needed.
 */
async function reviewDuplicates(w: Work, input: Input): Promise<Decision | undefined> {
  const [m] = await w.tx
    .select({ threshold: missions.duplicateThreshold })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const threshold = m?.threshold ?? DUPLICATE_THRESHOLDS.likely;
  const missionWide: Work = { ...w, actor: { ...w.actor, roles: [{ role: 'admin', centreIds: [] }] } };
  const likely = (await findDuplicates(missionWide, input)).filter((c) => c.score >= threshold);
  if (!likely.length) return undefined;
  const seen = new Set(
    (
      await w.tx
        .select({ id: persons.id })
        .from(persons)
        .where(
          and(
            personScope(w),
            inArray(
              persons.id,
              likely.map((c) => c.person.id),
            ),
          ),
        )
    ).map((r) => r.id),
  );
  const visible = likely.filter((c) => seen.has(c.person.id));
  const outsideScope = likely.length - visible.length;
  const reviewed = new Set(input.notDuplicateOf ?? []);
  const unreviewed = visible.filter((c) => !reviewed.has(c.person.id));
  if (outsideScope || unreviewed.length || !input.reason) {
    const candidates = visible.map((c) => ({
      id: c.person.id,
      registrationNumber: c.person.registrationNumber,
      score: c.score,
    }));
    const detail = outsideScope
      ? 'A possible duplicate exists outside your scope; ask a manager to register this person'
      : 'This person may already be registered: review the candidates, then open the existing record or confirm they are someone else with a reason';
    const errors = [
      ...(unreviewed.length
        ? [
            {
              path: 'notDuplicateOf',
              message: `Not reviewed: ${unreviewed.map((c) => c.person.id).join(', ')}`,
            },
          ]
        : []),
      ...(!input.reason && !outsideScope
        ? [{ path: 'reason', message: 'Say why they are someone else' }]
        : []),
    ];
    throw new HttpProblem(409, 'Conflict', detail, {
      code: outsideScope ? 'duplicate_outside_scope' : 'duplicate_review_required',
      errors: errors.length ? errors : undefined,
      members: { candidates, outsideScope },
    });
  }
  return {
    notDuplicateOf: visible.map((c) => c.person.id),
    reason: input.reason,
    scores: Object.fromEntries(visible.map((c) => [c.person.id, c.score])),
  };
}

/**
 * Registers a person with their first episode and family links, in the caller's transaction.
 * Every caller (the API, imports, offline sync replays) passes the duplicate review; only the demo's
 * deliberate second registrations, which its story needs, are `seeded`.
 */
export async function registerPerson(w: Work, input: Input, options: { seeded?: boolean } = {}) {
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
  const decision = options.seeded ? undefined : await reviewDuplicates(w, input);
  const id = newId();
  const {
    centreId,
    admittedOn,
    circumstances,
    family,
    estimatedAge: _,
    notDuplicateOf: _reviewed,
    reason: _reason,
    ...fields
  } = input;
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
  if (decision)
    await w.audit({ action: 'duplicate_review', entityType: 'person', entityId: id, detail: decision });
  return row;
}
