import { eq, sql } from 'drizzle-orm';
import {
  type AlertRule,
  type AlertStatus,
  type AlertTransition,
  BASELINE_WEEKS,
  canTransition,
  evaluateRules,
  type RuleOutcome,
} from '../../../domain/health/alert-rules';
import { SYNDROMES, type Syndrome } from '../../../domain/health/syndromes';
import { addWeeks, isoWeekOf, weeksBetween } from '../../../domain/health/weeks';
import { alertRules, alerts } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { staleVersion, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created, updateVersioned } from '../../platform/records';
import { type AlertRow, alertRecord } from './alerts.presenter';
import { effectiveRules } from './alerts.queries';
import { alertPolicy } from './health.policy';
import { centreWeeksOf } from './surveillance.queries';

// Alerts are raised in the transaction of the consultation that crosses a rule, so the mission
// learns of a suspected measles case when it is recorded, not at the end of the week.

export interface CasesRecorded {
  centreId: string;
  /** ISO week, e.g. 2026-W53 */
  week: string;
  /** the syndromes the consultation counted for */
  syndromes: readonly string[];
}

const isSyndrome = (s: string): s is Syndrome => (SYNDROMES as readonly string[]).includes(s);

/**
 * Evaluates the mission's alert rules for these syndromes at this centre and week (and the weeks
 * after it, for a backdated consultation, whose doubling baseline it changes), inserting or
 * updating alerts. Called by the consultation service after it writes `surveillance_cases`.
 * A handful of statements: the rules, the centre's weeks (four), one upsert, and an audit event
 * per alert raised.
 */
export async function evaluateAlerts(w: Work, recorded: CasesRecorded): Promise<void> {
  const syndromes = [...new Set(recorded.syndromes)].filter(isSyndrome);
  if (syndromes.length === 0) return;
  const asked = (await effectiveRules(w)).rules.filter((r) => r.active && syndromes.includes(r.syndrome));
  if (asked.length === 0) return;
  const doubling = asked.filter((r) => r.kind === 'doubling');
  // a backdated case is in the baseline of the (up to) three weeks after it, none in the future
  const thisWeek = isoWeekOf(today(w));
  const later = doubling.length
    ? weeksBetween(addWeeks(recorded.week, 1), addWeeks(recorded.week, BASELINE_WEEKS)).filter(
        (wk) => wk <= thisWeek,
      )
    : [];
  const targets = [recorded.week, ...later];
  const span = weeksBetween(
    addWeeks(recorded.week, -BASELINE_WEEKS),
    targets[targets.length - 1] ?? recorded.week,
  );
  const weeks = await centreWeeksOf(w, recorded.centreId, span, syndromes);
  const fired: { week: string; o: RuleOutcome }[] = [];
  for (const target of targets) {
    const current = weeks.find((x) => x.week === target);
    if (!current) continue; // before the centre's first clinic: nothing to say
    const previous = weeks.filter((x) => x.week < target);
    const rules = target === recorded.week ? asked : doubling;
    for (const o of evaluateRules(rules, current, previous)) if (o.fired) fired.push({ week: target, o });
  }
  if (fired.length === 0) return;
  const base = created(w);
  const raised = await w.tx
    .insert(alerts)
    .values(
      fired.map(({ week, o }) => ({
        ...base,
        id: newId(),
        centreId: recorded.centreId,
        week,
        syndrome: o.syndrome,
        ruleCode: o.ruleCode,
        kind: o.kind,
        value: o.value,
        threshold: o.threshold,
        cases: o.cases,
        status: 'new',
        raisedAt: w.now,
      })),
    )
    // one alert per centre, week and rule: a later case updates its figures, not its status
    // (nor its version: a clinician verifying it is not refused because a case came in)
    .onConflictDoUpdate({
      target: [alerts.missionId, alerts.centreId, alerts.week, alerts.ruleCode],
      set: {
        value: sql`excluded.value`,
        threshold: sql`excluded.threshold`,
        cases: sql`excluded.cases`,
        kind: sql`excluded.kind`,
        updatedAt: w.now,
        updatedBy: w.actor.userId,
      },
    })
    // xmax is 0 on a row this statement inserted, set on one it updated
    .returning({
      id: alerts.id,
      week: alerts.week,
      ruleCode: alerts.ruleCode,
      inserted: sql<boolean>`(xmax = 0)`,
    });
  for (const a of raised.filter((r) => r.inserted)) {
    const o = fired.find((f) => f.week === a.week && f.o.ruleCode === a.ruleCode)?.o;
    await w.audit({
      action: 'create',
      entityType: 'alert',
      entityId: a.id,
      // the rule and its figures: no one is named
      detail: {
        centreId: recorded.centreId,
        week: a.week,
        ruleCode: a.ruleCode,
        syndrome: o?.syndrome,
        cases: o?.cases,
      },
    });
  }
}

const ACTION = { verified: 'verify', discarded: 'discard', responded: 'respond' } as const;

/** Moves an alert on (verified, discarded, responded), recording who acted, when, and the note. */
export async function transitionAlert(w: Work, row: AlertRow, body: AlertTransition) {
  if (row.a.version !== body.version) throw staleVersion();
  const from = row.a.status as AlertStatus;
  if (!canTransition(from, body.status))
    throw unprocessable(
      `An alert that is ${from} cannot become ${body.status}`,
      [{ path: 'status', message: `Not allowed from ${from}` }],
      'alert_transition_not_allowed',
    );
  authorize(w.actor, alertPolicy, ACTION[body.status], alertRecord(row));
  await updateVersioned(w, alerts, row.a.id, body.version, {
    status: body.status,
    actedBy: w.actor.userId,
    actedAt: w.now,
    note: body.note ?? null,
  });
  await w.audit({
    action: 'transition',
    entityType: 'alert',
    entityId: row.a.id,
    changedFields: ['status', 'actedBy', 'actedAt', ...(body.note || row.a.note ? ['note'] : [])],
    detail: { from, to: body.status },
  });
}

/**
 * Replaces the mission's rules, all or nothing (the body is validated whole first); an empty list
 * goes back to the defaults.
 */
export async function saveRules(w: Work, rules: readonly AlertRule[]) {
  const seen = new Map<string, number>();
  const errors = rules.flatMap((r, i) => {
    const first = seen.get(r.code);
    if (first === undefined) seen.set(r.code, i);
    return first === undefined
      ? []
      : [{ path: `rules.${i}.code`, message: `Same code as rule ${first + 1}` }];
  });
  if (errors.length) throw unprocessable('Each rule needs its own code', errors, 'alert_rule_duplicate_code');
  const before = await effectiveRules(w);
  await w.tx.delete(alertRules).where(eq(alertRules.missionId, w.actor.missionId));
  if (rules.length) {
    const base = created(w);
    await w.tx
      .insert(alertRules)
      .values(rules.map((r) => ({ ...base, code: r.code, rule: r, active: r.active })));
  }
  const was = new Map(before.rules.map((r) => [r.code, JSON.stringify(r)]));
  const now = new Map(rules.map((r) => [r.code, JSON.stringify(r)]));
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((c) => was.get(c) !== now.get(c));
  await w.audit({
    action: 'update',
    entityType: 'alert_rules',
    changedFields: changed,
    detail: { rules: rules.length, defaults: rules.length === 0 },
  });
}
