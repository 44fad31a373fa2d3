import { and, eq } from 'drizzle-orm';
import type { ReferralService, ShareableField } from '../../../domain/protection/records';
import { sharingProfiles } from '../../db/schema/index';
import type { Work } from '../../platform/http';

/** The fields an organisation may receive and the services it takes; none until an administrator says otherwise. */
export async function profileOf(w: Work, organisationId: string) {
  const [row] = await w.tx
    .select()
    .from(sharingProfiles)
    .where(
      and(
        eq(sharingProfiles.missionId, w.actor.missionId),
        eq(sharingProfiles.organisationId, organisationId),
      ),
    );
  return {
    fields: (row?.fields ?? []) as ShareableField[],
    services: (row?.services ?? []) as ReferralService[],
    version: row?.version ?? null,
  };
}
