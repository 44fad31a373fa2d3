import { canWrite } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { mayRead, type Policy, scopeOf } from '../../platform/policy';

/** What the policy needs to know of a person: loaded through the scoped query, so in scope. */
export type PersonRecord = { status: string; hasOpenEpisode: boolean };

const mergers = (actor: Actor) =>
  actor.roles.some((r) => (r.role === 'manager' || r.role === 'admin') && r.centreIds.length === 0);

/**
 * Identity data (biodata, episodes) per DESIGN §5. Records reach the policy only through
 * `personScope`, so "in scope" is already true for any record passed here.
 */
export const personPolicy: Policy<PersonRecord> = {
  resource: 'person',
  actions: ['list', 'read', 'create', 'update', 'admit', 'transfer', 'release', 'merge', 'unmerge'],
  can(actor: Actor, action, record) {
    const write = scopeOf(actor, 'identity', canWrite).kind !== 'none';
    const live = record?.status === 'active';
    switch (action) {
      case 'list':
      case 'read':
        return mayRead(actor, 'identity');
      case 'create':
        return write;
      case 'update':
        return write && live;
      case 'admit':
        return write && live && !record?.hasOpenEpisode;
      case 'transfer':
      case 'release':
        return write && live && !!record?.hasOpenEpisode;
      case 'merge':
        return mergers(actor) && live;
      case 'unmerge':
        return mergers(actor);
      default:
        return false;
    }
  },
};
