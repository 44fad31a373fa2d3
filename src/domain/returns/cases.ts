import { z } from 'zod';
import {
  allowedActions,
  calendarDate,
  countedPage,
  iso3,
  line,
  listQuery,
  sortParams,
  uuid,
  version,
} from '../common/schemas';
import { BLOCKERS, type ProtectionGate, RETURN_STATES } from './states';

// A return case (one person's return, from request to closure), its protection clearance, travel
// documents and exit clearance. Shared by the server's routes and the web app's forms.

/** Libya's voluntary humanitarian return, or assisted voluntary return and reintegration elsewhere. */
export const PROGRAMMES = ['vhr', 'avrr'] as const;
/** Who asked: the person, or their embassy (the person still has to consent). */
export const REQUEST_ORIGINS = ['person', 'embassy'] as const;

export const TRAVEL_DOCUMENT_TYPES = [
  'passport',
  'emergency_travel_document',
  'laissez_passer',
  'consular_attestation',
] as const;

export const PROTECTION_GATES = [
  'not_flagged',
  'blocked',
  'unhcr_outcome',
  'officer_cleared',
] as const satisfies readonly ProtectionGate[];

export const createReturnCase = z.strictObject({
  personId: uuid,
  programme: z.enum(PROGRAMMES),
  origin: z.enum(REQUEST_ORIGINS).default('person'),
  /** the country of return (usually the nationality), ISO 3166-1 alpha-3 */
  destinationCountry: iso3,
  /** the embassy that verifies nationality and issues documents */
  embassyOrganisationId: uuid.nullable().optional(),
  projectId: uuid.nullable().optional(),
  requestedOn: calendarDate,
});
export type CreateReturnCase = z.infer<typeof createReturnCase>;

export const updateReturnCase = z.strictObject({
  version,
  embassyOrganisationId: uuid.nullable().optional(),
  projectId: uuid.nullable().optional(),
  destinationCountry: iso3.optional(),
});

export const transitionReturnCase = z.strictObject({
  version,
  to: z.enum(RETURN_STATES),
  /** needed for withdrawn, ineligible and no-show */
  reason: line(1000).optional(),
});

/** A protection officer's documented decision that return is still appropriate. */
export const protectionClearance = z.strictObject({
  version,
  reason: line(4000),
});

export const createTravelDocument = z
  .strictObject({
    type: z.enum(TRAVEL_DOCUMENT_TYPES),
    issuingOrganisationId: uuid,
    number: line(60),
    issuedOn: calendarDate,
    expiresOn: calendarDate,
  })
  .refine((d) => d.expiresOn >= d.issuedOn, {
    path: ['expiresOn'],
    error: 'The expiry date must not be before the issue date',
  });

export const createExitClearance = z
  .strictObject({
    reference: line(60),
    issuedOn: calendarDate,
    validUntil: calendarDate,
  })
  .refine((d) => d.validUntil >= d.issuedOn, {
    path: ['validUntil'],
    error: 'The end of validity must not be before the issue date',
  });

export const travelDocument = z.object({
  id: uuid,
  type: z.enum(TRAVEL_DOCUMENT_TYPES),
  issuingOrganisationId: uuid,
  issuingOrganisationName: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  createdAt: z.string(),
});

export const exitClearance = z.object({
  id: uuid,
  reference: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  createdAt: z.string(),
});

export const stateSpan = z.object({
  state: z.enum(RETURN_STATES),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  /** who moved the case into the state (null for the system) */
  byName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const blocker = z.object({ code: z.enum(BLOCKERS), message: z.string() });

export const returnCaseSummary = z.object({
  id: uuid,
  reference: z.string(),
  personId: uuid,
  personName: z.string(),
  nationality: z.string().nullable(),
  programme: z.enum(PROGRAMMES),
  state: z.enum(RETURN_STATES),
  stateSince: z.string(),
  daysInState: z.number(),
  destinationCountry: z.string(),
  centreId: uuid.nullable(),
  centreName: z.string().nullable(),
  /** the centre's and (on a whole case) the embassy's Arabic names, where the directory has them */
  centreNameAr: z.string().nullable(),
  projectId: uuid.nullable(),
  requestedOn: z.string(),
  version: z.number(),
  allowedActions,
});

export const returnCase = returnCaseSummary.extend({
  origin: z.enum(REQUEST_ORIGINS),
  embassyOrganisationId: uuid.nullable(),
  embassyName: z.string().nullable(),
  embassyNameAr: z.string().nullable(),
  projectName: z.string().nullable(),
  protection: z.enum(PROTECTION_GATES),
  /** the protection officer's reason, to those who read protection data */
  clearanceReason: z.string().nullable(),
  clearedByName: z.string().nullable(),
  clearedAt: z.string().nullable(),
  reasonClosed: z.string().nullable(),
  departedOn: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  travelDocuments: z.array(travelDocument),
  exitClearances: z.array(exitClearance),
  fitness: z.object({ status: z.string().nullable(), validUntil: z.string().nullable() }).nullable(),
  /** the next states and, for those refused now, why */
  next: z.array(z.object({ state: z.enum(RETURN_STATES), blockers: z.array(blocker) })),
  history: z.array(stateSpan),
});

export const returnCaseListQuery = listQuery.extend({
  state: z.enum(RETURN_STATES).optional(),
  nationality: iso3.optional(),
  centreId: uuid.optional(),
  projectId: uuid.optional(),
  personId: uuid.optional(),
  ...sortParams(['reference', 'requestedOn', 'stateSince', 'state']),
});

export const returnCasePage = countedPage(returnCaseSummary);
export type ReturnCase = z.infer<typeof returnCase>;
export type ReturnCaseSummary = z.infer<typeof returnCaseSummary>;

/**
 * A person's returns: the cases, for those who read returns; for those who see returns only as a
 * flag (doctors and nurses certifying fitness to travel), no case, only whether one is in progress.
 */
export const personReturns = z.object({
  items: z.array(returnCaseSummary).optional(),
  inProgress: z.boolean(),
  state: z.enum(RETURN_STATES).nullable(),
});
