import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, tracked, ts } from './columns';
import { centres, missions, organisations, projects, users } from './directory';
import { persons } from './registry';

// Returns: one case per return (state machine in domain/returns/states.ts), the time spent in each
// state, protection clearance, travel documents and exit visas, embassy requests with per-person
// answers and consular interviews, movements with passengers and escorts, reintegration plans with
// items, follow-ups scored with a versioned sustainability survey.

const day = (name: string) => date(name, { mode: 'string' });
const fk = (cols: unknown[], target: unknown[]) =>
  foreignKey({ columns: cols as never, foreignColumns: target as never });
const minor = (name: string) => bigint(name, { mode: 'number' });

export const returnCases = pgTable(
  'return_cases',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    personId: uuid('person_id').notNull(),
    programme: text('programme').notNull(),
    origin: text('origin').notNull(),
    destinationCountry: text('destination_country').notNull(),
    embassyOrganisationId: uuid('embassy_organisation_id'),
    projectId: uuid('project_id'),
    /** the centre the person was in when the return was requested (filters, scope of writes) */
    centreId: uuid('centre_id'),
    requestedOn: day('requested_on').notNull(),
    state: text('state').notNull().default('requested'),
    stateSince: ts('state_since').notNull().defaultNow(),
    /** the reason of the last exit (withdrawn, ineligible, no-show) */
    reasonClosed: text('reason_closed'),
    /** a protection officer's documented clearance (encrypted: it tells the person's story) */
    clearanceReason: text('clearance_reason_enc'),
    clearedBy: uuid('cleared_by'),
    clearedAt: ts('cleared_at'),
    departedOn: day('departed_on'),
    arrivedOn: day('arrived_on'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('return_cases_reference_uq').on(t.missionId, t.reference),
    index('return_cases_person_idx').on(t.missionId, t.personId),
    index('return_cases_state_idx').on(t.missionId, t.state, t.stateSince),
    index('return_cases_departed_idx').on(t.missionId, t.departedOn),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.embassyOrganisationId], [organisations.missionId, organisations.id]),
    fk([t.missionId, t.projectId], [projects.missionId, projects.id]),
    fk([t.missionId, t.centreId], [centres.missionId, centres.id]),
    fk([t.missionId, t.clearedBy], [users.missionId, users.id]),
  ],
);

/** One row per state a case has been in: the time spent in each state is kept. */
export const returnStateSpans = pgTable(
  'return_state_spans',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    state: text('state').notNull(),
    enteredAt: ts('entered_at').notNull(),
    leftAt: ts('left_at'),
    enteredBy: uuid('entered_by'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('return_state_spans_case_idx').on(t.missionId, t.caseId, t.enteredAt),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
  ],
);

export const travelDocuments = pgTable(
  'travel_documents',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    type: text('type').notNull(),
    issuingOrganisationId: uuid('issuing_organisation_id').notNull(),
    number: text('number').notNull(),
    issuedOn: day('issued_on').notNull(),
    expiresOn: day('expires_on').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('travel_documents_case_idx').on(t.missionId, t.caseId),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.issuingOrganisationId], [organisations.missionId, organisations.id]),
  ],
);

/** The exit visa from the authorities. */
export const exitClearances = pgTable(
  'exit_clearances',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    reference: text('reference').notNull(),
    issuedOn: day('issued_on').notNull(),
    validUntil: day('valid_until').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('exit_clearances_case_idx').on(t.missionId, t.caseId),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

/** A list of consenting nationals sent to one embassy: only its sharing-profile fields. */
export const embassyRequests = pgTable(
  'embassy_requests',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    embassyOrganisationId: uuid('embassy_organisation_id').notNull(),
    nationality: text('nationality').notNull(),
    /** the language of the exported list: the embassy's */
    language: text('language').notNull(),
    status: text('status').notNull().default('draft'),
    /** the profile's fields when the request was sent (what left the system) */
    sentFields: text('sent_fields').array(),
    sentOn: day('sent_on'),
    answeredOn: day('answered_on'),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('embassy_requests_reference_uq').on(t.missionId, t.reference),
    index('embassy_requests_embassy_idx').on(t.missionId, t.embassyOrganisationId, t.status),
    fk([t.missionId, t.embassyOrganisationId], [organisations.missionId, organisations.id]),
  ],
);

export const embassyRequestPeople = pgTable(
  'embassy_request_people',
  {
    missionId: missionId(),
    requestId: uuid('request_id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** the consent that let the person's data go (checked again when the request is sent) */
    consentId: uuid('consent_id'),
    /** null until the embassy answers: confirmed / not_confirmed / interview_needed */
    answer: text('answer'),
    answeredOn: day('answered_on'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.requestId, t.caseId] }),
    index('embassy_request_people_case_idx').on(t.missionId, t.caseId),
    fk([t.missionId, t.requestId], [embassyRequests.missionId, embassyRequests.id]),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

export const consularInterviews = pgTable(
  'consular_interviews',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    embassyOrganisationId: uuid('embassy_organisation_id').notNull(),
    requestId: uuid('request_id'),
    heldOn: day('held_on').notNull(),
    /** in_person / video (remote centres) */
    mode: text('mode').notNull(),
    /** confirmed / not_confirmed / pending */
    outcome: text('outcome').notNull(),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('consular_interviews_case_idx').on(t.missionId, t.caseId),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.embassyOrganisationId], [organisations.missionId, organisations.id]),
    fk([t.missionId, t.requestId], [embassyRequests.missionId, embassyRequests.id]),
  ],
);

