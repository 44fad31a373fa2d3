import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { RISK_LEVELS } from '../../../domain/protection/flags';
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

const RANKS = sql.raw(`array[${RISK_LEVELS.map((l) => `'${l}'`).join(',')}]::text[]`);
/** A risk level as a number for sorting: low 1 … critical 4. */
export const riskRank = (level: SQL | PgColumn): SQL<number> =>
  sql<number>`array_position(${RANKS}, ${level})`;

/**
 * The person's latest screening's risk as a rank for sorting (0 never screened, then low 1 …
 * critical 4), from the same screening `latestScreenings` picks: a subquery per listed row.
 */
export const latestRiskRank = (missionId: PgColumn, personId: PgColumn): SQL<number> =>
  sql<number>`coalesce((select ${riskRank(sql`s.risk_level`)} from ${screenings} s
    where s.mission_id = ${missionId} and s.person_id = ${personId}
    order by s.screened_on desc, s.created_at desc limit 1), 0)`;
