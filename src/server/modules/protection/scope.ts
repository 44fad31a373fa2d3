import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Work } from '../../platform/http';
import { personRecordScope } from '../registry/persons.scope';

/** Which protection records an actor may see: the rule for any record about a person (DESIGN §5). */
export const recordScope = (
  w: Pick<Work, 'actor'>,
  t: { missionId: PgColumn; personId: PgColumn; createdByOrganisationId: PgColumn },
): SQL => personRecordScope(w, t, 'protection');
