import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { type AlertRule, alertRule, DEFAULT_ALERT_RULES } from '../../../domain/health/alert-rules';
import type { AlertListQuery } from '../../../domain/health/surveillance';
import { alertRules, alerts, centres, users } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { type AlertRow, presentAlert } from './alerts.presenter';
import { surveillanceCentres } from './surveillance.scope';

// Alerts in the reader's scope (their centres' alerts), and the mission's effective rules.

const joined = <Q extends PgSelect>(q: Q) =>
  q
    .innerJoin(centres, and(eq(centres.missionId, alerts.missionId), eq(centres.id, alerts.centreId)))
    .leftJoin(users, and(eq(users.missionId, alerts.missionId), eq(users.id, alerts.actedBy)));

const alertScope = (w: Work): SQL =>
  and(eq(alerts.missionId, w.actor.missionId), surveillanceCentres(w, alerts.centreId)) as SQL;

const selectJoined = (w: Work, at: SQL<string> = sql<string>`''`) =>
  joined(
    w.tx
      .select({ a: alerts, centreName: centres.name, actedByName: users.displayName, at })
      .from(alerts)
      .$dynamic(),
  );

/** One alert in scope (404 otherwise). */
export async function loadAlert(w: Work, id: string): Promise<AlertRow> {
  const [row] = await selectJoined(w).where(and(alertScope(w), eq(alerts.id, id)));
  if (!row) throw notFound('Alert');
  return row;
}

const SORTS: Record<NonNullable<AlertListQuery['sort']>, SQL | PgColumn> = {
  raisedAt: alerts.raisedAt,
  week: alerts.week,
  status: alerts.status,
};

/** One counted page of alerts, newest first by default. */
export async function listAlerts(w: Work, q: AlertListQuery) {
  const where: (SQL | undefined)[] = [
    alertScope(w),
    q.status ? eq(alerts.status, q.status) : undefined,
    q.centreId ? eq(alerts.centreId, q.centreId) : undefined,
    q.syndrome ? eq(alerts.syndrome, q.syndrome) : undefined,
    q.week ? eq(alerts.week, q.week) : undefined,
  ];
  const k = chosenKeyset(q, SORTS, alerts.id, { column: alerts.raisedAt, descending: true });
  const found = await selectJoined(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.a.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(alerts)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items.map((r) => presentAlert(w, r)), nextCursor: p.nextCursor, ...counted };
}

/** The mission's own rules, in the order saved; none saved: the defaults. */
export async function effectiveRules(w: Work): Promise<{ rules: AlertRule[]; defaults: boolean }> {
  const stored = await w.tx
    .select({ rule: alertRules.rule, active: alertRules.active })
    .from(alertRules)
    .where(eq(alertRules.missionId, w.actor.missionId))
    .orderBy(alertRules.createdAt, alertRules.code);
  if (stored.length === 0) return { rules: [...DEFAULT_ALERT_RULES], defaults: true };
  // each was validated when saved; a row that no longer parses (a rule kind since removed) is skipped
  const rules = stored.flatMap((r) => {
    const parsed = alertRule.safeParse({ ...(r.rule as object), active: r.active });
    return parsed.success ? [parsed.data] : [];
  });
  return { rules, defaults: false };
}
