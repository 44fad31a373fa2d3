import { canRead, canWrite, seesFlags } from '../../../domain/access/roles';
import { BEFORE_DEPARTURE, FINAL_STATES, type ReturnState } from '../../../domain/returns/states';
import type { Actor } from '../../platform/actor';
import { accessIn, actsAs, definePolicy, grants, type Reach } from '../../platform/policy';

// Returns (DESIGN §5, returns row): return officers and protection officers read and write;
// managers and caseworkers read; doctors and nurses see only that a return is in progress (they
// certify fitness to travel). A case is reached through its person (as any record about someone,
// so the officer of the centre the person moved to carries on) and each write is checked against
// the assignment that grants it on that reach. Only a protection officer clears a person flagged
// with a possible need for international protection.

export const readsReturns = (a: Actor) => accessIn(a, 'returns').some(canRead);
export const writesReturns = (a: Actor, reach?: Reach) => grants(a, 'returns', canWrite, reach);
export const seesReturnFlags = (a: Actor) => accessIn(a, 'returns').some(seesFlags);
export const clearsProtection = (a: Actor, reach?: Reach) => actsAs(a, ['protection_officer'], reach);

export type ReturnCaseRecord = {
  /** the person's reach for this actor */
  reach: Reach;
  state: ReturnState;
  /** the states the case may move to now (guards passed), from domain/returns/states.ts */
  next: readonly ReturnState[];
  /** the person is flagged and not yet cleared */
  blocked: boolean;
};

const open = (s: ReturnState) => !FINAL_STATES.includes(s);
const beforeDeparture = (s: ReturnState) => BEFORE_DEPARTURE.includes(s) || s === 'no_show';

export const returnCasePolicy = definePolicy({
  resource: 'return case',
  actions: [
    'list',
    'read',
    'create',
    'update',
    'transition',
    'clear_protection',
    'add_travel_document',
    'add_exit_clearance',
    'record_arrival',
  ],
  can(actor: Actor, action, record?: ReturnCaseRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsReturns(actor);
      case 'create':
        return writesReturns(actor, record?.reach);
      case 'update':
        return (!record || open(record.state)) && writesReturns(actor, record?.reach);
      case 'transition':
        return !!record && record.next.length > 0 && writesReturns(actor, record.reach);
      case 'clear_protection':
        return (!record || (record.blocked && open(record.state))) && clearsProtection(actor, record?.reach);
      // a travel document tells the embassy about the person: not while the protection gate is shut
      case 'add_travel_document':
        return (
          (!record || (beforeDeparture(record.state) && !record.blocked)) &&
          writesReturns(actor, record?.reach)
        );
      case 'add_exit_clearance':
        return (!record || beforeDeparture(record.state)) && writesReturns(actor, record?.reach);
      // the arrival in the country of return, once the person departed
      case 'record_arrival':
        return (!record || record.state === 'departed') && writesReturns(actor, record?.reach);
      default:
        return false;
    }
  },
});

/** That a person has a return in progress (and its state), for those who see returns as a flag. */
export const returnFlagPolicy = definePolicy({
  resource: 'return flag',
  actions: ['read'],
  onKind: [],
  can(actor: Actor, action, record?: { reach: Reach }) {
    return action === 'read' && grants(actor, 'returns', seesFlags, record?.reach);
  },
});
