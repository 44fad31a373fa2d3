import { canRead, canWrite, seesFlags } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, actsAs, definePolicy, grants, mayWrite, type Reach } from '../../platform/policy';

// Protection data (DESIGN §5): read by managers, caseworkers, protection and return officers;
// written by caseworkers and protection officers; doctors, nurses and counsellors see only that
// flags exist. Records reach these policies through scoped queries, so they are readable; each
// write is checked against the assignments that grant it, on the person's reach (`Reach`).
// Without a record (capabilities, list and create offers) the question is "anywhere in scope".

/** A record about a person, as the policies see it. */
export type AboutPerson = { reach: Reach };

export const readsProtection = (a: Actor) => accessIn(a, 'protection').some(canRead);
export const writesProtection = (a: Actor, reach?: Reach) => grants(a, 'protection', canWrite, reach);
export const seesProtectionFlags = (a: Actor) => accessIn(a, 'protection').some(seesFlags);
/** Only a protection officer overrides a missing consent or a screening's outcome. */
export const overridesProtection = (a: Actor, reach?: Reach) => actsAs(a, ['protection_officer'], reach);

// Medical referrals (issue 12): doctors and nurses refer to hospitals through protection's
// referrals, with the `medical` service only, and record the `medical` consent that allows it.
// Without a record (or a service/purpose) the question is "could they at all".
export const MEDICAL_SERVICE = 'medical';
export const MEDICAL_PURPOSE = 'medical';
export const readsMedical = (a: Actor) => accessIn(a, 'medical').some(canRead);
export const writesMedical = (a: Actor, reach?: Reach) => grants(a, 'medical', canWrite, reach);
const medicalOnly = (service?: string) => service === undefined || service === MEDICAL_SERVICE;

export const screeningPolicy = definePolicy({
  resource: 'screening',
  actions: ['list', 'read', 'create', 'override'],
  // an outcome is overridden while the screening is recorded, not afterwards
  onKind: ['list', 'create', 'override'],
  can(actor: Actor, action, record?: AboutPerson) {
    switch (action) {
      case 'list':
      case 'read':
        return readsProtection(actor);
      case 'create':
        return writesProtection(actor, record?.reach);
      case 'override':
        return overridesProtection(actor, record?.reach);
      default:
        return false;
    }
  },
});

/** Flags only: for roles marked 'f' in DESIGN §5 (readers of protection data read the records). */
export const protectionSummaryPolicy = definePolicy({
  resource: 'protection summary',
  actions: ['read'],
  can(actor: Actor, action) {
    return action === 'read' && seesProtectionFlags(actor);
  },
});

/** `purpose` absent: any purpose (kind-level and person-level offers). */
type ConsentRecord = AboutPerson & { decision: string; withdrawnOn: string | null; purpose?: string };
export const RETURN_PURPOSE = 'return';
/**
 * Protection writers record every purpose; doctors and nurses the `medical` one (hospital
 * referral); return officers the `return` one (informed consent to return, DESIGN §6).
 */
const writesConsent = (a: Actor, r?: { reach?: Reach; purpose?: string }) =>
  writesProtection(a, r?.reach) ||
  ((r?.purpose === undefined || r.purpose === MEDICAL_PURPOSE) && writesMedical(a, r?.reach)) ||
  ((r?.purpose === undefined || r.purpose === RETURN_PURPOSE) && grants(a, 'returns', canWrite, r?.reach));
export const consentPolicy = definePolicy({
  resource: 'consent',
  actions: ['list', 'read', 'create', 'withdraw'],
  can(actor: Actor, action, record?: ConsentRecord) {
    switch (action) {
      case 'list':
      case 'read':
        // medical readers list only `medical` consents (consentScope)
        return (
          readsProtection(actor) ||
          (readsMedical(actor) && (!record?.purpose || record.purpose === MEDICAL_PURPOSE))
        );
      case 'create':
        return writesConsent(actor, record);
      // only a consent that was given, and stands, can be withdrawn
      case 'withdraw':
        return !!record && record.decision === 'given' && !record.withdrawnOn && writesConsent(actor, record);
      default:
        return false;
    }
  },
});

