import { z } from 'zod';
import { calendarDate, countedPage, listQuery, queryText, sortParams, uuid } from '../common/schemas';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'deactivate',
  'reactivate',
  'delete',
  'read',
  'export',
  'share',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'totp_enrol',
  'merge',
  'unmerge',
  'withdraw',
  'close',
  'transition',
  'override',
  'duplicate_review',
  'password_reset',
  'totp_reset',
  'transfer',
] as const;

export const auditEvent = z.object({
  seq: z.number(),
  id: uuid,
  at: z.string(),
  actorId: uuid.nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changedFields: z.array(z.string()),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Columns the audit log sorts by; without `sort`, by time (`at`). */
export const AUDIT_SORTS = ['at', 'actor', 'action', 'entityType'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

export const auditListQuery = listQuery.extend({
  actor: queryText(64).optional(),
  entityType: queryText(64).optional(),
  entityId: queryText(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** newest first unless `order=asc`; `at` sorts by the chain's sequence (the order of recording) */
  ...sortParams(AUDIT_SORTS, 'desc'),
});
export const auditPage = countedPage(auditEvent);
