import { z } from 'zod';
import { calendarDate, countedPage, listQuery, sortParams, uuid } from '../common/schemas';
import { COUNSELLING_SESSION_KINDS, counsellingSessionStub, counsellingSessionView } from './counselling';

// The API's lists of counselling sessions (server and web forms share them).

/** Columns the counsellors' list sorts by; without `sort`, latest session first. */
export const COUNSELLING_SORTS = ['heldOn', 'centre'] as const;

export const counsellingListQuery = listQuery.extend({
  personId: uuid.optional(),
  centreId: uuid.optional(),
  kind: z.enum(COUNSELLING_SESSION_KINDS).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  ...sortParams(COUNSELLING_SORTS, 'desc'),
});
export type CounsellingListQuery = z.infer<typeof counsellingListQuery>;

/**
 * A row of the list: the session without its decrypted parts (notes, answers), so a list read
 * reveals no free text; opening one session (an audited read) shows them.
 */
export const counsellingSessionListItem = counsellingSessionView.omit({ notes: true, measure: true });
export const counsellingSessionPage = countedPage(counsellingSessionListItem);

/**
 * A person's sessions, latest first: `sessions` in full for counsellors who reach them; `stubs`,
 * for everyone else who reads the person, say only that a session took place.
 */
export const personCounselling = z.object({
  sessions: z.array(counsellingSessionView),
  stubs: z.array(counsellingSessionStub),
});
export type PersonCounselling = z.infer<typeof personCounselling>;
