import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
  type referral,
  type referralCreate,
} from '../../../domain/protection/records';
import { missions, organisations, persons, referralEvents, referrals, users } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { allowedActions, authorize } from '../../platform/policy';
import { created, iso } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { personReach } from '../registry/persons.scope';
import { ensureCase } from './cases.queries';
import { isValidConsent, latestConsent } from './consents.queries';
import { referralPolicy } from './protection.policy';

type Row = typeof referrals.$inferSelect;
type ReferralOut = z.infer<typeof referral>;

/** Refused unless the person gave (and kept) consent to this referral, or a protection officer says why not. */
export const consentMissing = () =>
  unprocessable(
    'Consent is missing: the person has not given (or has withdrawn) consent to be referred to this organisation',
    [{ path: 'consent', message: 'No valid consent for this purpose and recipient' }],
    'consent_missing',
  );

/** The person said no (or took their yes back): no override can replace that. */
export const consentRefused = () =>
  unprocessable(
    'The person declined or withdrew consent to be referred to this organisation; an override cannot replace their decision',
    [{ path: 'consent', message: 'Consent declined or withdrawn' }],
    'consent_refused',
  );

export type ConsentCheck = { consentId: string | null; override: 'none' | 'recorded' | 'new' };

/**
 * Checks consent before anything about a person leaves the system (DESIGN §6). The person's
 * latest decision counts, always: "given" lets it through; "declined" or a withdrawal stops it,
 * whatever override was recorded before or is offered now. An override covers only the absence
 * of any decision: an override already recorded on the referral (`recorded`) still holds then,
 * and a new one needs a protection officer and a reason, and is audited (the reason itself is
 * kept encrypted on the referral, not in the audit trail).
 */
export async function checkConsent(
  w: Work,
  r: { personId: string; recipientOrganisationId: string },
  opts: { newOverride?: string; recorded?: boolean } = {},
): Promise<ConsentCheck> {
  // an override reason is refused from anyone who may not override, even where it is not needed
  if (opts.newOverride) authorize(w.actor, referralPolicy, 'override_consent', await referralRecord(w, r));
  const latest = await latestConsent(w, r.personId, 'referral', r.recipientOrganisationId);
  if (isValidConsent(latest)) return { consentId: latest.id, override: 'none' };
  if (latest) throw consentRefused();
  if (opts.recorded && !opts.newOverride) return { consentId: null, override: 'recorded' };
  if (!opts.newOverride) throw consentMissing();
  authorize(w.actor, referralPolicy, 'override_consent', await referralRecord(w, r));
  await w.audit({
    action: 'override',
    entityType: 'consent',
    entityId: r.personId,
    detail: { recipientOrganisationId: r.recipientOrganisationId, purpose: 'referral', reasonGiven: true },
  });
  return { consentId: null, override: 'new' };
}

/** A referral as its policy sees it: where it may go next, and its person's reach. */
export const referralRecord = async (w: Work, r: { status?: string; personId: string }) => {
  const status = (r.status ?? 'draft') as ReferralStatus;
  return { status, next: REFERRAL_TRANSITIONS[status] ?? [], reach: await personReach(w, r.personId) };
};

export const overdueSince = (w: Work, days: number) => new Date(w.now.getTime() - days * 86_400_000);

export async function overdueDays(w: Work): Promise<number> {
  const [m] = await w.tx
    .select({ d: missions.referralOverdueDays })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  return m?.d ?? 7;
}

/** Sent and not acknowledged within the mission's limit. */
export const overdueCondition = (w: Work, days: number): SQL =>
  and(eq(referrals.status, 'sent'), sql`${referrals.sentAt} < ${overdueSince(w, days)}`) as SQL;

export async function createReferral(w: Work, body: z.infer<typeof referralCreate>): Promise<string> {
  const p = await loadPerson(w, body.personId);
  const [org] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, body.recipientOrganisationId)),
    );
  if (!org)
    throw unprocessable('The recipient organisation does not exist', [
      { path: 'recipientOrganisationId', message: 'Unknown organisation' },
    ]);
  const consent = await checkConsent(
    w,
    { personId: p.id, recipientOrganisationId: org.id },
    { newOverride: body.consentOverrideReason },
  );
  const overridden = consent.override === 'new';
  const caseId = await ensureCase(w, p.id);
  const [m] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const year = w.now.getUTCFullYear();
  const reference = `${m?.code ?? 'SAN'}-R-${year}-${String(await nextNumber(w, 'referral', year)).padStart(5, '0')}`;
  const id = newId();
  await w.tx.insert(referrals).values({
    id,
    reference,
    personId: p.id,
    caseId,
    recipientOrganisationId: org.id,
    service: body.service,
    urgency: body.urgency,
    reason: w.ctx.cipher.encrypt(body.reason),
    linkedFlags: body.linkedFlags,
    status: 'draft',
    consentId: consent.consentId,
    consentOverrideReason: overridden ? w.ctx.cipher.encrypt(body.consentOverrideReason ?? '') : null,
    consentOverriddenBy: overridden ? w.actor.userId : null,
    createdByOrganisationId: w.actor.organisationId,
    ...created(w),
  });
  await w.tx.insert(referralEvents).values({
    missionId: w.actor.missionId,
    id: newId(),
    referralId: id,
    fromStatus: null,
    toStatus: 'draft',
    at: w.now,
    byUserId: w.actor.userId,
  });
  await w.audit({
    action: 'create',
    entityType: 'referral',
    entityId: id,
    changedFields: Object.keys(body).filter((k) => k !== 'consentOverrideReason'),
    detail: { personId: p.id, consentOverride: overridden },
  });
  return id;
}

