import { ACCESS, canRead, canWrite, type Role } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, definePolicy, grants, holds, type Reach } from '../../platform/policy';

// Supplies (DESIGN §5, stock and assistance rows). Stock is read by managers, caseworkers and
// doctors, written by nurses and stock officers; distributions to people (assistance) are written
// by caseworkers, nurses and stock officers. A write needs one assignment that grants it and
// holds the place: a stock point's reach is its centre (a warehouse: mission-wide only).

export const readsStock = (a: Actor) => accessIn(a, 'stock').some(canRead);
export const readsAssistance = (a: Actor) => accessIn(a, 'assistance').some(canRead);
export const writesStock = (a: Actor, reach?: Reach) => grants(a, 'stock', canWrite, reach);

/** A stock point (or something held at one): the centres it is reached through. */
export type AtPoint = { reach: Reach };

/** The mission's catalogue (items, projects, settings, eligibility rules): one for the mission. */
export const cataloguePolicy = definePolicy({
  resource: 'catalogue',
  actions: ['list', 'read', 'create', 'update'],
  can(actor: Actor, action) {
    if (action === 'list' || action === 'read') return readsStock(actor) || readsAssistance(actor);
    // the catalogue serves every centre: only a mission-wide stock writer edits it
    return writesStock(actor, []);
  },
});

export const stockPointPolicy = definePolicy({
  resource: 'stock point',
  actions: ['list', 'read', 'create', 'update', 'set_levels'],
  can(actor: Actor, action, record?: AtPoint) {
    if (action === 'list' || action === 'read')
      return (
        grants(actor, 'stock', canRead, record?.reach) || grants(actor, 'assistance', canRead, record?.reach)
      );
    return writesStock(actor, record?.reach);
  },
});

/** The ledger at a point: on hand, stock cards, receipts, losses, write-offs, reversals. */
export const stockPolicy = definePolicy({
  resource: 'stock',
  actions: ['list', 'read', 'receive', 'issue', 'reverse'],
  onKind: ['list', 'receive', 'issue'],
  can(actor: Actor, action, record?: AtPoint & { reversible?: boolean }) {
    if (action === 'list' || action === 'read') return grants(actor, 'stock', canRead, record?.reach);
    if (action === 'reverse' && record && !record.reversible) return false;
    return writesStock(actor, record?.reach);
  },
});

/** A transfer: dispatched by a writer at the source, received by a writer at the destination. */
export type TransferRecord = { from: Reach; to: Reach; status: string };
export const transferPolicy = definePolicy({
  resource: 'transfer',
  actions: ['list', 'read', 'create', 'receive'],
  can(actor: Actor, action, record?: TransferRecord) {
    switch (action) {
      case 'list':
        return readsStock(actor);
      case 'read':
        return (
          !record ||
          grants(actor, 'stock', canRead, record.from) ||
          grants(actor, 'stock', canRead, record.to)
        );
      case 'create':
        return writesStock(actor, record?.from);
      case 'receive':
        return record ? record.status === 'dispatched' && writesStock(actor, record.to) : writesStock(actor);
      default:
        return false;
    }
  },
});

export type CountRecord = AtPoint & { status: string };
export const countPolicy = definePolicy({
  resource: 'stock count',
  actions: ['list', 'read', 'create', 'update', 'approve', 'cancel'],
  can(actor: Actor, action, record?: CountRecord) {
    if (action === 'list' || action === 'read') return grants(actor, 'stock', canRead, record?.reach);
    if (action !== 'create' && record && record.status !== 'open') return false;
    return writesStock(actor, record?.reach);
  },
});

/**
 * A distribution at a centre from a stock point: written by one assignment granting assistance
 * writes that holds both the centre and the point (a warehouse: a mission-wide assignment).
 */
export type DistributionRecord = { centre: Reach; point: Reach; status: string };
const writesAssistanceAt = (actor: Actor, r?: { centre: Reach; point: Reach }) =>
  actor.roles.some(
    (a) => canWrite(ACCESS.assistance[a.role as Role]) && holds(a, r?.centre) && holds(a, r?.point),
  );

export const distributionPolicy = definePolicy({
  resource: 'distribution',
  actions: ['list', 'read', 'create', 'record', 'cancel_line', 'close'],
  can(actor: Actor, action, record?: DistributionRecord) {
    if (action === 'list' || action === 'read') return grants(actor, 'assistance', canRead, record?.centre);
    if (record && record.status !== 'open' && action !== 'create') return false;
    return writesAssistanceAt(actor, record);
  },
});
