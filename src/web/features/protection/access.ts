import { useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../auth/api.ts';

/**
 * What the user may do in protection, for showing buttons: the server still decides every request.
 * /me lists only `protection:read` and `tasks:read` for now. Once it lists the resources' own
 * capabilities (`screenings:create`, `screenings:override`, `referrals:override_consent`,
 * `tasks:create`, `protection:flags`), they are followed; until then readers are offered the
 * forms and shown the server's answer (403) when it refuses.
 */
export function useProtectionAccess() {
  const { data: me } = useSuspenseQuery(meQuery);
  const has = (c: string) => me.capabilities.includes(c);
  const told = me.capabilities.some((c) => c.startsWith('screenings:'));
  const reads = has('protection:read');
  return {
    me,
    reads,
    /** whether /me says who writes; if not, records' allowedActions are the next best word */
    told,
    writes: told ? has('screenings:create') : reads,
    /** true or false when the server says; null when unknown (offer it, show a refusal) */
    overrides: told ? has('screenings:override') : null,
    overridesConsent: told ? has('referrals:override_consent') : null,
    createsTasks: told ? has('tasks:create') : reads,
    /** flags-only roles ask for the summary; a refusal (403) is simply not shown */
    seesFlags: reads || has('protection:flags') || has('registry:read'),
    tasks: has('tasks:read'),
  };
}

/** Whether the user may override: /me when it tells, else records that carry the action, else unknown. */
export function mayOverride(
  told: boolean | null,
  records: readonly { allowedActions: readonly string[] }[],
  action: 'override' | 'override_consent',
): boolean | null {
  if (told !== null) return told;
  if (records.length === 0) return null;
  return records.some((r) => r.allowedActions.includes(action));
}

const CASE_WRITES = ['update', 'assign', 'hand_over', 'close', 'reopen', 'hold'];

/**
 * May the user write protection data about this person? /me when it tells; else the person's case,
 * whose allowedActions include a change only for those who write protection data; else readers.
 */
export function writesFor(
  access: { told: boolean; writes: boolean },
  cases: readonly { allowedActions: readonly string[] }[],
): boolean {
  if (access.told || cases.length === 0) return access.writes;
  return cases.some((c) => c.allowedActions.some((a) => CASE_WRITES.includes(a)));
}