const STAMP: Partial<Record<ReferralStatus, keyof Row>> = {
  sent: 'sentAt',
  acknowledged: 'acknowledgedAt',
  accepted: 'respondedAt',
  declined: 'respondedAt',
  completed: 'closedAt',
  cancelled: 'closedAt',
};

export async function transition(
  w: Work,
  r: Row,
  to: ReferralStatus,
  note?: string,
  override?: string,
): Promise<void> {
  const from = r.status as ReferralStatus;
  if (!REFERRAL_TRANSITIONS[from].includes(to)) {
    throw new HttpProblem(409, 'Conflict', `A ${from} referral cannot become ${to}`, {
      code: 'referral_transition',
    });
  }
  const patch: Partial<typeof referrals.$inferInsert> = { status: to };
  // sending shares the person's data: consent is checked again, as the person may have declined
  // or withdrawn since, and their latest decision beats any override recorded earlier
  if (to === 'sent') {
    const consent = await checkConsent(w, r, {
      newOverride: override,
      recorded: !!r.consentOverrideReason,
    });
    patch.consentId = consent.consentId;
    if (consent.override === 'new')
      Object.assign(patch, {
        consentOverrideReason: w.ctx.cipher.encrypt(override ?? ''),
        consentOverriddenBy: w.actor.userId,
      });
  }
  const stamp = STAMP[to];
  if (stamp) Object.assign(patch, { [stamp]: w.now });
  await w.tx
    .update(referrals)
    .set({ ...patch, version: r.version + 1, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(and(eq(referrals.missionId, w.actor.missionId), eq(referrals.id, r.id)));
  await w.tx.insert(referralEvents).values({
    missionId: w.actor.missionId,
    id: newId(),
    referralId: r.id,
    fromStatus: from,
    toStatus: to,
    at: w.now,
    byUserId: w.actor.userId,
    note: note ?? null,
  });
  await w.audit({
    action: 'transition',
    entityType: 'referral',
    entityId: r.id,
    changedFields: Object.keys(patch),
    detail: { from, to },
  });
}

export async function presentReferral(w: Work, r: Row, overdueAfter: number): Promise<ReferralOut> {
  const [p] = await w.tx
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, r.missionId), eq(persons.id, r.personId)));
  const [org] = await w.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.missionId, r.missionId), eq(organisations.id, r.recipientOrganisationId)));
  const events = await w.tx
    .select({ e: referralEvents, by: users.username })
    .from(referralEvents)
    .leftJoin(
      users,
      and(eq(users.missionId, referralEvents.missionId), eq(users.id, referralEvents.byUserId)),
    )
    .where(and(eq(referralEvents.missionId, r.missionId), eq(referralEvents.referralId, r.id)))
    .orderBy(referralEvents.at, referralEvents.id);
  const status = r.status as ReferralStatus;
  const record = await referralRecord(w, r);
  return {
    id: r.id,
    reference: r.reference,
    personId: r.personId,
    personName: p ? `${p.givenName} ${p.familyName}` : '',
    registrationNumber: p?.registrationNumber ?? '',
    caseId: r.caseId,
    recipientOrganisationId: r.recipientOrganisationId,
    recipientName: org?.name ?? '',
    service: r.service as ReferralOut['service'],
    urgency: r.urgency as ReferralOut['urgency'],
    reason: w.ctx.cipher.decrypt(r.reason),
    linkedFlags: r.linkedFlags,
    status,
    consentId: r.consentId,
    consentOverrideReason: r.consentOverrideReason ? w.ctx.cipher.decrypt(r.consentOverrideReason) : null,
    sentAt: r.sentAt ? iso(r.sentAt) : null,
    acknowledgedAt: r.acknowledgedAt ? iso(r.acknowledgedAt) : null,
    respondedAt: r.respondedAt ? iso(r.respondedAt) : null,
    closedAt: r.closedAt ? iso(r.closedAt) : null,
    overdue: status === 'sent' && !!r.sentAt && r.sentAt < overdueSince(w, overdueAfter),
    events: events.map(({ e, by }) => ({
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
}
