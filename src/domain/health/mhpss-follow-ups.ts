import { z } from 'zod';
import type { LocalisedText } from '../common/labels';
import { allowedActions, countedPage, listQuery, uuid, version } from '../common/schemas';
import { URGENT_FOLLOW_UP_TITLE } from './counselling';

// A counsellor's follow-ups: an urgent one when a session shows a risk of self-harm (due that
// day), a normal one for the next session planned. Only their assignee completes them.

export const FOLLOW_UP_REASONS = ['self_harm_risk', 'next_session'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;

export const mhpssFollowUp = z.object({
  id: uuid,
  sessionId: uuid,
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  assignee: z.object({ id: uuid, name: z.string() }),
  dueOn: z.string(),
  urgent: z.boolean(),
  reason: z.enum(FOLLOW_UP_REASONS),
  status: z.enum(FOLLOW_UP_STATUSES),
  /** due before today and still open */
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  version,
  allowedActions,
});
export type MhpssFollowUp = z.infer<typeof mhpssFollowUp>;

/** Without `mine=false`, the reader's own; open before done, earliest due first. */
export const followUpListQuery = listQuery.extend({
  mine: z.enum(['true', 'false']).default('true'),
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  personId: uuid.optional(),
  urgent: z.enum(['true', 'false']).optional(),
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;
export const followUpPage = countedPage(mhpssFollowUp);

export const followUpComplete = z.strictObject({ version });

// ---- labels

/** The follow-up's title: it names no problem (a task list may be seen over a shoulder). */
export const FOLLOW_UP_REASON_LABELS: Record<FollowUpReason, LocalisedText> = {
  self_harm_risk: URGENT_FOLLOW_UP_TITLE,
  next_session: {
    en: 'Next counselling session',
    ar: 'جلسة الإرشاد النفسي التالية',
    fr: "Prochaine séance d'accompagnement psychologique",
  },
};

export const FOLLOW_UP_STATUS_LABELS: Record<(typeof FOLLOW_UP_STATUSES)[number], LocalisedText> = {
  open: { en: 'Open', ar: 'مفتوحة', fr: 'Ouvert' },
  done: { en: 'Done', ar: 'منجزة', fr: 'Terminé' },
};
