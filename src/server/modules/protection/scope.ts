import { and, eq, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { consents, referrals } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { personRecordScope } from '../registry/persons.scope';
import { MEDICAL_PURPOSE, MEDICAL_SERVICE } from './protection.policy';

/** Which protection records an actor may see: the rule for any record about a person (DESIGN §5). */
export const recordScope = (
  w: Pick<Work, 'actor'>,
  t: { missionId: PgColumn; personId: PgColumn; createdByOrganisationId: PgColumn },
): SQL => personRecordScope(w, t, 'protection');

/** Referrals: all of protection's, and the medical ones (hospital) for those who read medical data. */
export const referralScope = (w: Pick<Work, 'actor'>): SQL =>
  or(
    recordScope(w, referrals),
    and(eq(referrals.service, MEDICAL_SERVICE), personRecordScope(w, referrals, 'medical')),
  ) as SQL;

/** Consents: all of protection's, and the `medical` ones for those who read medical data. */
export const consentScope = (w: Pick<Work, 'actor'>): SQL =>
  or(
    recordScope(w, consents),
    and(eq(consents.purpose, MEDICAL_PURPOSE), personRecordScope(w, consents, 'medical')),
  ) as SQL;
