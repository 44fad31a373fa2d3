import {
  budgetTotals,
  type ReintegrationItemKind,
  type ReintegrationItemStatus,
  type ReintegrationView,
} from '../../../domain/returns/reintegration';
import type { ReturnState } from '../../../domain/returns/states';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { reintegrationItemPolicy, reintegrationPolicy } from './reintegration.policy';
import { itemsOf, type PlanRow, partnerName, planOfCase, reintegrationRecord } from './reintegration.queries';
import type { ReturnCaseRow } from './return-cases.queries';

/** The case's reintegration as the API gives it: the plan (or none), its items and totals. */
export async function presentReintegration(
  w: Work,
  row: ReturnCaseRow,
  known?: PlanRow | null,
): Promise<ReintegrationView> {
  const plan = known === undefined ? await planOfCase(w, row.id) : known;
  const record = await reintegrationRecord(w, row, plan);
  const items = plan ? await itemsOf(w, plan.id) : [];
  const itemActions = allowedActions(w.actor, reintegrationItemPolicy, record);
  return {
    caseId: row.id,
    caseState: row.state as ReturnState,
    arrivedOn: row.arrivedOn,
    plan: plan && {
      id: plan.id,
      partner: { id: plan.partnerOrganisationId, name: await partnerName(w, plan.partnerOrganisationId) },
      currency: plan.currency,
      agreedOn: plan.agreedOn,
      note: plan.note,
      items: items.map((i) => ({
        id: i.id,
        kind: i.kind as ReintegrationItemKind,
        description: i.description,
        budgetMinor: i.budgetMinor,
        status: i.status as ReintegrationItemStatus,
        deliveredOn: i.deliveredOn,
        version: i.version,
        allowedActions: itemActions,
      })),
      version: plan.version,
      createdAt: iso(plan.createdAt),
    },
    totals: plan ? budgetTotals(items.map((i) => ({ ...i, currency: plan.currency }))) : [],
    allowedActions: allowedActions(w.actor, reintegrationPolicy, record),
  };
}
