import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, tracked, ts } from './columns';
import { centres, users } from './directory';
import { persons } from './registry';
import { stockLots, stockMovements, stockPoints, supplyItems } from './supplies';

// Health: the weekly clinic, consultations with their diagnoses and prescriptions (dispensed
// through the supplies ledger), surveillance cases and alerts, counselling (MHPSS).

const day = (name: string) => date(name, { mode: 'string' });
const fk = (cols: unknown[], target: unknown[]) =>
  foreignKey({ columns: cols as never, foreignColumns: target as never });

export const clinicSchedules = pgTable(
  'clinic_schedules',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    centreId: uuid('centre_id').notNull(),
    /** ISO weekday, 1 = Monday */
    weekday: integer('weekday').notNull(),
    startsAt: text('starts_at').notNull(),
    stockPointId: uuid('stock_point_id').notNull(),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('clinic_schedules_centre_idx').on(t.missionId, t.centreId),
    fk([t.missionId, t.centreId], [centres.missionId, centres.id]),
    fk([t.missionId, t.stockPointId], [stockPoints.missionId, stockPoints.id]),
  ],
);

export const clinicSessions = pgTable(
  'clinic_sessions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    centreId: uuid('centre_id').notNull(),
    heldOn: day('held_on').notNull(),
    stockPointId: uuid('stock_point_id').notNull(),
    status: text('status').notNull().default('open'),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    // one clinic a day per centre: the nurse opening it finds the doctor's, not a second one
    uniqueIndex('clinic_sessions_centre_day_uq').on(t.missionId, t.centreId, t.heldOn),
    fk([t.missionId, t.centreId], [centres.missionId, centres.id]),
    fk([t.missionId, t.stockPointId], [stockPoints.missionId, stockPoints.id]),
  ],
);

export const clinicSessionStaff = pgTable(
  'clinic_session_staff',
  {
    missionId: missionId(),
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.sessionId, t.userId] }),
    fk([t.missionId, t.sessionId], [clinicSessions.missionId, clinicSessions.id]),
    fk([t.missionId, t.userId], [users.missionId, users.id]),
  ],
);

/** The day's queue: waiting until a consultation sees (or refers) the patient, or they leave. */
export const clinicQueue = pgTable(
  'clinic_queue',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id').notNull(),
    ticket: integer('ticket').notNull(),
    status: text('status').notNull().default('waiting'),
    arrivedAt: ts('arrived_at').notNull(),
    consultationId: uuid('consultation_id'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('clinic_queue_person_uq').on(t.missionId, t.sessionId, t.personId),
    uniqueIndex('clinic_queue_ticket_uq').on(t.missionId, t.sessionId, t.ticket),
    fk([t.missionId, t.sessionId], [clinicSessions.missionId, clinicSessions.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

export const consultations = pgTable(
  'consultations',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    sessionId: uuid('session_id').notNull(),
    /** the session's centre and day, kept here for the surveillance counts */
    centreId: uuid('centre_id').notNull(),
    consultedOn: day('consulted_on').notNull(),
    /** ISO week of consultedOn, e.g. 2026-W53 */
    week: text('week').notNull(),
    personId: uuid('person_id').notNull(),
    /** whole years at the consultation (null: no date of birth), for age filters of alert rules */
    ageYears: integer('age_years'),
    clinicianUserId: uuid('clinician_user_id').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    /** encrypted (platform/crypto.ts) */
    complaint: text('complaint'),
    vitals: jsonb('vitals').$type<Record<string, number | null>>().notNull().default({}),
    dehydration: text('dehydration').notNull().default('none'),
    /** encrypted (platform/crypto.ts) */
    treatmentNotes: text('treatment_notes'),
    outcome: text('outcome').notNull(),
    followUpOn: day('follow_up_on'),
    fitness: text('fitness'),
    fitnessValidUntil: day('fitness_valid_until'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('consultations_person_idx').on(t.missionId, t.personId, t.consultedOn),
    index('consultations_session_idx').on(t.missionId, t.sessionId),
    index('consultations_week_idx').on(t.missionId, t.week, t.centreId),
    fk([t.missionId, t.sessionId], [clinicSessions.missionId, clinicSessions.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

export const consultationDiagnoses = pgTable(
  'consultation_diagnoses',
  {
    missionId: missionId(),
    consultationId: uuid('consultation_id').notNull(),
    code: text('code').notNull(),
    certainty: text('certainty').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.consultationId, t.code] }),
    index('consultation_diagnoses_code_idx').on(t.missionId, t.code),
    fk([t.missionId, t.consultationId], [consultations.missionId, consultations.id]),
  ],
);

export const prescriptions = pgTable(
  'prescriptions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    position: integer('position').notNull(),
    itemId: uuid('item_id').notNull(),
    dose: text('dose').notNull(),
    frequency: text('frequency').notNull(),
    days: integer('days').notNull(),
    quantity: integer('quantity').notNull(),
    dispensed: integer('dispensed').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('prescriptions_consultation_idx').on(t.missionId, t.consultationId),
    fk([t.missionId, t.consultationId], [consultations.missionId, consultations.id]),
    fk([t.missionId, t.itemId], [supplyItems.missionId, supplyItems.id]),
  ],
);

/** The ledger entries that dispensed a prescription, lot by lot. */
export const prescriptionLots = pgTable(
  'prescription_lots',
  {
    missionId: missionId(),
    movementId: uuid('movement_id').notNull(),
    prescriptionId: uuid('prescription_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.movementId] }),
    index('prescription_lots_prescription_idx').on(t.missionId, t.prescriptionId),
    fk([t.missionId, t.movementId], [stockMovements.missionId, stockMovements.id]),
    fk([t.missionId, t.prescriptionId], [prescriptions.missionId, prescriptions.id]),
    fk([t.missionId, t.lotId], [stockLots.missionId, stockLots.id]),
  ],
);

/** A mission's own conditions, beside the built-in list (src/domain/health/diagnoses-data). */
export const healthConditions = pgTable(
  'health_conditions',
  {
    missionId: missionId(),
    code: text('code').notNull(),
    group: text('group').notNull(),
    nameEn: text('name_en').notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    terms: text('terms').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.code] })],
);

/** One row per consultation and syndrome it counts for: the weekly table reads only this. */
export const surveillanceCases = pgTable(
  'surveillance_cases',
  {
    missionId: missionId(),
    consultationId: uuid('consultation_id').notNull(),
    syndrome: text('syndrome').notNull(),
    centreId: uuid('centre_id').notNull(),
    week: text('week').notNull(),
    personId: uuid('person_id').notNull(),
    ageYears: integer('age_years'),
    severeDehydration: boolean('severe_dehydration').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.consultationId, t.syndrome] }),
    index('surveillance_cases_week_idx').on(t.missionId, t.week, t.centreId, t.syndrome),
    index('surveillance_cases_curve_idx').on(t.missionId, t.syndrome, t.centreId, t.week),
    fk([t.missionId, t.consultationId], [consultations.missionId, consultations.id]),
  ],
);

