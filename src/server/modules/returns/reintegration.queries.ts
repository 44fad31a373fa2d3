import { and, asc, eq } from 'drizzle-orm';
import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../domain/returns/reintegration';
import type { ReturnState } from '../../../domain/returns/states';
import {
  organisations,
  reintegrationItems,
  reintegrationPlans,
  returnsSettings,
} from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { personReach } from '../registry/persons.scope';
import type { ReintegrationRecord } from './reintegration.policy';
import { loadReturnCase, type ReturnCaseRow } from './return-cases.queries';

// A case's reintegration plan and items, read through the case (so the case's scope is the
// plan's: 404 outside it), and the mission's returns settings.

export type PlanRow = typeof reintegrationPlans.$inferSelect;
export type ItemRow = typeof reintegrationItems.$inferSelect;

export async function planOfCase(w: Work, caseId: string): Promise<PlanRow | null> {
  const [plan] = await w.tx
    .select()
    .from(reintegrationPlans)
    .where(and(eq(reintegrationPlans.missionId, w.actor.missionId), eq(reintegrationPlans.caseId, caseId)));
  return plan ?? null;
}

export const itemsOf = (w: Work, planId: string): Promise<ItemRow[]> =>
  w.tx
    .select()
    .from(reintegrationItems)
    .where(and(eq(reintegrationItems.missionId, w.actor.missionId), eq(reintegrationItems.planId, planId)))
    .orderBy(asc(reintegrationItems.createdAt), asc(reintegrationItems.id));

/** The case as the reintegration policies see it. */
export const reintegrationRecord = async (
  w: Work,
  row: ReturnCaseRow,
  plan: PlanRow | null,
): Promise<ReintegrationRecord> => ({
  reach: await personReach(w, row.personId),
  state: row.state as ReturnState,
  planned: plan !== null,
});

/** An item with its plan and case (404 when the case is outside the actor's scope). */
export async function loadItem(w: Work, id: string, opts: { lock?: boolean } = {}) {
  const q = w.tx
    .select({ item: reintegrationItems, plan: reintegrationPlans })
    .from(reintegrationItems)
    .innerJoin(
      reintegrationPlans,
      and(
        eq(reintegrationPlans.missionId, reintegrationItems.missionId),
        eq(reintegrationPlans.id, reintegrationItems.planId),
      ),
    )
    .where(and(eq(reintegrationItems.missionId, w.actor.missionId), eq(reintegrationItems.id, id)));
  const [found] = await (opts.lock ? q.for('no key update') : q);
  if (!found) throw notFound('Reintegration item');
  const row = await loadReturnCase(w, found.plan.caseId, opts);
  return { ...found, row };
}

export async function partnerName(w: Work, id: string): Promise<string> {
  const [o] = await w.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  return o?.name ?? '';
}

/** The mission's returns settings (version 0: never saved, the defaults). */
export async function returnsSettingsOf(w: Work): Promise<{ followUpMonths: number[]; version: number }> {
  const [s] = await w.tx
    .select({ followUpMonths: returnsSettings.followUpMonths, version: returnsSettings.version })
    .from(returnsSettings)
    .where(eq(returnsSettings.missionId, w.actor.missionId));
  return s ?? { followUpMonths: [...DEFAULT_FOLLOW_UP_MONTHS], version: 0 };
}
