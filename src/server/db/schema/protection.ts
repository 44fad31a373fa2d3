import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, tracked, ts } from './columns';
import { organisations, users } from './directory';
import { persons } from './registry';

const personFk = (t: { missionId: never; personId: never }) =>
  foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] });

/** One protection case per person at a time (opened at the first screening or referral). */
export const cases = pgTable(
  'cases',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status').notNull(),
    assignedUserId: uuid('assigned_user_id'),
    organisationId: uuid('organisation_id').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('cases_one_active_uq').on(t.missionId, t.personId).where(sql`${t.status} <> 'closed'`),
    index('cases_assignee_idx').on(t.missionId, t.assignedUserId),
    personFk(t as never),
    foreignKey({
      columns: [t.missionId, t.organisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
    foreignKey({ columns: [t.missionId, t.assignedUserId], foreignColumns: [users.missionId, users.id] }),
  ],
);

/** Answers are encrypted as one JSON document; flags and risk stay queryable in clear. */
export const screenings = pgTable(
  'screenings',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id').notNull(),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    answers: text('answers').notNull(),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    interviewLanguage: text('interview_language'),
    interpreter: boolean('interpreter').notNull().default(false),
    computedFlags: text('computed_flags').array().notNull(),
    computedRisk: text('computed_risk').notNull(),
    matchedRules: text('matched_rules').array().notNull(),
    flags: text('flags').array().notNull(),
    riskLevel: text('risk_level').notNull(),
    /** encrypted (platform/crypto.ts): the reason may tell the person's story */
    overrideReason: text('override_reason_enc'),
    /** before encryption: emptied at start into `override_reason_enc` (protection/backfill.ts) */
    overrideReasonClear: text('override_reason'),
    overriddenBy: uuid('overridden_by'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('screenings_person_idx').on(t.missionId, t.personId, t.screenedOn),
    // GET /screenings without a person: newest first across the reader's scope
    index('screenings_date_idx').on(t.missionId, t.screenedOn),
    personFk(t as never),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
  ],
);

export const consents = pgTable(
  'consents',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').notNull(),
    decision: text('decision').notNull(),
    method: text('method').notNull(),
    language: text('language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnReason: text('withdrawn_reason'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('consents_person_idx').on(t.missionId, t.personId, t.purpose, t.recipientOrganisationId),
    personFk(t as never),
    foreignKey({
      columns: [t.missionId, t.recipientOrganisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);

/** The fields an organisation may receive about a person (DESIGN §6). */
export const sharingProfiles = pgTable(
  'sharing_profiles',
  {
    missionId: missionId(),
    organisationId: uuid('organisation_id').notNull(),
    fields: text('fields').array().notNull(),
    /** the referral services it takes: only these are offered and accepted as referrals to it */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.organisationId] }),
    foreignKey({
      columns: [t.missionId, t.organisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);

export const referrals = pgTable(
  'referrals',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').notNull(),
    service: text('service').notNull(),
    urgency: text('urgency').notNull(),
    /** encrypted: the reason may tell the person's story */
    reason: text('reason').notNull(),
    linkedFlags: text('linked_flags').array().notNull(),
    status: text('status').notNull(),
    consentId: uuid('consent_id'),
    /** encrypted (platform/crypto.ts): the reason may tell the person's story */
    consentOverrideReason: text('consent_override_reason_enc'),
    /** before encryption: emptied at start into `consent_override_reason_enc` (protection/backfill.ts) */
    consentOverrideReasonClear: text('consent_override_reason'),
    consentOverriddenBy: uuid('consent_overridden_by'),
    sentAt: ts('sent_at'),
    acknowledgedAt: ts('acknowledged_at'),
    respondedAt: ts('responded_at'),
    closedAt: ts('closed_at'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('referrals_reference_uq').on(t.missionId, t.reference),
    index('referrals_status_idx').on(t.missionId, t.status, t.sentAt),
    index('referrals_person_idx').on(t.missionId, t.personId),
    personFk(t as never),
    foreignKey({ columns: [t.missionId, t.caseId], foreignColumns: [cases.missionId, cases.id] }),
    foreignKey({
      columns: [t.missionId, t.recipientOrganisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
    foreignKey({ columns: [t.missionId, t.consentId], foreignColumns: [consents.missionId, consents.id] }),
  ],
);

/** Every step of a referral, timed (the audit trail records who; this keeps the story readable). */
export const referralEvents = pgTable(
  'referral_events',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    referralId: uuid('referral_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: ts('at').notNull(),
    byUserId: uuid('by_user_id'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('referral_events_referral_idx').on(t.missionId, t.referralId, t.at),
    foreignKey({ columns: [t.missionId, t.referralId], foreignColumns: [referrals.missionId, referrals.id] }),
  ],
);

export const notes = pgTable(
  'notes',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id'),
    category: text('category').notNull(),
    /** AES-256-GCM ciphertext (platform/crypto.ts): unreadable in the raw row */
    body: text('body').notNull(),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('notes_person_idx').on(t.missionId, t.personId),
    personFk(t as never),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    personId: uuid('person_id'),
    referralId: uuid('referral_id'),
    status: text('status').notNull().default('open'),
    doneAt: ts('done_at'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('tasks_assignee_idx').on(t.missionId, t.assigneeUserId, t.status, t.dueOn),
    // a referral's tasks close with it
    index('tasks_referral_idx').on(t.missionId, t.referralId),
    foreignKey({ columns: [t.missionId, t.assigneeUserId], foreignColumns: [users.missionId, users.id] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({ columns: [t.missionId, t.referralId], foreignColumns: [referrals.missionId, referrals.id] }),
  ],
);
