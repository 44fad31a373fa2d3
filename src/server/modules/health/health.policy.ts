import { ACCESS, canRead, canWrite, type Role, seesFlags } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, actsAs, definePolicy, grants, holds, type Reach } from '../../platform/policy';

// Health (DESIGN §5, medical row): doctors and nurses read and write consultations; return
// officers see fitness to travel as a flag only; no one else reads medical data. A clinic session
// is reached through its centre; a consultation through its person (as any record about someone)
// and is written at the session's centre. Dispensing also moves stock, so it needs one assignment
// that writes both medical data and stock at the session's clinic pharmacy (a nurse's; a doctor
// prescribes and the nurse dispenses).

export const readsMedical = (a: Actor) => accessIn(a, 'medical').some(canRead);
export const writesMedical = (a: Actor, reach?: Reach) => grants(a, 'medical', canWrite, reach);

/** One assignment writing medical data at the centre and stock at the pharmacy's centre. */
export const dispensesAt = (actor: Actor, centre?: Reach, point?: Reach) =>
  actor.roles.some(
    (a) =>
      canWrite(ACCESS.medical[a.role as Role]) &&
      canWrite(ACCESS.stock[a.role as Role]) &&
      holds(a, centre) &&
      holds(a, point),
  );

/** A centre's clinic (a schedule, a session): reached through its centre. */
export type AtCentre = { reach: Reach };
export type SessionRecord = AtCentre & { status: string };

export const clinicSchedulePolicy = definePolicy({
  resource: 'clinic schedule',
  actions: ['list', 'read', 'create', 'update'],
  can(actor: Actor, action, record?: AtCentre) {
    if (action === 'list' || action === 'read') return grants(actor, 'medical', canRead, record?.reach);
    return writesMedical(actor, record?.reach);
  },
});

export const clinicSessionPolicy = definePolicy({
  resource: 'clinic session',
  actions: ['list', 'read', 'create', 'update', 'close', 'reopen', 'queue'],
  can(actor: Actor, action, record?: SessionRecord) {
    if (action === 'list' || action === 'read') return grants(actor, 'medical', canRead, record?.reach);
    if (action === 'close' || action === 'queue') {
      if (record && record.status !== 'open') return false;
    }
    if (action === 'reopen' && record?.status !== 'closed') return false;
    return writesMedical(actor, record?.reach);
  },
});

/** A patient in the day's queue: only a waiting one can be marked as having left. */
export type QueueRecord = AtCentre & { status: string; sessionStatus: string };
export const queueEntryPolicy = definePolicy({
  resource: 'queue entry',
  actions: ['read', 'leave', 'consult'],
  can(actor: Actor, action, record?: QueueRecord) {
    if (action === 'read') return grants(actor, 'medical', canRead, record?.reach);
    if (record && (record.status !== 'waiting' || record.sessionStatus !== 'open')) return false;
    return writesMedical(actor, record?.reach);
  },
});

/**
 * A consultation: read within the person's reach, written at the session's centre; `dispense`
 * also needs the stock write at the session's pharmacy (`point`) in the same assignment.
 */
export type ConsultationRecord = {
  /** the person's reach for this actor */
  reach: Reach;
  /** the session's centre */
  centre: Reach;
  /** the centre of the session's clinic pharmacy ([] for a warehouse) */
  point: Reach;
  /** prescriptions still to dispense */
  undispensed: boolean;
};
export const consultationPolicy = definePolicy({
  resource: 'consultation',
  actions: ['list', 'read', 'create', 'update', 'dispense'],
  can(actor: Actor, action, record?: ConsultationRecord) {
    switch (action) {
      case 'list':
        return readsMedical(actor);
      case 'read':
        return grants(actor, 'medical', canRead, record?.reach);
      case 'create':
      case 'update':
        return writesMedical(actor, record?.centre);
      case 'dispense':
        return (!record || record.undispensed) && dispensesAt(actor, record?.centre, record?.point);
      default:
        return false;
    }
  },
});

/** The built-in diagnosis list and a mission's own additions (one list for the mission). */
export const diagnosisPolicy = definePolicy({
  resource: 'diagnosis',
  actions: ['list', 'create', 'update'],
  can(actor: Actor, action) {
    if (action === 'list') return readsMedical(actor);
    // the list serves every centre: only a mission-wide medical writer extends it
    return writesMedical(actor, []);
  },
});

/** Fitness to travel as a flag (returns): medical readers and those marked 'f' (return officers). */
export const fitnessFlagPolicy = definePolicy({
  resource: 'fitness to travel',
  actions: ['read'],
  can(actor: Actor, action, record?: { reach: Reach }) {
    return (
      action === 'read' &&
      actor.roles.some((a) => seesFlags(ACCESS.medical[a.role as Role]) && holds(a, record?.reach))
    );
  },
});

/**
 * Surveillance counts and alerts name no one: medical readers see them, and managers, who
 * coordinate the response (they read people in any case, so no cell needs suppressing — §8 is for
 * roles that see no one). Verifying or discarding an alert is clinical (medical writers at the
 * centre); recording the response is also the manager's.
 */
export type AlertRecord = AtCentre & { status: string };
export const readsSurveillance = (actor: Actor, reach?: Reach) =>
  grants(actor, 'medical', canRead, reach) || actsAs(actor, ['manager'], reach);

export const surveillancePolicy = definePolicy({
  resource: 'surveillance',
  actions: ['read', 'export', 'set_rules'],
  onKind: ['read', 'export', 'set_rules'],
  can(actor: Actor, action) {
    if (action === 'set_rules') return writesMedical(actor, []);
    return readsSurveillance(actor);
  },
});

export const alertPolicy = definePolicy({
  resource: 'alert',
  actions: ['list', 'read', 'verify', 'discard', 'respond'],
  can(actor: Actor, action, record?: AlertRecord) {
    if (action === 'list' || action === 'read') return readsSurveillance(actor, record?.reach);
    const status = record?.status;
    if (action === 'verify') return (!status || status === 'new') && writesMedical(actor, record?.reach);
    if (action === 'discard')
      return (!status || status === 'new' || status === 'verified') && writesMedical(actor, record?.reach);
    if (action === 'respond')
      return (
        (!status || status === 'verified') &&
        (writesMedical(actor, record?.reach) || actsAs(actor, ['manager'], record?.reach))
      );
    return false;
  },
});
