import {
  type AnyColumn,
  and,
  arrayContains,
  desc,
  eq,
  exists,
  gte,
  isNull,
  lte,
  notInArray,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import { recommendedService } from '../../../domain/protection/recipients';
import type { awaitingReferral, screeningListQuery } from '../../../domain/protection/records';
import { episodes, persons, referrals, screenings } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { episodeScope, personScope, placesOf } from '../registry/persons.scope';
import { referralPolicy } from './protection.policy';
import { recordScope } from './scope';

type ListQuery = z.infer<typeof screeningListQuery>;
type Awaiting = z.infer<typeof awaitingReferral>;

/**
 * Held now in this centre, by a stay the reader may see (episode scope): a centre filter never
 * reveals where someone is held when the reader may not know it.
 */
const heldIn = (w: Work, centreId: string) =>
  exists(
    w.tx
      .select({ one: sql`1` })
      .from(episodes)
      .where(
        and(
          eq(episodes.missionId, screenings.missionId),
          eq(episodes.personId, screenings.personId),
          isNull(episodes.endedOn),
          eq(episodes.centreId, centreId),
          episodeScope(w),
        ),
      ),
  );

/** The conditions of GET /screenings (without the person, which the route loads for a 404). */
export function screeningFilters(
  w: Work,
  q: Omit<ListQuery, 'personId' | 'limit' | 'cursor' | 'sort' | 'order'>,
): SQL[] {
  const out: SQL[] = [recordScope(w, screenings)];
  if (q.flag) out.push(arrayContains(screenings.flags, [q.flag]));
  if (q.riskLevel) out.push(eq(screenings.riskLevel, q.riskLevel));
  if (q.from) out.push(gte(screenings.screenedOn, q.from));
  if (q.to) out.push(lte(screenings.screenedOn, q.to));
  if (q.centreId) out.push(heldIn(w, q.centreId));
  return out;
}

/** A referral under way or done: a person with one is not waiting for a referral. */
const LIVE_REFERRAL = ['cancelled', 'declined'];
const riskOrder = (level: unknown) =>
  sql`array_position(array['critical','high','medium','low']::text[], ${level})`;

/** Each person's latest screening among those the reader may see (a subquery `latest`). */
export const latestScreenings = (w: Work) =>
  w.tx
    .selectDistinctOn([screenings.personId], {
      id: screenings.id,
      personId: screenings.personId,
      flags: screenings.flags,
      riskLevel: screenings.riskLevel,
      screenedOn: screenings.screenedOn,
    })
    .from(screenings)
    .where(recordScope(w, screenings))
    .orderBy(screenings.personId, desc(screenings.screenedOn), desc(screenings.createdAt))
    .as('latest');

/** Flagged people still waiting: no referral (that the reader may see) under way or done. */
export const noLiveReferral = (w: Work, personId: AnyColumn) =>
  sql`not ${exists(
    w.tx
      .select({ one: sql`1` })
      .from(referrals)
      .where(
        and(
          recordScope(w, referrals),
          sql`${referrals.personId} = ${personId}`,
          notInArray(referrals.status, LIVE_REFERRAL),
        ),
      ),
  )}`;

/**
 * People in the reader's scope whose latest screening (of those the reader may see) raised a flag
 * and who have no referral under way or done (none, or only cancelled or declined ones): the
 * protection officer's "still to refer" list, most serious first, then longest waiting.
 */
export async function awaitingReferralPage(
  w: Work,
  limit: number,
  offset: number,
): Promise<{ items: Awaiting[]; more: boolean }> {
  const latest = latestScreenings(w);
  const rows = await w.tx
    .select({
      screeningId: latest.id,
      personId: latest.personId,
      flags: latest.flags,
      riskLevel: latest.riskLevel,
      screenedOn: latest.screenedOn,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
    })
    .from(latest)
    .innerJoin(persons, and(eq(persons.missionId, w.actor.missionId), eq(persons.id, latest.personId)))
    .where(
      and(
        personScope(w),
        eq(persons.status, 'active'),
        sql`cardinality(${latest.flags}) > 0`,
        noLiveReferral(w, latest.personId),
      ),
    )
    .orderBy(riskOrder(latest.riskLevel), latest.screenedOn, latest.personId)
    .limit(limit + 1)
    .offset(offset);
  const page = rows.slice(0, limit);
  const places = await placesOf(
    w,
    page.map((r) => r.personId),
  );
  return {
    more: rows.length > limit,
    items: page.map((r) => ({
      personId: r.personId,
      personName: `${r.givenName} ${r.familyName}`,
      registrationNumber: r.registrationNumber,
      screeningId: r.screeningId,
      screenedOn: r.screenedOn,
      riskLevel: r.riskLevel as Awaiting['riskLevel'],
      flags: r.flags,
      recommendedService: recommendedService(r.flags),
      allowedActions: referralPolicy.can(w.actor, 'create', {
        status: 'draft',
        next: [],
        reach: places.get(r.personId)?.reach ?? [],
      })
        ? ['referrals:create']
        : [],
    })),
  };
}
