import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { clinicSchedule } from '../../../domain/health/clinic';
import { centres, clinicSchedules, clinicSessions, stockPoints } from '../../db/schema/index';
import { notFound, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { atMedicalCentres } from './clinic-sessions.queries';
import { clinicSchedulePolicy } from './health.policy';

// A centre's weekly clinic: read where the reader reads medical data, like its sessions.

export type ScheduleRow = {
  c: typeof clinicSchedules.$inferSelect;
  centreName: string;
  stockPointName: string;
};

const scheduleScope = (w: Pick<Work, 'actor'>) =>
  atMedicalCentres(w, clinicSchedules.missionId, clinicSchedules.centreId);

const joined = (w: Work) =>
  w.tx
    .select({ c: clinicSchedules, centreName: centres.name, stockPointName: stockPoints.name })
    .from(clinicSchedules)
    .innerJoin(
      centres,
      and(eq(centres.missionId, clinicSchedules.missionId), eq(centres.id, clinicSchedules.centreId)),
    )
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, clinicSchedules.missionId),
        eq(stockPoints.id, clinicSchedules.stockPointId),
      ),
    );

/** A schedule the actor may read, or 404. */
export async function loadSchedule(w: Work, id: string): Promise<ScheduleRow> {
  const [row] = await joined(w).where(and(scheduleScope(w), eq(clinicSchedules.id, id)));
  if (!row) throw notFound('Clinic schedule');
  return row;
}

/** The reader's schedules (at most seven a centre), by centre, weekday and time. */
export const listSchedules = (w: Work, q: { centreId?: string | undefined; active?: boolean | undefined }) =>
  joined(w)
    .where(
      and(
        scheduleScope(w),
        q.centreId ? eq(clinicSchedules.centreId, q.centreId) : undefined,
        q.active === undefined ? undefined : eq(clinicSchedules.active, q.active),
      ),
    )
    .orderBy(
      asc(centres.name),
      asc(clinicSchedules.weekday),
      asc(clinicSchedules.startsAt),
      asc(clinicSchedules.id),
    )
    .limit(500);

/** ISO weekday (1 = Monday) of an ISO date. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Active schedules due on `day` at centres with no session that day yet. */
export const dueUnopened = (w: Work, day: string) =>
  joined(w)
    .where(
      and(
        scheduleScope(w),
        eq(clinicSchedules.active, true),
        eq(clinicSchedules.weekday, weekdayOf(day)),
        notExists(
          w.tx
            .select({ one: sql`1` })
            .from(clinicSessions)
            .where(
              and(
                eq(clinicSessions.missionId, clinicSchedules.missionId),
                eq(clinicSessions.centreId, clinicSchedules.centreId),
                eq(clinicSessions.heldOn, day),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(centres.name), asc(clinicSchedules.startsAt), asc(clinicSchedules.id));

export const scheduleRecord = (r: Pick<ScheduleRow, 'c'>) => ({ reach: [r.c.centreId] });

export const presentSchedule = (w: Work, r: ScheduleRow): z.infer<typeof clinicSchedule> => ({
  id: r.c.id,
  centreId: r.c.centreId,
  centreName: r.centreName,
  weekday: r.c.weekday,
  startsAt: r.c.startsAt,
  stockPointId: r.c.stockPointId,
  stockPointName: r.stockPointName,
  active: r.c.active,
  version: r.c.version,
  allowedActions: allowedActions(w.actor, clinicSchedulePolicy, scheduleRecord(r)),
});

/** An active centre of the mission, or 422 on `path`. */
export async function activeCentre(w: Work, centreId: string, path = 'centreId') {
  const [c] = await w.tx
    .select({ id: centres.id, active: centres.active })
    .from(centres)
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.id, centreId)));
  if (!c?.active)
    throw unprocessable('No such active centre', [{ path, message: 'Unknown or closed centre' }]);
}

/**
 * The clinic dispenses from the centre's own pharmacy (or, without one, its store): an active
 * stock point of kind clinic_pharmacy or centre_store at that centre; else 422 on `path`.
 */
export async function checkPharmacy(w: Work, centreId: string, stockPointId: string, path = 'stockPointId') {
  const [p] = await w.tx
    .select({ kind: stockPoints.kind, centreId: stockPoints.centreId, active: stockPoints.active })
    .from(stockPoints)
    .where(and(eq(stockPoints.missionId, w.actor.missionId), eq(stockPoints.id, stockPointId)));
  const fits =
    p?.active && p.centreId === centreId && (p.kind === 'clinic_pharmacy' || p.kind === 'centre_store');
  if (!fits)
    throw unprocessable('Dispense from this centre’s clinic pharmacy or store', [
      { path, message: 'Not a clinic pharmacy or store of this centre' },
    ]);
}
