import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import type { DistributionPerson } from '../../../domain/supplies/distributions';
import { distributionLines, episodes, persons, supplyItems } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { findAmong } from '../registry/persons.queries';
import { personScope } from '../registry/persons.scope';
import type { Header } from './distributions.queries';

// Who an event's recorder may name. Handing out items person by person is assistance (DESIGN §5:
// stock officers write it too, though they read no identity data): the recorder of an event
// reaches exactly the people held at its centre on its day — searched in any spelling, listed,
// named on its lines — and no one else. Others read people through the registry as always.

/** People (by `persons`) held at the centre on the day: an episode there covering it. */
export const heldOnDay = (centreId: string, on: string): SQL =>
  sql`exists (select 1 from ${episodes} e where e.mission_id = ${persons.missionId}
    and e.person_id = ${persons.id} and e.centre_id = ${centreId}
    and e.admitted_on <= ${on} and (e.ended_on is null or e.ended_on >= ${on}))`;

/** Lines of the event not cancelled (columns as parameters: a one-table select names its own unqualified). */
const liveLines = (w: Work, h: Header) =>
  sql`l.mission_id = ${w.actor.missionId} and l.distribution_id = ${h.d.id} and l.cancelled_at is null`;

/**
 * A person an event may name (in the actor's sight, or held at its centre that day; else 404),
 * locked for the write: one writer at a time per person, so two events at once cannot both skip
 * a rule's warning. In the same statement: whether they are held there that day (only they may
 * receive), whether the event already serves them, and how many people it serves. The caller
 * holds the event's lock, so no other writer of its lines is in flight and the count is exact.
 */
export async function lockRecipient(w: Work, h: Header, personId: string) {
  const held = heldOnDay(h.d.centreId, h.d.occurredOn);
  const [row] = await w.tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
      held: sql<boolean>`${held}`,
      servedHere: sql<boolean>`exists (select 1 from ${distributionLines} l
        where ${liveLines(w, h)} and l.person_id = ${personId})`,
      recipients: sql<number>`(select count(distinct l.person_id)::int from ${distributionLines} l
        where ${liveLines(w, h)})`,
    })
    .from(persons)
    .where(
      and(
        eq(persons.missionId, w.actor.missionId),
        eq(persons.id, personId),
        sql`(${held} or ${personScope(w)})`,
      ),
    )
    .for('update');
  if (!row) throw notFound('Person');
  return { ...row, recipients: Number(row.recipients) };
}

type Warn = (
  personId: string,
  categories: readonly ItemCategory[],
) => Promise<DistributionPerson['warnings']>;

/** The event's people: with `q` the best matches (and their warnings), without it everyone, by name. */
export async function peopleOf(w: Work, h: Header, q: string | undefined, limit: number, warn: Warn) {
  const among = heldOnDay(h.d.centreId, h.d.occurredOn);
  const rows = q
    ? await findAmong(w, q, among, limit)
    : await w.tx
        .select()
        .from(persons)
        .where(and(eq(persons.missionId, w.actor.missionId), among))
        .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
        .limit(limit);
  const servedRows = await w.tx
    .selectDistinct({ personId: distributionLines.personId })
    .from(distributionLines)
    .where(
      and(
        eq(distributionLines.missionId, w.actor.missionId),
        eq(distributionLines.distributionId, h.d.id),
        isNull(distributionLines.cancelledAt),
      ),
    );
  const served = new Set(servedRows.map((r) => r.personId));
  const [{ total } = { total: 0 }] = await w.tx
    .select({ total: sql<number>`count(*)::int` })
    .from(persons)
    .where(and(eq(persons.missionId, w.actor.missionId), among));
  const categories = q
    ? ((
        await w.tx
          .selectDistinct({ category: supplyItems.category })
          .from(supplyItems)
          .where(and(eq(supplyItems.missionId, w.actor.missionId), inArray(supplyItems.id, h.d.itemIds)))
      ).map((r) => r.category) as ItemCategory[])
    : [];
  const items: DistributionPerson[] = [];
  for (const p of rows)
    items.push({
      id: p.id,
      registrationNumber: p.registrationNumber,
      givenName: p.givenName,
      familyName: p.familyName,
      fullNameOriginal: p.fullNameOriginal,
      sex: p.sex,
      birthDate: p.birthDate,
      nationality: p.nationality,
      served: served.has(p.id),
      // only for a search's few matches: the quick entry shows them before anything is saved
      warnings: q ? await warn(p.id, categories) : [],
    });
  return { items, total: Number(total), served: served.size };
}
