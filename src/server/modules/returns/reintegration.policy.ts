import { ACCESS, canWrite, type Role } from '../../../domain/access/roles';
import { FINAL_STATES, type ReturnState } from '../../../domain/returns/states';
import type { Actor } from '../../platform/actor';
import { definePolicy, type Reach } from '../../platform/policy';
import { readsReturns, writesReturns } from './returns.policy';

// Reintegration (DESIGN §5, returns row): the returns readers read plans, items and follow-ups;
// each write is checked against the assignment that grants returns writes on the person's reach.
// After departure the person has no open episode: the reach is then the footprint of the
// organisation that handled the return (personReach), so its officer at the old centre carries
// on; another organisation's officer there does not. The mission's returns settings (the
// follow-up schedule) are changed by a returns writer for the whole mission only: a setting of
// the mission is not a centre officer's to change, and admins and managers hold no returns write.

/** A case is planned for once the person has arrived, until it is closed. */
export const PLANNABLE: readonly ReturnState[] = [
  'arrived',
  'reintegration_planned',
  'reintegration_in_progress',
];

export type ReintegrationRecord = {
  /** the person's reach for this actor */
  reach: Reach;
  state: ReturnState;
  /** the case has a plan */
  planned: boolean;
};

const open = (r: ReintegrationRecord) => r.planned && !FINAL_STATES.includes(r.state);

export const reintegrationPolicy = definePolicy({
  resource: 'reintegration plan',
  actions: ['list', 'read', 'create', 'update', 'add_item'],
  // creating the case's plan is offered on the case's reintegration view
  onKind: ['list'],
  can(actor: Actor, action, record?: ReintegrationRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsReturns(actor);
      case 'create':
        return (
          (!record || (PLANNABLE.includes(record.state) && !record.planned)) &&
          writesReturns(actor, record?.reach)
        );
      case 'update':
      case 'add_item':
        return (!record || open(record)) && writesReturns(actor, record?.reach);
      default:
        return false;
    }
  },
});

/** An item of a plan, judged on its plan's case. */
export const reintegrationItemPolicy = definePolicy({
  resource: 'reintegration item',
  actions: ['read', 'update'],
  onKind: [],
  can(actor: Actor, action, record?: ReintegrationRecord) {
    if (action === 'read') return readsReturns(actor);
    return action === 'update' && (!record || open(record)) && writesReturns(actor, record?.reach);
  },
});

export type FollowUpRecord = { reach: Reach; done: boolean };

/** Follow-ups after arrival: a survey is recorded once, by a returns writer reaching the person. */
export const reintegrationFollowUpPolicy = definePolicy({
  resource: 'reintegration follow-up',
  actions: ['list', 'read', 'record_survey'],
  can(actor: Actor, action, record?: FollowUpRecord) {
    if (action === 'list' || action === 'read') return readsReturns(actor);
    return action === 'record_survey' && !record?.done && writesReturns(actor, record?.reach);
  },
});

/** A returns writer whose assignment holds the whole mission. */
export const writesReturnsMissionWide = (a: Actor) =>
  a.roles.some((r) => canWrite(ACCESS.returns[r.role as Role]) && r.centreIds.length === 0);

export const returnsSettingsPolicy = definePolicy({
  resource: 'returns settings',
  actions: ['read', 'update'],
  onKind: [],
  can(actor: Actor, action) {
    if (action === 'read') return readsReturns(actor);
    return action === 'update' && writesReturnsMissionWide(actor);
  },
});
