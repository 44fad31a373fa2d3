import { canRead, canWrite, seesFlags } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, mayWrite, type Policy, scopeOf } from '../../platform/policy';

// Protection data (DESIGN §5): read by managers, caseworkers, protection and return officers;
// written by caseworkers and protection officers; doctors, nurses and counsellors see only that
// flags exist. Records reach these policies through scoped queries, so they are in scope.

export const readsProtection = (a: Actor) => accessIn(a, 'protection').some(canRead);
export const writesProtection = (a: Actor) => scopeOf(a, 'protection', canWrite).kind !== 'none';
export const seesProtectionFlags = (a: Actor) => accessIn(a, 'protection').some(seesFlags);
/** Only a protection officer may override a missing consent or a screening's outcome. */
export const overridesProtection = (a: Actor) =>
  a.roles.some((r) => r.role === 'protection_officer') && writesProtection(a);

const simple = (resource: string, extra: Record<string, (a: Actor) => boolean> = {}): Policy<unknown> => ({
  resource,
  actions: ['list', 'read', 'create', ...Object.keys(extra)],
  can(actor, action) {
    if (action === 'list' || action === 'read') return readsProtection(actor);
    if (action === 'create') return writesProtection(actor);
    return extra[action]?.(actor) ?? false;
  },
});

export const screeningPolicy = simple('screening', { override: overridesProtection });
export const consentPolicy = simple('consent', {
  withdraw: writesProtection,
});
export const notePolicy = simple('note');

type ReferralRecord = { status: string; allowed: readonly string[] };
export const referralPolicy: Policy<ReferralRecord> = {
  resource: 'referral',
  actions: ['list', 'read', 'create', 'transition', 'packet', 'override_consent'],
  can(actor, action, record) {
    switch (action) {
      case 'list':
      case 'read':
        return readsProtection(actor);
      case 'create':
        return writesProtection(actor);
      case 'transition':
        return writesProtection(actor) && (record?.allowed.length ?? 0) > 0;
      case 'packet':
        return writesProtection(actor) && record?.status !== 'cancelled';
      case 'override_consent':
        return overridesProtection(actor);
      default:
        return false;
    }
  },
};

type CaseRecord = { status: string };
export const casePolicy: Policy<CaseRecord> = {
  resource: 'case',
  actions: ['list', 'read', 'update', 'assign', 'hand_over', 'close', 'reopen', 'hold'],
  can(actor, action, record) {
    if (action === 'list' || action === 'read') return readsProtection(actor);
    if (!writesProtection(actor)) return false;
    switch (action) {
      case 'update':
      case 'assign':
      case 'hand_over':
        return record?.status !== 'closed';
      case 'close':
        return record?.status !== 'closed';
      case 'hold':
        return record?.status === 'open';
      case 'reopen':
        return record?.status === 'closed' || record?.status === 'on_hold';
      default:
        return false;
    }
  },
};

type TaskRecord = { status: string; assigneeUserId: string; createdBy: string | null };
/** Tasks: anyone who writes protection data sets them; the assignee or the author updates them. */
export const taskPolicy: Policy<TaskRecord> = {
  resource: 'task',
  actions: ['list', 'read', 'create', 'update', 'complete', 'reopen'],
  can(actor, action, record) {
    const mine = !!record && (record.assigneeUserId === actor.userId || record.createdBy === actor.userId);
    switch (action) {
      case 'list':
        return true; // "My tasks": everyone has their own list
      case 'read':
        return mine || readsProtection(actor);
      case 'create':
        return writesProtection(actor);
      case 'update':
        return mine || writesProtection(actor);
      case 'complete':
        return (mine || writesProtection(actor)) && record?.status === 'open';
      case 'reopen':
        return (mine || writesProtection(actor)) && record?.status === 'done';
      default:
        return false;
    }
  },
};

/** Sharing profiles: administrators set them; those who refer may read what will be shared. */
export const sharingProfilePolicy: Policy<unknown> = {
  resource: 'sharing_profile',
  actions: ['read', 'update'],
  can(actor, action) {
    if (action === 'read') return mayWrite(actor, 'administration') || readsProtection(actor);
    if (action === 'update') return mayWrite(actor, 'administration');
    return false;
  },
};
