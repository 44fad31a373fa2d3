import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { protectionSummary } from '../../../domain/protection/records';
import { screenings } from '../../db/schema/index';
import type { Work } from '../../platform/http';

type Risk = z.infer<typeof protectionSummary>['riskLevel'];
export type LatestScreening = { flags: string[]; riskLevel: Risk; screenedOn: string | null };

export const NO_SCREENING: LatestScreening = { flags: [], riskLevel: null, screenedOn: null };

/**
 * Each person's latest screening (flags and risk level), in ONE query for a whole page of people:
 * lists carry it rather than the web app asking once per row. As in the protection summary, the
 * latest screening counts whoever recorded it: a risk must reach whoever follows the person.
 */
export async function latestScreenings(w: Work, personIds: string[]): Promise<Map<string, LatestScreening>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await w.tx
    .selectDistinctOn([screenings.personId], {
      personId: screenings.personId,
      flags: screenings.flags,
      riskLevel: screenings.riskLevel,
      screenedOn: screenings.screenedOn,
    })
    .from(screenings)
    .where(and(eq(screenings.missionId, w.actor.missionId), inArray(screenings.personId, ids)))
    .orderBy(screenings.personId, desc(screenings.screenedOn), desc(screenings.createdAt));
  return new Map(
    rows.map((r) => [
      r.personId,
      { flags: r.flags, riskLevel: r.riskLevel as Risk, screenedOn: r.screenedOn },
    ]),
  );
}
