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

type ConsentRecord = AboutPerson & { decision: string; withdrawnOn: string | null };
export const consentPolicy = definePolicy({
  resource: 'consent',
  actions: ['list', 'read', 'create', 'withdraw'],
  can(actor: Actor, action, record?: ConsentRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsProtection(actor);
      case 'create':
        return writesProtection(actor, record?.reach);
      // only a consent that was given, and stands, can be withdrawn
      case 'withdraw':
        return (
          !!record &&
          record.decision === 'given' &&
          !record.withdrawnOn &&
          writesProtection(actor, record.reach)
        );
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

/** `next`: the statuses the referral may move to from where it is (REFERRAL_TRANSITIONS). */
type ReferralRecord = AboutPerson & { status: string; next: readonly string[] };
export const referralPolicy = definePolicy({
  resource: 'referral',
  actions: ['list', 'read', 'create', 'transition', 'packet', 'override_consent'],
  can(actor: Actor, action, record?: ReferralRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsProtection(actor);
      case 'create':
        return writesProtection(actor, record?.reach);
      case 'transition':
        return !!record && record.next.length > 0 && writesProtection(actor, record.reach);
      case 'packet':
        return !!record && record.status !== 'cancelled' && writesProtection(actor, record.reach);
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
