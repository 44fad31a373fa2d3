import { and, eq } from 'drizzle-orm';
import { type Syndrome, syndromesOf } from '../../../domain/health/syndromes';
import { surveillanceCases } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { evaluateAlerts } from './alerts.service';

// A consultation counts once per syndrome its diagnoses map to (src/domain/health/syndromes.ts):
// one row each in surveillance_cases, which the weekly table and the alert rules read. They are
// derived, never typed: a correction of the diagnoses replaces them, and the rules are evaluated
// again for every syndrome that gained or lost a case.

export interface CasesOf {
  consultationId: string;
  centreId: string;
  week: string;
  personId: string;
  ageYears: number | null;
  dehydration: string;
  codes: readonly string[];
}

/** Replaces the consultation's cases with those of its diagnoses now; returns their syndromes. */
export async function recordCases(w: Work, c: CasesOf): Promise<Syndrome[]> {
  const mine = and(
    eq(surveillanceCases.missionId, w.actor.missionId),
    eq(surveillanceCases.consultationId, c.consultationId),
  );
  const before = await w.tx
    .delete(surveillanceCases)
    .where(mine)
    .returning({ syndrome: surveillanceCases.syndrome });
  const syndromes = [...new Set(c.codes.flatMap((code) => syndromesOf(code)))];
  if (syndromes.length)
    await w.tx.insert(surveillanceCases).values(
      syndromes.map((syndrome) => ({
        missionId: w.actor.missionId,
        consultationId: c.consultationId,
        syndrome,
        centreId: c.centreId,
        week: c.week,
        personId: c.personId,
        ageYears: c.ageYears,
        severeDehydration: c.dehydration === 'severe',
      })),
    );
  const touched = [...new Set([...before.map((b) => b.syndrome), ...syndromes])];
  if (touched.length) await evaluateAlerts(w, { centreId: c.centreId, week: c.week, syndromes: touched });
  return syndromes;
}
