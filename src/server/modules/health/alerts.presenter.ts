import type { AlertView } from '../../../domain/health/surveillance';
import type { alerts } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { alertPolicy } from './health.policy';

/** An alert row with its centre's name and the name of who last acted (as the queries join them). */
export interface AlertRow {
  a: typeof alerts.$inferSelect;
  centreName: string;
  actedByName: string | null;
}

/** What the alert policy sees: where the alert is reached (its centre) and its status. */
export const alertRecord = (r: Pick<AlertRow, 'a'>) => ({ reach: [r.a.centreId], status: r.a.status });

export const presentAlert = (w: Work, r: AlertRow): AlertView => ({
  id: r.a.id,
  centreId: r.a.centreId,
  centreName: r.centreName,
  week: r.a.week,
  syndrome: r.a.syndrome as AlertView['syndrome'],
  ruleCode: r.a.ruleCode,
  kind: r.a.kind as AlertView['kind'],
  value: r.a.value === null ? null : Number(r.a.value),
  threshold: Number(r.a.threshold),
  cases: r.a.cases,
  status: r.a.status as AlertView['status'],
  raisedAt: r.a.raisedAt.toISOString(),
  actedBy: r.a.actedBy ? { id: r.a.actedBy, name: r.actedByName ?? '' } : null,
  actedAt: r.a.actedAt ? r.a.actedAt.toISOString() : null,
  note: r.a.note,
  version: r.a.version,
  allowedActions: allowedActions(w.actor, alertPolicy, alertRecord(r)),
});
