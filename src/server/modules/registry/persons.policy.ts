import { canWrite } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { actsAs, definePolicy, grants, mayRead, type Reach } from '../../platform/policy';

/**
 * What the policy needs to know of a person, loaded through the scoped query (so readable).
 * `reach`: where the actor's assignments may hold them (see `reachOf`); `heldAt`: their centre now;
 * `destination`: the centre an admission, registration or transfer takes them to, when known.
 */
export type PersonRecord = {
  status: string;
  hasOpenEpisode: boolean;
  reach: Reach;
  heldAt: string | null;
  destination?: string;
};

const writesAt = (actor: Actor, reach: Reach | undefined) => grants(actor, 'identity', canWrite, reach);
const atDestination = (r?: PersonRecord) => (r?.destination ? [r.destination] : undefined);
const atHeld = (r: PersonRecord) => (r.heldAt ? [r.heldAt] : []);

/**
 * Identity data (biodata, episodes) per DESIGN §5. Each write is allowed by an assignment that
 * grants identity writes and holds the person: biodata where the person is reached, movements
 * (transfers and releases) at the centre holding them, admissions at the receiving centre.
 */
export const personPolicy = definePolicy({
  resource: 'person',
  actions: ['list', 'read', 'create', 'update', 'admit', 'transfer', 'release', 'merge', 'unmerge'],
  can(actor: Actor, action, record?: PersonRecord) {
    const live = record?.status === 'active';
    switch (action) {
      case 'list':
      case 'read':
        return mayRead(actor, 'identity');
      case 'create':
        return writesAt(actor, atDestination(record));
      case 'update':
        return !!record && live && writesAt(actor, record.reach);
      case 'admit':
        return !!record && live && !record.hasOpenEpisode && writesAt(actor, atDestination(record));
      case 'transfer':
        return !!record && live && record.hasOpenEpisode && writesAt(actor, atHeld(record));
      case 'release':
        return !!record && live && record.hasOpenEpisode && writesAt(actor, atHeld(record));
      // merging joins two files the whole mission sees: for mission-wide managers and admins
      case 'merge':
        return live && actsAs(actor, ['manager', 'admin'], []);
      case 'unmerge':
        return actsAs(actor, ['manager', 'admin'], []);
      default:
        return false;
    }
  },
});
