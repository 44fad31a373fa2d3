import { z } from 'zod';
import { allowedActions, calendarDate, iso3, line, listQuery, page, uuid, version } from '../common/schemas';
import type { TRAVEL_DOCUMENT_TYPES } from './cases';
import { RETURN_STATES } from './states';

// Movements (issue 13): the charter or scheduled flight, or road convoy, that takes people home;
// its escorts, its passengers (each a return case booked on it), the departure confirmed person
// by person and the arrival. Shared by the server's routes and the web app's forms.

export const MOVEMENT_KINDS = ['charter', 'scheduled', 'road'] as const;
export const MOVEMENT_STATUSES = ['planned', 'departed', 'cancelled'] as const;
export const PASSENGER_STATUSES = ['booked', 'departed', 'no_show', 'removed'] as const;
export const ESCORT_KINDS = ['medical', 'operational'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export type PassengerStatus = (typeof PASSENGER_STATUSES)[number];
export type EscortKind = (typeof ESCORT_KINDS)[number];

/** The most seats one movement may hold (a wide-body charter). */
export const MAX_SEATS = 1000;

const fields = {
  kind: z.enum(MOVEMENT_KINDS),
  departsOn: calendarDate,
  /** the route in words, e.g. MJI → KRT */
  route: line(200),
  destinationCountry: iso3,
  carrier: line(120),
  flightNumber: line(20).nullable().optional(),
  seats: z.number().int().min(1).max(MAX_SEATS),
  projectId: uuid.nullable().optional(),
};

export const createMovement = z.strictObject(fields);
export type CreateMovement = z.infer<typeof createMovement>;

export const updateMovement = z.strictObject({
  version,
  kind: fields.kind.optional(),
  departsOn: fields.departsOn.optional(),
  route: fields.route.optional(),
  destinationCountry: fields.destinationCountry.optional(),
  carrier: fields.carrier.optional(),
  flightNumber: fields.flightNumber,
  seats: fields.seats.optional(),
  projectId: fields.projectId,
});
export type UpdateMovement = z.infer<typeof updateMovement>;

export const createEscort = z.strictObject({
  kind: z.enum(ESCORT_KINDS),
  name: line(200),
  /** the staff member escorting, when they have an account */
  userId: uuid.nullable().optional(),
});
export type CreateEscort = z.infer<typeof createEscort>;

/** Books a return case on the movement (the case must be fit to travel, or a no-show rebooked). */
export const bookPassenger = z.strictObject({ caseId: uuid });

export const removePassenger = z.strictObject({ reason: line(1000).optional() });

/** The departure, confirmed person by person: who boarded and who did not show. */
export const confirmDeparture = z
  .strictObject({
    departed: z.array(uuid).max(MAX_SEATS).default([]),
    noShow: z.array(uuid).max(MAX_SEATS).default([]),
    /** why the no-shows did not travel (required with any no-show) */
    noShowReason: line(1000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.departed.length + d.noShow.length === 0)
      ctx.addIssue({ code: 'custom', path: ['departed'], message: 'Name at least one passenger' });
    const seen = new Set<string>();
    for (const [key, ids] of [
      ['departed', d.departed],
      ['noShow', d.noShow],
    ] as const)
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: [key, i],
            message: 'Listed twice: departed or no-show, not both',
          });
        seen.add(id);
      });
    if (d.noShow.length > 0 && !d.noShowReason)
      ctx.addIssue({ code: 'custom', path: ['noShowReason'], message: 'Say why they did not travel' });
  });
export type ConfirmDeparture = z.infer<typeof confirmDeparture>;

export const recordArrival = z.strictObject({ arrivedOn: calendarDate });

export const movementListQuery = listQuery.extend({
  status: z.enum(MOVEMENT_STATUSES).optional(),
  /** departing on or after this day */
  from: calendarDate.optional(),
});

export const movementSummary = z.object({
  id: uuid,
  reference: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  departsOn: z.string(),
  route: z.string(),
  destinationCountry: z.string(),
  carrier: z.string(),
  flightNumber: z.string().nullable(),
  seats: z.number(),
  /** seats taken (booked or departed), counting every passenger of the mission */
  taken: z.number(),
  status: z.enum(MOVEMENT_STATUSES),
  departedAt: z.string().nullable(),
  projectId: uuid.nullable(),
  version: z.number(),
  allowedActions,
});
export type MovementSummary = z.infer<typeof movementSummary>;

export const passenger = z.object({
  caseId: uuid,
  caseReference: z.string(),
  caseState: z.enum(RETURN_STATES),
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  nationality: z.string().nullable(),
  status: z.enum(PASSENGER_STATUSES),
  needsMedicalEscort: z.boolean(),
  departedAt: z.string().nullable(),
  allowedActions,
});
export type Passenger = z.infer<typeof passenger>;

export const escort = z.object({
  id: uuid,
  kind: z.enum(ESCORT_KINDS),
  name: z.string(),
  userId: uuid.nullable(),
});

export const movement = movementSummary.extend({
  /** the passengers whose cases the reader may read */
  passengers: z.array(passenger),
  escorts: z.array(escort),
});
export type Movement = z.infer<typeof movement>;

export const movementPage = page(movementSummary);

export const MANIFEST_FORMATS = ['xlsx', 'pdf'] as const;
export const manifestQuery = z.strictObject({
  format: z.enum(MANIFEST_FORMATS).default('pdf'),
  lang: z.enum(['en', 'ar', 'fr']).optional(),
});

/** One line of the manifest (what the carrier and the authorities need, nothing more). */
export type ManifestLine = {
  name: string;
  sex: string;
  birthDate: string | null;
  nationality: string | null;
  documentType: (typeof TRAVEL_DOCUMENT_TYPES)[number] | null;
  documentNumber: string | null;
  needsMedicalEscort: boolean;
};
