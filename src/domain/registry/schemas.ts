import { z } from 'zod';
import { birthDate, calendarDate, factDate } from '../common/dates';
import {
  allowedActions,
  countedPage,
  iso3,
  line,
  listQuery,
  problem,
  queryText,
  sortParams,
  uuid,
  version,
} from '../common/schemas';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const PERSON_STATUSES = ['active', 'merged', 'deceased', 'anonymised'] as const;
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'travel_document',
  'other',
] as const;
export const ADMISSION_CIRCUMSTANCES = [
  'intercepted_at_sea',
  'arrested_in_city',
  'checkpoint',
  'transferred',
  'self_presented',
  'unknown',
] as const;
/** How an episode ends. A transfer also opens the next episode. */
export const EPISODE_END_REASONS = [
  'transfer',
  'release',
  'return',
  'deportation',
  'escape',
  'death',
] as const;
export const MOVEMENT_TYPES = ['admission', ...EPISODE_END_REASONS] as const;
export const RELATIONSHIPS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'grandchild',
  'uncle_aunt',
  'nephew_niece',
  'cousin',
  'other_relative',
  'travel_companion',
] as const;
export const AGE_GROUPS = ['0-4', '5-11', '12-17', '18-59', '60+', 'unknown'] as const;

const language = z.string().regex(/^[a-z]{2,3}$/, { error: 'Use an ISO 639 code, e.g. ar, ti, fr' });

export const personDocument = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  number: line(50).optional(),
  issuingCountry: iso3.optional(),
});

/** The person's own fields (DESIGN §7), shared by registration, update and duplicate checks. */
export const personFields = z.strictObject({
  givenName: line(100),
  familyName: line(100),
  /** the name as written in its original script (Arabic, Ge'ez, Bengali…) */
  fullNameOriginal: line(200).optional(),
  sex: z.enum(SEXES),
  birthDate: birthDate().optional(),
  birthDateEstimated: z.boolean().default(false),
  nationality: iso3,
  languages: z.array(language).max(10).default([]),
  documents: z.array(personDocument).max(10).default([]),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'Digits, spaces and + only' })
    .optional(),
});

export const familyLink = z.strictObject({ personId: uuid, relationship: z.enum(RELATIONSHIPS) });

export const registration = personFields.extend({
  /** instead of a birth date: an age in years, stored as an estimated birth date */
  estimatedAge: z.number().int().min(0).max(120).optional(),
  centreId: uuid,
  admittedOn: factDate(),
  circumstances: z.enum(ADMISSION_CIRCUMSTANCES).default('unknown'),
  family: z.array(familyLink).max(20).default([]),
  /**
   * The registrar's decision on likely duplicates (POST /persons answers 409 listing them): the
   * candidates reviewed and found to be other people, with the reason. Audited with the registration.
   */
  notDuplicateOf: z.array(uuid).max(20).optional(),
  reason: line(500).optional(),
});
export type Registration = z.input<typeof registration>;

/** A likely duplicate that stopped a registration: only what the caller may see of it. */
export const blockingCandidate = z.object({ id: uuid, registrationNumber: z.string(), score: z.number() });
/** The 409 of a registration with likely duplicates and no (or an incomplete) decision. */
export const duplicateProblem = problem.extend({
  candidates: z.array(blockingCandidate).optional(),
  /** likely duplicates outside the caller's scope: they block, and only a wider scope can decide */
  outsideScope: z.number().optional(),
});

export const personUpdate = personFields.partial().extend({ version });

export const currentLocation = z.object({
  episodeId: uuid,
  centreId: uuid,
  centreName: z.string(),
  admittedOn: z.string(),
});

export const person = z.object({
  id: uuid,
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  fullNameOriginal: z.string().optional(),
  sex: z.enum(SEXES),
  birthDate: z.string().optional(),
  birthDateEstimated: z.boolean(),
  /** whole years at the time of the request */
  age: z.number().nullable(),
  nationality: z.string(),
  languages: z.array(z.string()),
  documents: z.array(personDocument),
  phone: z.string().optional(),
  status: z.enum(PERSON_STATUSES),
  /** for a merged record: the record it was merged into */
  mergedIntoId: uuid.nullable(),
  current: currentLocation.nullable(),
  version,
  createdAt: z.string(),
  allowedActions,
});
export type Person = z.infer<typeof person>;

export const PERSON_SORTS = [
  'name',
  'registrationNumber',
  'nationality',
  'birthDate',
  'registeredAt',
] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

