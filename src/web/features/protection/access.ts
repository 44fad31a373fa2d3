import { useSuspenseQuery } from '@tanstack/react-query';
import { can } from '../../components/record/record.ts';
import { meQuery } from '../auth/api.ts';

// The web app never decides who may do what: it shows what the server says. Two words from the
// server, both computed by the resource policies the routes call:
//   - /me capabilities: what the user may do somewhere in their scope (menus, pages without a record);
//   - a record's allowedActions: what they may do on THAT record (the person's protection summary
//     for actions about one person: may screen, refer, override for this person).
// The server still checks every request; a refusal is shown as the server words it.

/** The protection actions a page may offer on one person, as the person's summary lists them. */
export type PersonProtectionAction =
  | 'screenings:create'
  | 'screenings:override'
  | 'referrals:create'
  | 'referrals:override_consent'
  | 'consents:create'
  | 'notes:create'
  | 'tasks:create';

/**
 * The protection actions a person's page offers, each exactly when the server lists it for that
 * person: nothing here looks at roles, so a page cannot drift from the policies.
 */
export function personOffers(summary: { allowedActions: readonly string[] } | null | undefined) {
  const may = (a: PersonProtectionAction) => can(summary ?? undefined, a);
  return {
    screen: may('screenings:create'),
    overrideScreening: may('screenings:override'),
    refer: may('referrals:create'),
    overrideConsent: may('referrals:override_consent'),
    recordConsent: may('consents:create'),
    writeNote: may('notes:create'),
    setTask: may('tasks:create'),
  };
}

/** What /me says the user may do in protection, anywhere in their scope. */
export function useProtectionAccess() {
  const { data: me } = useSuspenseQuery(meQuery);
  const has = (c: string) => me.capabilities.includes(c);
  return {
    me,
    reads: has('protection:read'),
    /** flags-only roles (DESIGN §5 'f') and readers see the summary of a person's flags */
    seesFlagSummary: has('protection:flags'),
    createsTasks: has('tasks:create'),
    tasks: has('tasks:read'),
  };
}
