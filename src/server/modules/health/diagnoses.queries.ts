import { and, eq, inArray } from 'drizzle-orm';
import {
  DIAGNOSES,
  type Diagnosis,
  type DiagnosisGroup,
  type DiagnosisView,
  diagnosisByCode,
} from '../../../domain/health/diagnoses';
import { healthConditions } from '../../db/schema/index';
import type { FieldError } from '../../platform/errors';
import type { Work } from '../../platform/http';

// The mission's diagnosis list: the built-in catalogue (src/domain/health/diagnoses.ts) and the
// conditions the mission added (health_conditions), searched as one.

type ConditionRow = typeof healthConditions.$inferSelect;

export const conditionOf = (r: ConditionRow): Diagnosis => ({
  code: r.code,
  group: r.group as DiagnosisGroup,
  names: { en: r.nameEn, ar: r.nameAr, fr: r.nameFr },
  terms: r.terms,
});

/** The built-in list followed by the mission's active additions (the built-in list alone when none). */
export async function missionCatalogue(w: Work): Promise<readonly Diagnosis[]> {
  const rows = await w.tx
    .select()
    .from(healthConditions)
    .where(and(eq(healthConditions.missionId, w.actor.missionId), eq(healthConditions.active, true)));
  // the built-in list is the same array each time, so its search keys are built once per process
  return rows.length ? [...DIAGNOSES, ...rows.map(conditionOf)] : DIAGNOSES;
}

export const viewOf = (d: Diagnosis): DiagnosisView => ({
  code: d.code,
  group: d.group,
  names: { en: d.names.en, ar: d.names.ar, fr: d.names.fr },
  builtIn: diagnosisByCode.get(d.code) === d,
});

/** A field error for each code that is in neither list (`diagnoses.N.code`). */
export async function unknownCodes(w: Work, codes: readonly string[]): Promise<FieldError[]> {
  const missing = codes.filter((c) => !diagnosisByCode.has(c));
  if (!missing.length) return [];
  const found = await w.tx
    .select({ code: healthConditions.code })
    .from(healthConditions)
    .where(
      and(
        eq(healthConditions.missionId, w.actor.missionId),
        eq(healthConditions.active, true),
        inArray(healthConditions.code, missing),
      ),
    );
  const known = new Set(found.map((f) => f.code));
  return codes.flatMap((c, i) =>
    diagnosisByCode.has(c) || known.has(c)
      ? []
      : [{ path: `diagnoses.${i}.code`, message: 'Not a diagnosis of the list' }],
  );
}
