import { z } from 'zod';
import { ROLES } from '../access/roles';
import {
  allowedActions,
  countedPage,
  iso3,
  line,
  listQuery,
  locale,
  sortParams,
  uuid,
  version,
} from '../common/schemas';

export const ORGANISATION_KINDS = [
  'mission',
  'partner_ngo',
  'un_agency',
  'embassy',
  'donor',
  'authority',
  'other',
] as const;
export const CENTRE_TYPES = ['detention', 'reception', 'holding', 'transit'] as const;

const arabicName = line(200).optional();
/** the name as French speakers know it, when it differs (e.g. « Haut-Commissariat… ») */
const frenchName = line(200).optional();
const audit = {
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions,
};

// ---- organisations
export const organisationFields = z.strictObject({
  name: line(200),
  nameAr: arabicName,
  nameFr: frenchName,
  acronym: line(20).optional(),
  kind: z.enum(ORGANISATION_KINDS),
  countryCode: iso3.optional(),
});
export const organisationCreate = organisationFields;
/** In an update, null clears an optional field. */
export const organisationUpdate = organisationFields.partial().extend({
  version,
  active: z.boolean().optional(),
  nameAr: line(200).nullable().optional(),
  nameFr: line(200).nullable().optional(),
  acronym: line(20).nullable().optional(),
  countryCode: iso3.nullable().optional(),
  referralOverdueDays: z.number().int().min(1).max(90).optional(),
  idempotencyKeyHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});
export const organisation = organisationFields.extend({ id: uuid, active: z.boolean(), ...audit });
export type Organisation = z.infer<typeof organisation>;
export type OrganisationCreate = z.infer<typeof organisationCreate>;
/** Columns the organisations list sorts by; without `sort`, by name. */
export const ORGANISATION_SORTS = ['name', 'acronym', 'kind'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];
export const organisationListQuery = listQuery.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...sortParams(ORGANISATION_SORTS),
});
export const organisationPage = countedPage(organisation);

// ---- centres
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
export const centreFields = z.strictObject({
  name: line(200),
  nameAr: arabicName,
  nameFr: frenchName,
  type: z.enum(CENTRE_TYPES),
  location: line(200).optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  capacity: z.number().int().min(0).max(100_000),
  authorityOrganisationId: uuid.optional(),
});
export const centreCreate = centreFields;
export const centreUpdate = centreFields.partial().extend({
  version,
  active: z.boolean().optional(),
  nameAr: line(200).nullable().optional(),
  nameFr: line(200).nullable().optional(),
  location: line(200).nullable().optional(),
  latitude: latitude.nullable().optional(),
  longitude: longitude.nullable().optional(),
  authorityOrganisationId: uuid.nullable().optional(),
});
export const centre = centreFields.extend({ id: uuid, active: z.boolean(), ...audit });
export type Centre = z.infer<typeof centre>;
export type CentreCreate = z.infer<typeof centreCreate>;
/** Columns the centres list sorts by; without `sort`, by name. */
export const CENTRE_SORTS = ['name', 'type', 'location', 'capacity'] as const;
export type CentreSort = (typeof CENTRE_SORTS)[number];
export const centreListQuery = listQuery.extend({
  type: z.enum(CENTRE_TYPES).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...sortParams(CENTRE_SORTS),
});
export const centrePage = countedPage(centre);

// ---- users and role assignments
export const roleAssignment = z.strictObject({
  role: z.enum(ROLES),
  /** empty: the whole mission */
  centreIds: z.array(uuid).max(100).default([]),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'Use letters, digits, dot, dash or underscore' });
// The list of common passwords is a data file the server reads; the web app does not load it,
// so there the check is a no-op and the server's field error shows in place.
let commonPassword: (p: string) => boolean = () => false;
/** Called once by the server with its list of common passwords. */
export const setCommonPasswordCheck = (check: (p: string) => boolean) => {
  commonPassword = check;
};
export const password = z
  .string()
  .min(10, { error: 'At least 10 characters' })
  .max(200)
  .refine((p) => !commonPassword(p), { error: 'This password is too common; choose another' });

export const userCreate = z.strictObject({
  username,
  displayName: line(200),
  email: z.email().max(200).optional(),
  organisationId: uuid,
  locale: locale.default('en'),
  password,
  roles: z.array(roleAssignment).min(1).max(20),
});
export const userUpdate = z.strictObject({
  version,
  displayName: line(200).optional(),
  email: z.email().max(200).nullable().optional(),
  organisationId: uuid.optional(),
  locale: locale.optional(),
  roles: z.array(roleAssignment).min(1).max(20).optional(),
  active: z.boolean().optional(),
  /** an admin resetting a password; the user must change it at next sign-in */
  password: password.optional(),
  unlock: z.literal(true).optional(),
  /** clears a lost second factor; the user enrols again at next sign-in */
  resetTotp: z.literal(true).optional(),
});
export const user = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  organisationId: uuid,
  locale,
  roles: z.array(roleAssignment),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  ...audit,
});
export type User = z.infer<typeof user>;
export type UserCreate = z.input<typeof userCreate>;
/** Columns the users list sorts by (organisation: its acronym, else its name); without `sort`, by username. */
export const USER_SORTS = ['username', 'displayName', 'organisation'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const userListQuery = listQuery.extend({
  role: z.enum(ROLES).optional(),
  organisationId: uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...sortParams(USER_SORTS),
});
export const userPage = countedPage(user);

// ---- mission
export const mission = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  countryCode: z.string().nullable(),
  /** days a sent referral may wait for acknowledgement before it is listed as overdue */
  referralOverdueDays: z.number(),
  /** hours an Idempotency-Key is remembered (offline clients must retry within them) */
  idempotencyKeyHours: z.number(),
  /** a registration scoring this (0..1) or more against someone registered needs a recorded decision */
  duplicateThreshold: z.number(),
  version,
  allowedActions,
});
export const missionUpdate = z.strictObject({
  version,
  name: line(200).optional(),
  countryCode: iso3.nullable().optional(),
  referralOverdueDays: z.number().int().min(1).max(90).optional(),
  duplicateThreshold: z.number().min(0.6).max(1).optional(),
  idempotencyKeyHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});
