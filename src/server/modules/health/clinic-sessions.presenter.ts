import type { ClinicSession, QueueEntry, QueueStatus } from '../../../domain/health/clinic';
import { ageOn } from '../../../domain/registry/age';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import {
  type Counts,
  detailsOf,
  type QueueRow,
  queueOf,
  type SessionHeader,
  type Staff,
} from './clinic-sessions.queries';
import { clinicSessionPolicy, type QueueRecord, queueEntryPolicy, type SessionRecord } from './health.policy';

/** The session as its policy sees it: reached through its centre. */
export const sessionRecord = (h: Pick<SessionHeader, 's'>): SessionRecord => ({
  reach: [h.s.centreId],
  status: h.s.status,
});

export const queueRecord = (h: Pick<SessionHeader, 's'>, status: string): QueueRecord => ({
  reach: [h.s.centreId],
  status,
  sessionStatus: h.s.status,
});

const EMPTY: Counts = { waiting: 0, seen: 0, referred: 0, left: 0 };

export const presentSummary = (
  w: Work,
  h: SessionHeader,
  staff: Staff[],
  counts: Counts,
): Omit<ClinicSession, 'queue'> => ({
  id: h.s.id,
  centreId: h.s.centreId,
  centreName: h.centreName,
  heldOn: h.s.heldOn,
  stockPointId: h.s.stockPointId,
  stockPointName: h.stockPointName,
  status: h.s.status as ClinicSession['status'],
  staff,
  note: h.s.note,
  counts,
  version: h.s.version,
  allowedActions: allowedActions(w.actor, clinicSessionPolicy, sessionRecord(h)),
});

/** Several sessions without their queues (lists, today's clinics): two queries for the page. */
export async function presentSummaries(w: Work, hs: SessionHeader[]) {
  const { staff, counts } = await detailsOf(
    w,
    hs.map((h) => h.s.id),
  );
  return hs.map((h) => presentSummary(w, h, staff.get(h.s.id) ?? [], counts.get(h.s.id) ?? EMPTY));
}

export const presentEntry = (w: Work, h: SessionHeader, r: QueueRow): QueueEntry => ({
  id: r.q.id,
  ticket: r.q.ticket,
  personId: r.q.personId,
  personName: `${r.givenName} ${r.familyName}`,
  // in the person's own script too, as every list of people shows it (null when not recorded)
  fullNameOriginal: r.fullNameOriginal,
  registrationNumber: r.registrationNumber,
  sex: r.sex,
  // age on the clinic's day, as the consultation will record it
  ageYears: ageOn(r.birthDate, h.s.heldOn),
  status: r.q.status as QueueStatus,
  arrivedAt: r.q.arrivedAt.toISOString(),
  consultationId: r.q.consultationId,
  version: r.q.version,
  allowedActions: allowedActions(w.actor, queueEntryPolicy, queueRecord(h, r.q.status)),
});

/** A session with its queue in ticket order. */
export async function presentSession(w: Work, h: SessionHeader): Promise<ClinicSession> {
  const [summary] = await presentSummaries(w, [h]);
  const queue = await queueOf(w, h.s.id);
  return { ...(summary as Omit<ClinicSession, 'queue'>), queue: queue.map((r) => presentEntry(w, h, r)) };
}
