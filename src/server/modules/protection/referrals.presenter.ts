import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { REFERRAL_TRANSITIONS, type ReferralStatus, type referral } from '../../../domain/protection/records';
import { organisations, persons, referralEvents, type referrals, users } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions, type Reach } from '../../platform/policy';
import { iso } from '../../platform/records';
import { placesOf } from '../registry/persons.scope';
import { type ReferralRecord, referralPolicy, seesReferralReason } from './protection.policy';

type Row = typeof referrals.$inferSelect;
type PersonRow = Pick<typeof persons.$inferSelect, 'id' | 'givenName' | 'familyName' | 'registrationNumber'>;
export type ReferralOut = z.infer<typeof referral>;

/** What a caller already holds (the route that created the referral): not loaded again. */
export interface Known {
  person?: PersonRow;
  reach?: Reach;
  recipientName?: string;
}

const overdueAt = (w: Work, days: number) => new Date(w.now.getTime() - days * 86_400_000);
const ids = <T>(xs: T[]) => [...new Set(xs)];

/**
 * A page of referrals as the API shows them, in a constant number of queries whatever the page
 * size: the people, the recipients, the events and the people's reach are each loaded once for
 * the whole page (not three queries per referral).
 */
export async function presentReferrals(
  w: Work,
  rows: Row[],
  overdueAfter: number,
  known: Known = {},
): Promise<ReferralOut[]> {
  if (rows.length === 0) return [];
  const m = w.actor.missionId;
  const personIds = ids(rows.map((r) => r.personId));
  const orgIds = ids(rows.map((r) => r.recipientOrganisationId));
  const people = new Map<string, PersonRow>(known.person ? [[known.person.id, known.person]] : []);
  const missing = personIds.filter((id) => !people.has(id));
  if (missing.length)
    for (const p of await w.tx
      .select({
        id: persons.id,
        givenName: persons.givenName,
        familyName: persons.familyName,
        registrationNumber: persons.registrationNumber,
      })
      .from(persons)
      .where(and(eq(persons.missionId, m), inArray(persons.id, missing))))
      people.set(p.id, p);
  const names = new Map<string, string>();
  if (known.recipientName !== undefined && orgIds.length === 1) names.set(orgIds[0]!, known.recipientName);
  else
    for (const o of await w.tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.missionId, m), inArray(organisations.id, orgIds))))
      names.set(o.id, o.name);
  const events = await w.tx
    .select({ e: referralEvents, by: users.username })
    .from(referralEvents)
    .leftJoin(
      users,
      and(eq(users.missionId, referralEvents.missionId), eq(users.id, referralEvents.byUserId)),
    )
    .where(
      and(
        eq(referralEvents.missionId, m),
        inArray(
          referralEvents.referralId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(referralEvents.at, referralEvents.id);
  const reach =
    known.reach && personIds.length === 1
      ? new Map([[personIds[0]!, known.reach]])
      : new Map([...(await placesOf(w, personIds))].map(([id, p]) => [id, p.reach]));
  const eventsOf = new Map<string, typeof events>();
  for (const e of events) eventsOf.set(e.e.referralId, [...(eventsOf.get(e.e.referralId) ?? []), e]);
  const since = overdueAt(w, overdueAfter);
  return rows.map((r) => {
    const p = people.get(r.personId);
    const status = r.status as ReferralStatus;
    const record: ReferralRecord = {
      status,
      next: REFERRAL_TRANSITIONS[status] ?? [],
      service: r.service,
      createdBy: r.createdBy,
      reach: reach.get(r.personId) ?? [],
    };
    const withheld = !seesReferralReason(w.actor, record);
    return {
      id: r.id,
      reference: r.reference,
      personId: r.personId,
      personName: p ? `${p.givenName} ${p.familyName}` : '',
      registrationNumber: p?.registrationNumber ?? '',
      caseId: r.caseId,
      recipientOrganisationId: r.recipientOrganisationId,
      recipientName: names.get(r.recipientOrganisationId) ?? '',
      service: r.service as ReferralOut['service'],
      urgency: r.urgency as ReferralOut['urgency'],
      reason: withheld ? '' : w.ctx.cipher.decrypt(r.reason),
      reasonWithheld: withheld,
      linkedFlags: r.linkedFlags,
      status,
      consentId: r.consentId,
      consentOverrideReason: r.consentOverrideReason ? w.ctx.cipher.decrypt(r.consentOverrideReason) : null,
      sentAt: r.sentAt ? iso(r.sentAt) : null,
      acknowledgedAt: r.acknowledgedAt ? iso(r.acknowledgedAt) : null,
      respondedAt: r.respondedAt ? iso(r.respondedAt) : null,
      closedAt: r.closedAt ? iso(r.closedAt) : null,
      overdue: status === 'sent' && !!r.sentAt && r.sentAt < since,
      events: (eventsOf.get(r.id) ?? []).map(({ e, by }) => ({
        from: e.fromStatus,
        to: e.toStatus,
        at: iso(e.at),
        by,
        note: e.note,
      })),
      version: r.version,
      createdAt: iso(r.createdAt),
      allowedActions: [
        ...allowedActions(w.actor, referralPolicy, record),
        ...(referralPolicy.can(w.actor, 'transition', record)
          ? record.next.map((s) => `to:${s}` as const)
          : []),
      ],
    };
  });
}

/** One referral (a single-row page). */
export const presentReferral = async (w: Work, r: Row, overdueAfter: number, known: Known = {}) =>
  (await presentReferrals(w, [r], overdueAfter, known))[0]!;
