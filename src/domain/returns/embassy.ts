import { z } from 'zod';
import {
  allowedActions,
  calendarDate,
  iso3,
  type Locale,
  line,
  locale,
  uuid,
  version,
} from '../common/schemas';
import { SHAREABLE_FIELDS } from '../protection/records';
import { RETURN_STATES } from './states';

// Embassy requests (nationality verification lists sent to an embassy) and consular interviews.
// Shared by the server's routes and the web app's forms.

export const EMBASSY_REQUEST_STATUSES = ['draft', 'sent', 'answered', 'closed'] as const;
export type EmbassyRequestStatus = (typeof EMBASSY_REQUEST_STATUSES)[number];
export const EMBASSY_ANSWERS = ['confirmed', 'not_confirmed', 'interview_needed'] as const;
export type EmbassyAnswer = (typeof EMBASSY_ANSWERS)[number];
export const INTERVIEW_MODES = ['in_person', 'video'] as const;
export const INTERVIEW_OUTCOMES = ['confirmed', 'not_confirmed', 'pending'] as const;

/**
 * The language an embassy reads, from its country (ISO alpha-3): Arabic-speaking countries get
 * Arabic, francophone ones French, every other one English. Data, not code: add a country here.
 */
export const EMBASSY_LANGUAGE_BY_COUNTRY: Readonly<Record<string, Locale>> = {
  ...Object.fromEntries(
    ['DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MRT', 'MAR', 'OMN', 'PSE', 'QAT']
      .concat(['SAU', 'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM', 'TCD'])
      .map((c) => [c, 'ar' as const]),
  ),
  ...Object.fromEntries(
    ['BEN', 'BFA', 'BDI', 'CMR', 'CAF', 'COD', 'COG', 'CIV', 'GAB', 'GIN', 'MDG', 'MLI', 'NER', 'RWA']
      .concat(['SEN', 'TGO', 'HTI', 'FRA', 'BEL', 'CHE', 'LUX', 'MCO'])
      .map((c) => [c, 'fr' as const]),
  ),
};
export const embassyLanguage = (countryCode: string | null | undefined): Locale =>
  (countryCode && EMBASSY_LANGUAGE_BY_COUNTRY[countryCode]) || 'en';

export const embassyRequestCreate = z.strictObject({
  embassyOrganisationId: uuid,
  /** the nationality of the people on the list, ISO alpha-3 */
  nationality: iso3,
  /** the list's language; by default the embassy's (from its country) */
  language: locale.optional(),
  note: line(1000).nullable().optional(),
});
export type EmbassyRequestCreate = z.infer<typeof embassyRequestCreate>;

/** Who a request for this embassy and nationality would hold now (the form's preview). */
export const embassyCandidatesQuery = z.strictObject({ embassyOrganisationId: uuid, nationality: iso3 });

export const embassyRequestSend = z.strictObject({ version, sentOn: calendarDate });

export const embassyAnswers = z.strictObject({
  version,
  answeredOn: calendarDate,
  answers: z
    .array(z.strictObject({ caseId: uuid, answer: z.enum(EMBASSY_ANSWERS) }))
    .min(1)
    .max(500)
    .refine((a) => new Set(a.map((x) => x.caseId)).size === a.length, { message: 'One answer per case' }),
});
export type EmbassyAnswers = z.infer<typeof embassyAnswers>;

export const embassyExportQuery = z.strictObject({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

export const consularInterviewCreate = z.strictObject({
  heldOn: calendarDate,
  mode: z.enum(INTERVIEW_MODES),
  outcome: z.enum(INTERVIEW_OUTCOMES),
  embassyOrganisationId: uuid,
  requestId: uuid.nullable().optional(),
  note: line(1000).nullable().optional(),
});
export type ConsularInterviewCreate = z.infer<typeof consularInterviewCreate>;

// ---- responses

const sharedField = z.object({
  key: z.enum(SHAREABLE_FIELDS),
  label: z.string(),
  value: z.string().nullable(),
});

export const embassyRequestPerson = z.object({
  caseId: uuid,
  caseReference: z.string(),
  personId: uuid,
  state: z.enum(RETURN_STATES),
  /** only the fields of the embassy's data-sharing profile, in the request's language */
  fields: z.array(sharedField),
  answer: z.enum(EMBASSY_ANSWERS).nullable(),
  answeredOn: z.string().nullable(),
});
export type EmbassyRequestPerson = z.infer<typeof embassyRequestPerson>;

export const embassyRequestSummary = z.object({
  id: uuid,
  reference: z.string(),
  embassy: z.object({ id: uuid, name: z.string(), countryCode: z.string().nullable() }),
  nationality: z.string(),
  language: locale,
  status: z.enum(EMBASSY_REQUEST_STATUSES),
  sentOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** the people on the request the reader may see */
  people: z.number().int(),
  createdAt: z.string(),
  version,
  allowedActions,
});
export type EmbassyRequestSummary = z.infer<typeof embassyRequestSummary>;

export const embassyRequestView = embassyRequestSummary.extend({
  note: z.string().nullable(),
  /** the profile's fields (when sent: those that left the system) */
  fields: z.array(z.enum(SHAREABLE_FIELDS)),
  items: z.array(embassyRequestPerson),
});
export type EmbassyRequestView = z.infer<typeof embassyRequestView>;

export const embassyRequestPage = z.object({ items: z.array(embassyRequestSummary) });

export const embassyCandidates = z.object({
  language: locale,
  fields: z.array(z.enum(SHAREABLE_FIELDS)),
  items: z.array(embassyRequestPerson.omit({ answer: true, answeredOn: true })),
});
export type EmbassyCandidates = z.infer<typeof embassyCandidates>;

export const consularInterview = z.object({
  id: uuid,
  caseId: uuid,
  heldOn: z.string(),
  mode: z.enum(INTERVIEW_MODES),
  outcome: z.enum(INTERVIEW_OUTCOMES),
  embassy: z.object({ id: uuid, name: z.string() }),
  requestId: uuid.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsularInterview = z.infer<typeof consularInterview>;
export const consularInterviewList = z.object({ items: z.array(consularInterview), allowedActions });
export type ConsularInterviewList = z.infer<typeof consularInterviewList>;