export const notePolicy = definePolicy({
  resource: 'note',
  actions: ['list', 'read', 'create'],
  can(actor: Actor, action, record?: AboutPerson) {
    if (action === 'list' || action === 'read') return readsProtection(actor);
    return action === 'create' && writesProtection(actor, record?.reach);
  },
});

/**
 * `next`: the statuses the referral may move to from where it is (REFERRAL_TRANSITIONS);
 * `service` absent: any service (offers on a person); `createdBy`: its author, once it exists.
 */
export type ReferralRecord = AboutPerson & {
  status: string;
  next: readonly string[];
  service?: string;
  createdBy?: string | null;
};
/** Protection writers handle every referral; doctors and nurses medical ones only. */
const writesReferral = (a: Actor, r?: Pick<ReferralRecord, 'reach' | 'service'>) =>
  writesProtection(a, r?.reach) || (medicalOnly(r?.service) && writesMedical(a, r?.reach));
/**
 * A medical referral's reason is medical data (DESIGN §5): protection readers see that the person
 * was referred to hospital, not why, unless they wrote it; doctors and nurses on the reach read it.
 */
export const seesReferralReason = (a: Actor, r: ReferralRecord) =>
  r.service !== MEDICAL_SERVICE ||
  (!!r.createdBy && r.createdBy === a.userId) ||
  grants(a, 'medical', canRead, r.reach);
export const referralPolicy = definePolicy({
  resource: 'referral',
  actions: ['list', 'read', 'create', 'transition', 'packet', 'override_consent'],
  can(actor: Actor, action, record?: ReferralRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsProtection(actor) || (readsMedical(actor) && medicalOnly(record?.service));
      case 'create':
        return writesReferral(actor, record);
      case 'transition':
        return !!record && record.next.length > 0 && writesReferral(actor, record);
      // the packet prints the reason: only for those who may read it
      case 'packet':
        return (
          !!record &&
          record.status !== 'cancelled' &&
          writesReferral(actor, record) &&
          seesReferralReason(actor, record)
        );
      case 'override_consent':
        return overridesProtection(actor, record?.reach);
      default:
        return false;
    }
  },
});

type CaseRecord = AboutPerson & { status: string };
export const casePolicy = definePolicy({
  resource: 'case',
  actions: ['list', 'read', 'update', 'assign', 'hand_over', 'close', 'reopen', 'hold'],
  can(actor: Actor, action, record?: CaseRecord) {
    if (action === 'list' || action === 'read') return readsProtection(actor);
    if (!record || !writesProtection(actor, record.reach)) return false;
    switch (action) {
      case 'update':
      case 'assign':
      case 'hand_over':
      case 'close':
        return record.status !== 'closed';
      case 'hold':
        return record.status === 'open';
      case 'reopen':
        return record.status === 'closed' || record.status === 'on_hold';
      default:
        return false;
    }
  },
});

/** `reach` is absent for a task about no one. */
type TaskRecord = { status: string; assigneeUserId: string; createdBy: string | null; reach?: Reach };
/** Tasks: those who write protection data where the person is set them; the assignee or author updates them. */
export const taskPolicy = definePolicy({
  resource: 'task',
  actions: ['list', 'read', 'create', 'update', 'complete', 'reopen'],
  can(actor: Actor, action, record?: TaskRecord) {
    const mine = !!record && (record.assigneeUserId === actor.userId || record.createdBy === actor.userId);
    const writes = writesProtection(actor, record?.reach);
    switch (action) {
      case 'list':
        return true; // "My tasks": everyone has their own list
      case 'read':
        return mine || readsProtection(actor);
      case 'create':
        return writes;
      case 'update':
        return !!record && (mine || writes);
      case 'complete':
        return !!record && (mine || writes) && record.status === 'open';
      case 'reopen':
        return !!record && (mine || writes) && record.status === 'done';
      default:
        return false;
    }
  },
});

/** Sharing profiles: administrators set them; those who refer may read what will be shared. */
export const sharingProfilePolicy = definePolicy({
  resource: 'sharing_profile',
  actions: ['read', 'update'],
  can(actor: Actor, action) {
    if (action === 'read') return mayWrite(actor, 'administration') || readsProtection(actor);
    if (action === 'update') return mayWrite(actor, 'administration');
    return false;
  },
});
