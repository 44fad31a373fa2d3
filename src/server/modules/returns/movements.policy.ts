import type { ReturnState } from '../../../domain/returns/states';
import type { Actor } from '../../platform/actor';
import { definePolicy, type Reach } from '../../platform/policy';
import { readsReturns, writesReturns } from './returns.policy';

// Movements (DESIGN §5, returns row). A movement itself holds no one's data: returns readers read
// it, and any assignment writing returns (whatever its scope) plans it, edits it and names its
// escorts. What touches a person — booking them, confirming their departure or no-show, their
// arrival — is a write on their return case, checked on that person's reach.

export type MovementRecord = { status: string };

const planned = (r?: MovementRecord) => !r || r.status === 'planned';

export const movementPolicy = definePolicy({
  resource: 'movement',
  actions: ['list', 'read', 'create', 'update', 'add_escort', 'book', 'confirm_departure', 'manifest'],
  can(actor: Actor, action, record?: MovementRecord) {
    switch (action) {
      case 'list':
      case 'read':
      case 'manifest':
        return readsReturns(actor);
      case 'create':
        return writesReturns(actor);
      case 'update':
      case 'add_escort':
      case 'book':
        return planned(record) && writesReturns(actor);
      // departure is confirmed in steps: a movement already departed takes the late confirmations
      case 'confirm_departure':
        return record?.status !== 'cancelled' && writesReturns(actor);
      default:
        return false;
    }
  },
});

/** One passenger: their case's reach (the person's), their status on the movement, the movement's. */
export type PassengerRecord = {
  reach: Reach;
  status: string;
  movementStatus: string;
  caseState: ReturnState;
};

const aboard = (r?: PassengerRecord) => !r || (r.status === 'booked' && r.movementStatus !== 'cancelled');

export const passengerPolicy = definePolicy({
  resource: 'passenger',
  actions: ['book', 'remove', 'depart', 'no_show'],
  // booking is asked of a case about to board, not offered on a passenger
  onKind: ['book'],
  can(actor: Actor, action, record?: PassengerRecord) {
    switch (action) {
      case 'book':
        return writesReturns(actor, record?.reach);
      case 'remove':
        return aboard(record) && record?.movementStatus !== 'departed' && writesReturns(actor, record?.reach);
      case 'depart':
      case 'no_show':
        return aboard(record) && writesReturns(actor, record?.reach);
      default:
        return false;
    }
  },
});
