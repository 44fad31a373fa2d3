// Shapes of the counselling lists and follow-ups. The counselling API's branch adds them to the
// domain (src/domain/health/counselling-lists.ts and mhpss-follow-ups.ts); until it is merged they
// are restated here from those schemas. Once merged, import the domain's types instead.
import type { LocalisedText } from '../../../../domain/common/labels.ts';
import {
  type CounsellingSessionStub,
  type CounsellingSessionView,
  URGENT_FOLLOW_UP_TITLE,
} from '../../../../domain/health/counselling.ts';

/** A row of GET /counselling-sessions: the session without its notes and answers. */
export type CounsellingSessionListItem = Omit<CounsellingSessionView, 'notes' | 'measure'>;

/** GET /persons/:id/counselling: full sessions for counsellors, stubs for other identity readers. */
export type PersonCounselling = { sessions: CounsellingSessionView[]; stubs: CounsellingSessionStub[] };

export const FOLLOW_UP_REASONS = ['self_harm_risk', 'next_session'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

/** GET /mhpss-follow-ups items. */
export type MhpssFollowUp = {
  id: string;
  sessionId: string;
  personId: string;
  personName: string;
  registrationNumber: string;
  assignee: { id: string; name: string };
  dueOn: string;
  urgent: boolean;
  reason: FollowUpReason;
  status: 'open' | 'done';
  overdue: boolean;
  doneAt: string | null;
  version: number;
  allowedActions: string[];
};

/** The follow-up's title names no problem (a task list may be seen over a shoulder). */
export const FOLLOW_UP_REASON_LABELS: Record<FollowUpReason, LocalisedText> = {
  self_harm_risk: URGENT_FOLLOW_UP_TITLE,
  next_session: {
    en: 'Next counselling session',
    ar: 'جلسة الإرشاد النفسي التالية',
    fr: "Prochaine séance d'accompagnement psychologique",
  },
};