export const personListQuery = listQuery.extend({
  centreId: uuid.optional(),
  nationality: iso3.optional(),
  sex: z.enum(SEXES).optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  /** only people with an open episode (in any centre, or in `centreId`) */
  present: z.enum(['true', 'false']).optional(),
  /**
   * Column to sort by (name = family name). Without it: by name, or by relevance when `q` is a
   * name. Pages stay consistent: keyset on (column, id) for lists, offsets for searches.
   */
  ...sortParams(PERSON_SORTS),
});

/** A name search counts the matches among its candidates, so its total may be capped too. */
export const personPage = countedPage(person);

export const duplicateQuery = personFields.partial().extend({
  estimatedAge: z.number().int().min(0).max(120).optional(),
  family: z.array(familyLink).max(20).optional(),
});

export const duplicateCandidate = z.object({ person, score: z.number(), reasons: z.array(z.string()) });

export const episode = z.object({
  id: uuid,
  personId: uuid,
  centreId: uuid,
  centreName: z.string(),
  admittedOn: z.string(),
  circumstances: z.enum(ADMISSION_CIRCUMSTANCES),
  endedOn: z.string().nullable(),
  endReason: z.enum(EPISODE_END_REASONS).nullable(),
  version,
  allowedActions,
});
export type Episode = z.infer<typeof episode>;

/** Several people moved together from one centre to another: one transfer each, all or none. */
export const bulkTransfer = z.strictObject({
  personIds: z
    .array(uuid)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Each person once' }),
  fromCentreId: uuid,
  toCentreId: uuid,
  date: factDate(),
  /** why they were moved (e.g. the authority emptied the centre); kept in each person's audit event */
  reason: line(500).optional(),
});
export const bulkTransferResult = z.object({
  items: z.array(z.object({ personId: uuid, registrationNumber: z.string() })),
});

/** One movement: admission to a centre, transfer to another, or an end of detention. */
export const movement = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('admission'),
    centreId: uuid,
    date: factDate(),
    circumstances: z.enum(ADMISSION_CIRCUMSTANCES).default('unknown'),
    /** a past stay recorded after the fact: when and how it ended */
    endedOn: factDate().optional(),
    endReason: z.enum(['release', 'return', 'deportation', 'escape']).optional(),
  }),
  z.strictObject({ type: z.literal('transfer'), centreId: uuid, date: factDate() }),
  z.strictObject({ type: z.enum(['release', 'return', 'deportation', 'escape', 'death']), date: factDate() }),
]);
export type Movement = z.input<typeof movement>;

export const headcountCreate = z.strictObject({
  countedOn: factDate(),
  total: z.number().int().min(0).max(100_000),
  men: z.number().int().min(0).max(100_000).optional(),
  women: z.number().int().min(0).max(100_000).optional(),
  children: z.number().int().min(0).max(100_000).optional(),
  note: line(500).optional(),
});
export const headcount = headcountCreate.extend({
  id: uuid,
  centreId: uuid,
  recordedBy: z.string().nullable(),
});

/**
 * A count; null where the reader may not see people and it is under the disclosure threshold, or
 * hidden beside such a count so that it cannot be worked out from the total.
 */
const cell = z.number().nullable();
export const population = z.object({
  centreId: uuid,
  capacity: z.number(),
  /** null when under the disclosure threshold for a reader who may not see people */
  total: cell,
  /** total ÷ capacity, or null without a capacity or when the total is hidden */
  occupancy: z.number().nullable(),
  /** true when cells were hidden */
  suppressed: z.boolean(),
  bySex: z.record(z.string(), cell),
  byAgeGroup: z.record(z.string(), cell),
  byNationality: z.array(z.object({ nationality: z.string(), count: cell })),
  history: z.array(z.object({ date: z.string(), count: cell })),
  headcounts: z.array(headcount),
  /** 'recordHeadcount' when the reader may record the authority's count here */
  allowedActions,
});

export const familyMember = z.object({ person, relationship: z.enum(RELATIONSHIPS) });

export const historyQuery = z.strictObject({
  from: calendarDate().optional(),
  to: calendarDate().optional(),
});

export const mergeBody = z.strictObject({ duplicateId: uuid, version });
export const searchText = queryText;

/** One line of a person's history. Later modules add kinds; each names its data category. */
export const timelineItem = z.object({
  id: z.string(),
  /** ISO date or date-time */
  at: z.string(),
  kind: z.string(),
  category: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineItem = z.infer<typeof timelineItem>;
