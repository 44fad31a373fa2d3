import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  REFERRAL_TRANSITIONS,
  type ReferralService,
  type ReferralStatus,
  referralConsentPurpose,
  type referralCreate,
} from '../../../domain/protection/records';
import { missions, persons, referralEvents, referrals, tasks } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize, type Reach } from '../../platform/policy';
import { created } from '../../platform/records';
import { personReach } from '../registry/persons.scope';
import { ensureCase } from './cases.queries';
import { isValidConsent, latestConsent } from './consents.queries';
import { MEDICAL_SERVICE, type ReferralRecord, referralPolicy, writesProtection } from './protection.policy';
import { checkReferralRecipient } from './recipients.service';

type Row = typeof referrals.$inferSelect;
type PersonRow = typeof persons.$inferSelect;

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

/** The consent a referral needs: `medical` for a hospital (medical service), `referral` otherwise. */
export const consentPurposeOf = referralConsentPurpose;

/**
 * Checks consent before anything about a person leaves the system (DESIGN §6), for the purpose
 * the referral's service needs (`consentPurposeOf`). The person's latest decision counts, always:
 * "given" lets it through; "declined" or a withdrawal stops it, whatever override was recorded
 * before or is offered now. An override covers only the absence of any decision: an override
 * already recorded on the referral (`recorded`) still holds then, and a new one needs a protection
 * officer and a reason, and is audited (the reason itself is kept encrypted on the referral, not
 * in the audit trail).
 */
export async function checkConsent(
  w: Work,
  r: { personId: string; recipientOrganisationId: string; service: string },
  opts: { newOverride?: string; recorded?: boolean; reach?: Reach } = {},
): Promise<ConsentCheck> {
  const reach = async () => opts.reach ?? (await personReach(w, r.personId));
  const purpose = consentPurposeOf(r.service);
  // an override reason is refused from anyone who may not override, even where it is not needed
  if (opts.newOverride)
    authorize(w.actor, referralPolicy, 'override_consent', await referralRecord(w, r, await reach()));
  const latest = await latestConsent(w, r.personId, purpose, r.recipientOrganisationId);
  if (isValidConsent(latest)) return { consentId: latest.id, override: 'none' };
  if (latest) throw consentRefused();
  if (opts.recorded && !opts.newOverride) return { consentId: null, override: 'recorded' };
  if (!opts.newOverride) throw consentMissing();
  await w.audit({
    action: 'override',
    entityType: 'consent',
    entityId: r.personId,
    detail: { recipientOrganisationId: r.recipientOrganisationId, purpose, reasonGiven: true },
  });
  return { consentId: null, override: 'new' };
}

/** A referral as its policy sees it: where it may go next, its service, author and person's reach. */
export const referralRecord = async (
  w: Work,
  r: { status?: string; personId: string; service: string; createdBy?: string | null },
  reach?: Reach,
): Promise<ReferralRecord> => {
  const status = (r.status ?? 'draft') as ReferralStatus;
  return {
    status,
    next: REFERRAL_TRANSITIONS[status] ?? [],
    service: r.service,
    createdBy: r.createdBy ?? null,
    reach: reach ?? (await personReach(w, r.personId)),
  };
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

/**
 * Creates a draft referral of a person the caller loaded (in scope) and whose reach it knows, so
 * nothing is loaded twice; returns the new row and the recipient's name for the presenter.
 */
export async function createReferral(
  w: Work,
  body: z.infer<typeof referralCreate>,
  p: PersonRow,
  reach: Reach,
): Promise<{ row: Row; recipientName: string }> {
  const org = await checkReferralRecipient(w, p, body.recipientOrganisationId, body.service);
  const consent = await checkConsent(
    w,
    { personId: p.id, recipientOrganisationId: org.id, service: body.service },
    { newOverride: body.consentOverrideReason, reach },
  );
  const overridden = consent.override === 'new';
  // every referral belongs to a case (referrals.case_id is NOT NULL): a medical referral joins the
  // person's open case, or opens one that nobody is assigned to when a doctor or nurse refers
  const caseId = await ensureCase(w, p.id, {
    assign: body.service !== MEDICAL_SERVICE || writesProtection(w.actor, reach),
  });
  const [m] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const year = w.now.getUTCFullYear();
  const reference = `${m?.code ?? 'SAN'}-R-${year}-${String(await nextNumber(w, 'referral', year)).padStart(5, '0')}`;
  const id = newId();
  const [row] = await w.tx
    .insert(referrals)
    .values({
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
    })
    .returning();
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
  return { row: row!, recipientName: org.name };
}

const STAMP: Partial<Record<ReferralStatus, keyof Row>> = {
  sent: 'sentAt',
  acknowledged: 'acknowledgedAt',
  accepted: 'respondedAt',
  declined: 'respondedAt',
  completed: 'closedAt',
  cancelled: 'closedAt',
};

/**
 * Moves a referral on; returns the updated row. Sending re-checks consent and the recipient (the
 * person may have declined since, an administrator may have changed the recipient's profile, a
 * later screening may have flagged a protection need); at an end (completed, declined, cancelled)
 * the referral's open tasks close with it, in the same transaction.
 */
export async function transition(
  w: Work,
  r: Row,
  to: ReferralStatus,
  note?: string,
  override?: string,
  reach?: Reach,
): Promise<Row> {
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
    await checkReferralRecipient(
      w,
      await personOf(w, r.personId),
      r.recipientOrganisationId,
      r.service as ReferralService,
    );
    const consent = await checkConsent(w, r, {
      newOverride: override,
      recorded: !!r.consentOverrideReason,
      reach,
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
  const [updated] = await w.tx
    .update(referrals)
    .set({ ...patch, version: r.version + 1, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(and(eq(referrals.missionId, w.actor.missionId), eq(referrals.id, r.id)))
    .returning();
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
  if (REFERRAL_TRANSITIONS[to].length === 0) await closeReferralTasks(w, r.id, to);
  return updated!;
}

/** The person a referral is about (already known to be in scope: the referral was loaded through it). */
async function personOf(w: Work, personId: string): Promise<PersonRow> {
  const [p] = await w.tx
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, w.actor.missionId), eq(persons.id, personId)));
  return p!;
}

/**
 * A referral that ended leaves nothing to follow up: its open tasks are done (not left "overdue"
 * and counted on someone's home page), each audited as an update by the one who ended it.
 */
export async function closeReferralTasks(w: Work, referralId: string, to: ReferralStatus): Promise<string[]> {
  const closed = await w.tx
    .update(tasks)
    .set({
      status: 'done',
      doneAt: w.now,
      updatedAt: w.now,
      updatedBy: w.actor.userId,
      version: sql`${tasks.version} + 1`,
    })
    .where(
      and(eq(tasks.missionId, w.actor.missionId), eq(tasks.referralId, referralId), eq(tasks.status, 'open')),
    )
    .returning({ id: tasks.id });
  for (const t of closed)
    await w.audit({
      action: 'update',
      entityType: 'task',
      entityId: t.id,
      changedFields: ['status', 'doneAt'],
      detail: { referralId, closedBecause: `referral_${to}` },
    });
  return closed.map((t) => t.id);
}
