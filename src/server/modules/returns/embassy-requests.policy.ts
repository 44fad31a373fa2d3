import { BEFORE_DEPARTURE, type ReturnState } from '../../../domain/returns/states';
import type { Actor } from '../../platform/actor';
import { definePolicy, type Reach } from '../../platform/policy';
import { readsReturns, writesReturns } from './returns.policy';

// Embassy requests (DESIGN §5, returns row; §6 consent): returns readers read them; drafting one
// needs the returns write somewhere (it then holds only people the drafter writes); sending,
// exporting and recording the embassy's answers share or change every person on it, so they need
// the write on each of them. A request that has left (sent) is not sent again; answers come back
// only for a sent request.

export type EmbassyRequestRecord = {
  status: string;
  /** the reach of each person on the request (those with a valid consent, while unsent) */
  people: readonly Reach[];
};

const writesAll = (actor: Actor, r: EmbassyRequestRecord) =>
  r.people.length > 0 && r.people.every((reach) => writesReturns(actor, reach));

export const embassyRequestPolicy = definePolicy({
  resource: 'embassy request',
  actions: ['list', 'read', 'create', 'send', 'answer', 'export'],
  can(actor: Actor, action, record?: EmbassyRequestRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return readsReturns(actor);
      case 'create':
        return writesReturns(actor);
      case 'send':
        return (!record || (record.status === 'draft' && writesAll(actor, record))) && writesReturns(actor);
      case 'answer':
        return (
          (!record ||
            ((record.status === 'sent' || record.status === 'answered') && writesAll(actor, record))) &&
          writesReturns(actor)
        );
      case 'export':
        return (!record || writesAll(actor, record)) && writesReturns(actor);
      default:
        return false;
    }
  },
});

/** A case's consular interviews: read with the case; recorded before departure by its writers. */
export type InterviewRecord = { reach: Reach; state: string };
export const consularInterviewPolicy = definePolicy({
  resource: 'consular interview',
  actions: ['list', 'record'],
  can(actor: Actor, action, record?: InterviewRecord) {
    if (action === 'list') return readsReturns(actor);
    return (
      (!record || BEFORE_DEPARTURE.includes(record.state as ReturnState)) &&
      writesReturns(actor, record?.reach)
    );
  },
});
