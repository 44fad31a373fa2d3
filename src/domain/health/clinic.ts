import { z } from 'zod';
import { factDate } from '../common/dates';
import {
  allowedActions,
  calendarDate,
  countedPage,
  line,
  listQuery,
  sortParams,
  uuid,
  version,
} from '../common/schemas';

// The weekly clinic: a session is one day's clinic at a centre (its medical room and the clinic
// pharmacy it dispenses from), with the staff present and the day's queue of patients.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const CLINIC_SESSION_STATUSES = ['open', 'closed'] as const;
export type ClinicSessionStatus = (typeof CLINIC_SESSION_STATUSES)[number];
/** Where a patient is in the day's queue. */
export const QUEUE_STATUSES = ['waiting', 'seen', 'referred', 'left'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use a time as HH:MM' });

/** A centre's recurring clinic: every `weekday`, dispensing from `stockPointId`. */
export const clinicScheduleCreate = z.strictObject({
  centreId: uuid,
  weekday: z.union(WEEKDAYS.map((d) => z.literal(d))),
  startsAt: clock,
  stockPointId: uuid,
  active: z.boolean().default(true),
});
export const clinicScheduleUpdate = clinicScheduleCreate
  .omit({ centreId: true })
  .partial()
  .extend({ version });
export const clinicSchedule = z.object({
  id: uuid,
  centreId: uuid,
  centreName: z.string(),
  weekday: z.number().int(),
  startsAt: z.string(),
  stockPointId: uuid,
  stockPointName: z.string(),
  active: z.boolean(),
  version,
  allowedActions,
});

export const clinicSessionCreate = z.strictObject({
  centreId: uuid,
  heldOn: factDate(),
  stockPointId: uuid,
  /** staff present (doctors, nurses, interpreters with accounts); the opener is always added */
  staffUserIds: z.array(uuid).max(20).default([]),
  note: line(500).optional(),
});
export const clinicSessionUpdate = z.strictObject({
  staffUserIds: z.array(uuid).max(20).optional(),
  note: line(500).nullable().optional(),
  status: z.enum(CLINIC_SESSION_STATUSES).optional(),
  version,
});

export const queueEntryCreate = z.strictObject({ personId: uuid });
/** Only `left` is set by hand: seen and referred follow from the consultation. */
export const queueEntryUpdate = z.strictObject({ status: z.literal('left'), version });

export const queueEntry = z.object({
  id: uuid,
  ticket: z.number().int(),
  personId: uuid,
  personName: z.string(),
  /** the name in the person's own script (Arabic, Ge'ez…), when recorded */
  fullNameOriginal: z.string().nullable(),
  registrationNumber: z.string(),
  sex: z.string(),
  ageYears: z.number().int().nullable(),
  status: z.enum(QUEUE_STATUSES),
  arrivedAt: z.string(),
  consultationId: uuid.nullable(),
  version,
  allowedActions,
});
export type QueueEntry = z.infer<typeof queueEntry>;

export const clinicSession = z.object({
  id: uuid,
  centreId: uuid,
  centreName: z.string(),
  heldOn: z.string(),
  stockPointId: uuid,
  stockPointName: z.string(),
  status: z.enum(CLINIC_SESSION_STATUSES),
  staff: z.array(z.object({ id: uuid, name: z.string() })),
  note: z.string().nullable(),
  counts: z.object({
    waiting: z.number().int(),
    seen: z.number().int(),
    referred: z.number().int(),
    left: z.number().int(),
  }),
  queue: z.array(queueEntry),
  version,
  allowedActions,
});
export type ClinicSession = z.infer<typeof clinicSession>;

export const CLINIC_SESSION_SORTS = ['heldOn', 'centre'] as const;
export const clinicSessionListQuery = listQuery.extend({
  centreId: uuid.optional(),
  status: z.enum(CLINIC_SESSION_STATUSES).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  ...sortParams(CLINIC_SESSION_SORTS, 'desc'),
});
export const clinicSessionPage = countedPage(clinicSession.omit({ queue: true }));
/** Today's clinics in the reader's centres, and the sessions they could open today. */
export const todayClinics = z.object({
  today: z.string(),
  sessions: z.array(clinicSession.omit({ queue: true })),
  /** scheduled today and not opened yet */
  scheduled: z.array(clinicSchedule),
});