/** A mission's alert rules (src/domain/health/alert-rules.ts); none stored: the defaults apply. */
export const alertRules = pgTable(
  'alert_rules',
  {
    missionId: missionId(),
    code: text('code').notNull(),
    rule: jsonb('rule').notNull(),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.code] })],
);

export const alerts = pgTable(
  'alerts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    centreId: uuid('centre_id').notNull(),
    week: text('week').notNull(),
    syndrome: text('syndrome').notNull(),
    ruleCode: text('rule_code').notNull(),
    kind: text('kind').notNull(),
    value: numeric('value', { mode: 'number' }),
    threshold: numeric('threshold', { mode: 'number' }).notNull(),
    cases: integer('cases').notNull(),
    status: text('status').notNull().default('new'),
    raisedAt: ts('raised_at').notNull(),
    actedBy: uuid('acted_by'),
    actedAt: ts('acted_at'),
    note: text('note'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    // a rule raises one alert per centre and week; later cases update its figures
    uniqueIndex('alerts_rule_week_uq').on(t.missionId, t.centreId, t.week, t.ruleCode),
    index('alerts_status_idx').on(t.missionId, t.status, t.raisedAt),
    fk([t.missionId, t.centreId], [centres.missionId, centres.id]),
  ],
);

export const counsellingSessions = pgTable(
  'counselling_sessions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    centreId: uuid('centre_id').notNull(),
    heldOn: day('held_on').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    counsellorUserId: uuid('counsellor_user_id').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    presentingProblems: text('presenting_problems').array().notNull(),
    interventions: text('interventions').array().notNull(),
    instrument: text('instrument'),
    score: integer('score'),
    band: text('band'),
    selfHarm: text('self_harm'),
    urgent: boolean('urgent').notNull().default(false),
    /** encrypted: the measure's answers and the notes (platform/crypto.ts) */
    answers: text('answers'),
    notes: text('notes'),
    nextSessionOn: day('next_session_on'),
    interpreterUsed: boolean('interpreter_used').notNull().default(false),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('counselling_sessions_centre_idx').on(t.missionId, t.centreId, t.heldOn),
    fk([t.missionId, t.centreId], [centres.missionId, centres.id]),
  ],
);

export const counsellingParticipants = pgTable(
  'counselling_participants',
  {
    missionId: missionId(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.sessionId, t.personId] }),
    index('counselling_participants_person_idx').on(t.missionId, t.personId),
    fk([t.missionId, t.sessionId], [counsellingSessions.missionId, counsellingSessions.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

/** A counsellor's follow-ups; a self-harm answer makes an urgent one at once. */
export const mhpssFollowUps = pgTable(
  'mhpss_follow_ups',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    dueOn: day('due_on').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'),
    doneAt: ts('done_at'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('mhpss_follow_ups_assignee_idx').on(t.missionId, t.assigneeUserId, t.status, t.dueOn),
    fk([t.missionId, t.sessionId], [counsellingSessions.missionId, counsellingSessions.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.assigneeUserId], [users.missionId, users.id]),
  ],
);
