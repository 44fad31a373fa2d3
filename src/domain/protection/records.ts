import { z } from 'zod';
import { calendarDate, factDate, plannedDate } from '../common/dates';
import { allowedActions, countedPage, line, listQuery, sortParams, uuid, version } from '../common/schemas';
import { flag, RISK_LEVELS } from './flags';
import { outcomeOverride } from './outcome';
import { REFERRAL_SERVICES, REFERRAL_STATUSES, type ReferralStatus } from './statuses';

// API shapes of the protection module (the screening template and its rules live beside this).

const language = z.string().regex(/^[a-z]{2,3}$/, { error: 'Use an ISO 639 code, e.g. ar, ti, fr' });
const longText = (max: number) => z.string().trim().min(1).max(max);

export const CONSENT_PURPOSES = ['referral', 'data_sharing', 'return', 'medical'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['verbal', 'signed'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];
export const URGENCIES = ['routine', 'priority', 'emergency'] as const;
export { REFERRAL_SERVICES, REFERRAL_STATUSES, type ReferralStatus };
/**
 * The consent a referral needs (DESIGN §6): `medical` for a hospital (the medical service),
 * `referral` otherwise. The server checks it; the referral form records the consent it asks for.
 */
export const referralConsentPurpose = (service: string): (typeof CONSENT_PURPOSES)[number] =>
  service === 'medical' ? 'medical' : 'referral';
export const CASE_STATUSES = ['open', 'on_hold', 'closed'] as const;
export const NOTE_CATEGORIES = ['protection', 'legal', 'family_tracing', 'follow_up'] as const;

/** The referral lifecycle: which step may follow which. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['acknowledged', 'cancelled'],
  acknowledged: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

/** Person fields an organisation's data-sharing profile can allow (DESIGN §6). */
export const SHAREABLE_FIELDS = [
  'registrationNumber',
  'givenName',
  'familyName',
  'fullNameOriginal',
  'sex',
  'birthDate',
  'age',
  'nationality',
  'languages',
  'documents',
  'phone',
  'currentCentre',
  'admittedOn',
  'protectionFlags',
  'riskLevel',
  'referralReason',
  'family',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

// ---- consent
export const consentCreate = z.strictObject({
  personId: uuid,
  purpose: z.enum(CONSENT_PURPOSES),
  recipientOrganisationId: uuid,
  decision: z.enum(['given', 'declined']),
  method: z.enum(CONSENT_METHODS),
  language,
  interpreter: z.boolean().default(false),
  givenOn: factDate(),
});
export const consentWithdraw = z.strictObject({ version, withdrawnOn: factDate(), reason: line(500) });
export const consent = consentCreate.extend({
  id: uuid,
  recipientName: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  /** given and not withdrawn */
  valid: z.boolean(),
  version,
  createdAt: z.string(),
  allowedActions,
});
export const consentListQuery = listQuery.extend({ personId: uuid });

// ---- data-sharing profiles
export const sharingProfileUpdate = z.strictObject({
  fields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length),
  /** the referral services the organisation takes; left out, they stay as they were */
  services: z.array(z.enum(REFERRAL_SERVICES)).max(REFERRAL_SERVICES.length).optional(),
});
export const sharingProfile = z.object({
  organisationId: uuid,
  fields: z.array(z.enum(SHAREABLE_FIELDS)),
  services: z.array(z.enum(REFERRAL_SERVICES)),
  version: z.number().nullable(),
  allowedActions,
});

// ---- screenings
export const screeningCreate = z.strictObject({
  personId: uuid,
  templateKey: z.string().max(60).optional(),
  screenedOn: factDate(),
  interviewLanguage: language.optional(),
  interpreter: z.boolean().default(false),
  answers: z.record(z.string().max(80), z.unknown()),
  /** a protection officer's correction of the derived outcome, with a reason */
  override: outcomeOverride.optional(),
});
export const screening = z.object({
  id: uuid,
  personId: uuid,
  caseId: uuid,
  templateKey: z.string(),
  templateVersion: z.number(),
  screenedOn: z.string(),
  interviewLanguage: z.string().nullable(),
  interpreter: z.boolean(),
  flags: z.array(z.string()),
  riskLevel: z.enum(RISK_LEVELS),
  computedFlags: z.array(z.string()),
  computedRisk: z.enum(RISK_LEVELS),
  matchedRules: z.array(z.string()),
  overrideReason: z.string().nullable(),
  /** present only for those who may read protection answers */
  answers: z.record(z.string(), z.unknown()).optional(),
  screenedBy: z.string().nullable(),
  createdAt: z.string(),
  allowedActions,
});
/** Columns the screenings list sorts by (person = family name; riskLevel from low to critical). */
export const SCREENING_SORTS = ['screenedOn', 'person', 'riskLevel'] as const;
export type ScreeningSort = (typeof SCREENING_SORTS)[number];
/**
 * Without `personId`: the screenings in the reader's scope, newest first (or by `sort`), filtered.
 * A range with `to` before `from` is refused (400 on `to`).
 */
export const screeningListQuery = listQuery
  .extend({
    personId: uuid.optional(),
    flag: flag.optional(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    /** people held now in this centre */
    centreId: uuid.optional(),
    /** screened on or after / on or before (YYYY-MM-DD) */
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    ...sortParams(SCREENING_SORTS),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    error: 'Before the start of the range',
  });
/** A screening as listed: with the person's name and number (the list joins them anyway). */
export const screeningListed = screening.extend({ personName: z.string(), registrationNumber: z.string() });
export const screeningPage = countedPage(screeningListed);

/** A person whose latest screening raised a flag and who has no referral under way or done. */
export const awaitingReferral = z.object({
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  screeningId: uuid,
  screenedOn: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  flags: z.array(z.string()),
  /** the service the flags call for first (recommendedService), if any */
  recommendedService: z.enum(REFERRAL_SERVICES).nullable(),
  /** `referrals:create` when the reader may refer this person */
  allowedActions: z.array(z.string()),
});

/** What roles that see flags only (DESIGN §5 'f') may know: that flags exist, never why. */
export const protectionSummary = z.object({
  personId: uuid,
  flags: z.array(z.string()),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  lastScreenedOn: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  /** what the reader may do in protection for this person (`screenings:create`, …) */
  allowedActions: z.array(z.string()),
  /** the services the reader may refer this person for (the referral form offers only these) */
  referralServices: z.array(z.enum(REFERRAL_SERVICES)),
  /** the consent purposes the reader may record for this person (the consent form offers only these) */
  consentPurposes: z.array(z.enum(CONSENT_PURPOSES)),
});

// ---- referrals
export const referralCreate = z.strictObject({
  personId: uuid,
  recipientOrganisationId: uuid,
  service: z.enum(REFERRAL_SERVICES),
  urgency: z.enum(URGENCIES).default('routine'),
  reason: longText(4000),
  linkedFlags: z.array(z.string().max(60)).max(20).default([]),
  /** a protection officer may refer without consent, saying why (e.g. a child at imminent risk) */
  consentOverrideReason: z.string().trim().min(10).max(1000).optional(),
});
export const referralTransition = z.strictObject({
  to: z.enum(REFERRAL_STATUSES),
  version,
  note: z.string().trim().max(1000).optional(),
  consentOverrideReason: z.string().trim().min(10).max(1000).optional(),
});
export const referral = z.object({
  id: uuid,
  reference: z.string(),
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  caseId: uuid,
  recipientOrganisationId: uuid,
  recipientName: z.string(),
  service: z.enum(REFERRAL_SERVICES),
  urgency: z.enum(URGENCIES),
  /** empty when withheld: a medical referral's reason is medical data (see `reasonWithheld`) */
  reason: z.string(),
  /** true when the reader may not read this medical referral's reason (DESIGN §5) */
  reasonWithheld: z.boolean().optional(),
  linkedFlags: z.array(z.string()),
  status: z.enum(REFERRAL_STATUSES),
  consentId: uuid.nullable(),
  consentOverrideReason: z.string().nullable(),
  sentAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  events: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      at: z.string(),
      by: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  version,
  createdAt: z.string(),
  allowedActions,
});
/** GET /referrals/recipients: where a referral of this person for this service may go. */
export const referralRecipientsQuery = z.strictObject({
  personId: uuid,
  service: z.enum(REFERRAL_SERVICES),
});
export const referralRecipient = z.object({
  id: uuid,
  name: z.string(),
  nameAr: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.string(),
});
/** Columns the referrals list sorts by (person = family name, recipient = organisation name). */
export const REFERRAL_SORTS = ['createdAt', 'person', 'recipient', 'service', 'status', 'sentAt'] as const;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];
/** Without `sort`: newest first. */
export const referralListQuery = listQuery.extend({
  personId: uuid.optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  service: z.enum(REFERRAL_SERVICES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  recipientOrganisationId: uuid.optional(),
  ...sortParams(REFERRAL_SORTS),
});
export const referralPage = countedPage(referral);

// ---- cases
export const caseUpdate = z.strictObject({
  version,
  status: z.enum(CASE_STATUSES).optional(),
  closeReason: line(500).optional(),
  assignedUserId: uuid.nullable().optional(),
  organisationId: uuid.optional(),
});
export const protectionCase = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  assignedUserId: uuid.nullable(),
  assignedUsername: z.string().nullable(),
  /** the assignee's name as people know them (lists show this, not the username) */
  assignedName: z.string().nullable(),
  organisationId: uuid,
  organisationName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  /** the person's latest screening (null/[] if never screened), so lists need no call per row */
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  flags: z.array(z.string()),
  version,
  allowedActions,
});
/** Columns the cases list sorts by (risk: the latest screening's, none < low < … < critical). */
export const CASE_SORTS = ['person', 'status', 'assignee', 'organisation', 'openedOn', 'risk'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
/** Without `sort`: most recently opened first. */
export const caseListQuery = listQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  assignedTo: z.union([uuid, z.literal('me')]).optional(),
  personId: uuid.optional(),
  ...sortParams(CASE_SORTS),
});
export const casePage = countedPage(protectionCase);

