import { sql } from 'drizzle-orm';
import {
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

export const missions = pgTable('missions', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  countryCode: text('country_code'),
  /** days a sent referral may wait for acknowledgement before it is listed as overdue */
  referralOverdueDays: integer('referral_overdue_days').notNull().default(7),
  /** hours an Idempotency-Key is remembered; after that the same key is a new request */
  idempotencyKeyHours: integer('idempotency_key_hours').notNull().default(24),
  /** a registration scoring this or more against someone already registered needs a recorded decision */
  duplicateThreshold: doublePrecision('duplicate_threshold').notNull().default(0.88),
  ...tracked(),
});

export const organisations = pgTable(
  'organisations',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    nameFr: text('name_fr'),
    acronym: text('acronym'),
    kind: text('kind').notNull(),
    countryCode: text('country_code'),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('organisations_name_uq').on(t.missionId, sql`lower(${t.name})`),
  ],
);

export const centres = pgTable(
  'centres',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    nameFr: text('name_fr'),
    type: text('type').notNull(),
    location: text('location'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    capacity: integer('capacity').notNull(),
    authorityOrganisationId: uuid('authority_organisation_id'),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('centres_name_uq').on(t.missionId, sql`lower(${t.name})`),
    foreignKey({
      columns: [t.missionId, t.authorityOrganisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);

export const users = pgTable(
  'users',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    organisationId: uuid('organisation_id').notNull(),
    locale: text('locale').notNull().default('en'),
    passwordHash: text('password_hash').notNull(),
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 hashes of the unused one-time recovery codes shown at TOTP enrolment */
    totpRecoveryCodes: jsonb('totp_recovery_codes').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    // usernames are unique in the installation so that sign-in needs no mission picker
    uniqueIndex('users_username_uq').on(t.username),
    foreignKey({
      columns: [t.missionId, t.organisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('role_assignments_user_idx').on(t.missionId, t.userId),
    foreignKey({ columns: [t.missionId, t.userId], foreignColumns: [users.missionId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Centres an assignment is limited to; none means the whole mission. */
export const roleAssignmentCentres = pgTable(
  'role_assignment_centres',
  {
    missionId: missionId(),
    assignmentId: uuid('assignment_id').notNull(),
    centreId: uuid('centre_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.assignmentId, t.centreId] }),
    foreignKey({
      columns: [t.missionId, t.assignmentId],
      foreignColumns: [roleAssignments.missionId, roleAssignments.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.missionId, t.centreId], foreignColumns: [centres.missionId, centres.id] }),
  ],
);

/** Who paid: receipts, lots and distributions are attributed to a project. */
export const projects = pgTable(
  'projects',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    donorOrganisationId: uuid('donor_organisation_id'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('projects_code_uq').on(t.missionId, t.code),
    foreignKey({
      columns: [t.missionId, t.donorOrganisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);
