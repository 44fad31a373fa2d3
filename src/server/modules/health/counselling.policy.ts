import { ACCESS, canRead, canWrite, type Role } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, definePolicy, grants, holds, type Reach } from '../../platform/policy';

// Counselling (DESIGN §5, mhpss row): counsellors alone read and write sessions, notes and
// measures. Others who read a person's identity see only that a session took place (the stub:
// kind, date, centre, counsellor), never its content.

export const readsMhpss = (a: Actor) => accessIn(a, 'mhpss').some(canRead);
export const writesMhpss = (a: Actor, reach?: Reach) => grants(a, 'mhpss', canWrite, reach);

/**
 * A session: read through any of its people (`reach`: the union of their reaches); written by one
 * assignment that holds its centre and every one of its people (`people`: each person's reach).
 */
export type CounsellingRecord = { reach: Reach; centre: Reach; people: readonly Reach[] };
export const writesSessionAt = (actor: Actor, r?: { centre: Reach; people: readonly Reach[] }) =>
  actor.roles.some(
    (a) =>
      canWrite(ACCESS.mhpss[a.role as Role]) &&
      holds(a, r?.centre) &&
      (r?.people ?? []).every((p) => holds(a, p)),
  );
export const counsellingPolicy = definePolicy({
  resource: 'counselling session',
  actions: ['list', 'read', 'create', 'update'],
  can(actor: Actor, action, record?: CounsellingRecord) {
    if (action === 'list') return readsMhpss(actor);
    if (action === 'read') return grants(actor, 'mhpss', canRead, record?.reach);
    return writesSessionAt(actor, record);
  },
});

/** That a session took place: any identity reader of the person. */
export const counsellingStubPolicy = definePolicy({
  resource: 'counselling record',
  actions: ['read'],
  can(actor: Actor, action, record?: { reach: Reach }) {
    return action === 'read' && (grants(actor, 'identity', canRead, record?.reach) || readsMhpss(actor));
  },
});

/** A follow-up: its assignee closes it; counsellors reaching the person read it. */
export type FollowUpRecord = { reach: Reach; assignee: boolean; status: string };
export const followUpPolicy = definePolicy({
  resource: 'follow-up',
  actions: ['list', 'read', 'complete'],
  can(actor: Actor, action, record?: FollowUpRecord) {
    if (action === 'list') return readsMhpss(actor);
    if (action === 'read') return grants(actor, 'mhpss', canRead, record?.reach);
    return (!record || (record.status === 'open' && record.assignee)) && writesMhpss(actor, record?.reach);
  },
});