// ---- notes
export const noteCreate = z.strictObject({
  personId: uuid,
  category: z.enum(NOTE_CATEGORIES),
  body: longText(20_000),
});
export const note = z.object({
  id: uuid,
  personId: uuid,
  caseId: uuid.nullable(),
  category: z.enum(NOTE_CATEGORIES),
  body: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
  allowedActions,
});
/** A note as listed without its text: the list is one audited read, each body one more. */
export const noteSummary = note.omit({ body: true });
export const noteListQuery = listQuery.extend({
  personId: uuid,
  // `false`: metadata only (no decryption, one list-read event); open a note by GET /notes/:id
  bodies: z.enum(['true', 'false']).default('true'),
});

// ---- tasks
export const taskCreate = z.strictObject({
  title: line(300),
  dueOn: plannedDate(),
  assigneeUserId: uuid,
  personId: uuid.optional(),
  referralId: uuid.optional(),
});
export const taskUpdate = z.strictObject({
  version,
  status: z.enum(['open', 'done']).optional(),
  dueOn: plannedDate().optional(),
  assigneeUserId: uuid.optional(),
  title: line(300).optional(),
});
export const task = z.object({
  id: uuid,
  title: z.string(),
  dueOn: z.string(),
  assigneeUserId: uuid,
  assigneeUsername: z.string().nullable(),
  /** null, with `personHidden`, when the reader may not see the person the task is about */
  personId: uuid.nullable(),
  personName: z.string().nullable(),
  personHidden: z.boolean(),
  referralId: uuid.nullable(),
  referralReference: z.string().nullable(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  version,
  allowedActions,
});
/** Someone a task about a person may be given to: an active user who may see that person. */
export const assignableUser = z.object({ id: uuid, username: z.string(), displayName: z.string() });
export const assignableUsersQuery = z.strictObject({ personId: uuid });
/** Columns the tasks list sorts by (assignee = username). */
export const TASK_SORTS = ['title', 'dueOn', 'assignee', 'status'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
/** Without `sort`: open before done, earliest due first. */
export const taskListQuery = listQuery.extend({
  mine: z.enum(['true', 'false']).optional(),
  status: z.enum(['open', 'done']).optional(),
  personId: uuid.optional(),
  referralId: uuid.optional(),
  ...sortParams(TASK_SORTS),
});
export const taskPage = countedPage(task);