/** A charter or scheduled flight (or road convoy) taking people home. */
export const movements = pgTable(
  'movements',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    /** charter / scheduled / road */
    kind: text('kind').notNull(),
    departsOn: day('departs_on').notNull(),
    /** e.g. MJI → KRT, free text of the route */
    route: text('route').notNull(),
    destinationCountry: text('destination_country').notNull(),
    carrier: text('carrier').notNull(),
    flightNumber: text('flight_number'),
    seats: integer('seats').notNull(),
    /** planned / departed / cancelled */
    status: text('status').notNull().default('planned'),
    departedAt: ts('departed_at'),
    projectId: uuid('project_id'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('movements_reference_uq').on(t.missionId, t.reference),
    index('movements_departs_idx').on(t.missionId, t.departsOn),
    fk([t.missionId, t.projectId], [projects.missionId, projects.id]),
  ],
);

export const movementEscorts = pgTable(
  'movement_escorts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    movementId: uuid('movement_id').notNull(),
    /** medical / operational */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('movement_escorts_movement_idx').on(t.missionId, t.movementId),
    fk([t.missionId, t.movementId], [movements.missionId, movements.id]),
    fk([t.missionId, t.userId], [users.missionId, users.id]),
  ],
);

export const movementPassengers = pgTable(
  'movement_passengers',
  {
    missionId: missionId(),
    movementId: uuid('movement_id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** booked / departed / no_show / removed */
    status: text('status').notNull().default('booked'),
    needsMedicalEscort: boolean('needs_medical_escort').notNull().default(false),
    departedAt: ts('departed_at'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.movementId, t.caseId] }),
    index('movement_passengers_case_idx').on(t.missionId, t.caseId),
    fk([t.missionId, t.movementId], [movements.missionId, movements.id]),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
  ],
);

export const reintegrationPlans = pgTable(
  'reintegration_plans',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** the implementing partner in the country of origin */
    partnerOrganisationId: uuid('partner_organisation_id').notNull(),
    currency: text('currency').notNull(),
    agreedOn: day('agreed_on').notNull(),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('reintegration_plans_case_uq').on(t.missionId, t.caseId),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.partnerOrganisationId], [organisations.missionId, organisations.id]),
  ],
);

export const reintegrationItems = pgTable(
  'reintegration_items',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** cash / business / training / medical / housing / psychosocial */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    budgetMinor: minor('budget_minor').notNull(),
    /** planned / in_progress / delivered / cancelled */
    status: text('status').notNull().default('planned'),
    deliveredOn: day('delivered_on'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('reintegration_items_plan_idx').on(t.missionId, t.planId),
    fk([t.missionId, t.planId], [reintegrationPlans.missionId, reintegrationPlans.id]),
  ],
);

/** A versioned sustainability survey: questions grouped into dimensions, weights as data. */
export const sustainabilitySurveys = pgTable(
  'sustainability_surveys',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('sustainability_surveys_version_uq').on(t.missionId, t.code, t.version),
  ],
);

/** Follow-ups at 3, 6 and 12 months after arrival (the schedule is a mission setting). */
export const reintegrationFollowUps = pgTable(
  'reintegration_follow_ups',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    monthsAfterArrival: integer('months_after_arrival').notNull(),
    dueOn: day('due_on').notNull(),
    doneOn: day('done_on'),
    surveyId: uuid('survey_id'),
    answers: jsonb('answers'),
    /** scores per dimension (0–1) and the composite */
    economic: doublePrecision('economic'),
    social: doublePrecision('social'),
    psychosocial: doublePrecision('psychosocial'),
    composite: doublePrecision('composite'),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('reintegration_follow_ups_case_uq').on(t.missionId, t.caseId, t.monthsAfterArrival),
    index('reintegration_follow_ups_due_idx').on(t.missionId, t.doneOn, t.dueOn),
    fk([t.missionId, t.caseId], [returnCases.missionId, returnCases.id]),
    fk([t.missionId, t.personId], [persons.missionId, persons.id]),
    fk([t.missionId, t.surveyId], [sustainabilitySurveys.missionId, sustainabilitySurveys.id]),
  ],
);

export const returnsSettings = pgTable('returns_settings', {
  missionId: missionId()
    .primaryKey()
    .references(() => missions.id),
  /** months after arrival at which a follow-up is due */
  followUpMonths: integer('follow_up_months').array().notNull().default(sql`'{3,6,12}'::integer[]`),
  ...tracked(),
});
