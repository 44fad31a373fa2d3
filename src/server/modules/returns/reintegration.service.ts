import { and, eq } from 'drizzle-orm';
import type { ReintegrationItemStatus } from '../../../domain/returns/reintegration';
import {
  addMonths,
  type ReintegrationItemCreate,
  type ReintegrationItemUpdate,
  type ReintegrationPlanInput,
  STARTED_STATUSES,
} from '../../../domain/returns/reintegration';
import {
  organisations,
  reintegrationFollowUps,
  reintegrationItems,
  reintegrationPlans,
} from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound, staleVersion, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { changedFields, created, updateVersioned } from '../../platform/records';
import { PLANNABLE, reintegrationItemPolicy, reintegrationPolicy } from './reintegration.policy';
import {
  loadItem,
  type PlanRow,
  planOfCase,
  reintegrationRecord,
  returnsSettingsOf,
} from './reintegration.queries';
import type { ReturnCaseRow } from './return-cases.queries';
import { moveCase } from './return-cases.service';
import { writesReturns } from './returns.policy';

// The writes of reintegration. Creating the plan moves the case arrived → reintegration_planned
// and schedules its follow-ups; the first item in progress or delivered moves it on to
// reintegration_in_progress. Both through moveCase (guarded, spanned, audited).

/** Implementing partners: any organisation but an embassy or an authority (they do not deliver aid). */
const NOT_PARTNERS = ['embassy', 'authority'];

async function checkPartner(w: Work, id: string): Promise<void> {
  const [o] = await w.tx
    .select({ kind: organisations.kind, active: organisations.active })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  const problem = !o
    ? 'No such organisation'
    : NOT_PARTNERS.includes(o.kind)
      ? 'An embassy or an authority cannot implement reintegration'
      : !o.active
        ? 'This organisation is no longer active'
        : null;
  if (problem) throw unprocessable(problem, [{ path: 'partnerOrganisationId', message: problem }]);
}

/** One follow-up per month of the mission's schedule, due that many months after arrival. */
async function scheduleFollowUps(w: Work, row: ReturnCaseRow): Promise<void> {
  const { followUpMonths } = await returnsSettingsOf(w);
  const arrived = row.arrivedOn ?? today(w);
  for (const months of followUpMonths) {
    const id = newId();
    const made = await w.tx
      .insert(reintegrationFollowUps)
      .values({
        ...created(w),
        id,
        caseId: row.id,
        personId: row.personId,
        monthsAfterArrival: months,
        dueOn: addMonths(arrived, months),
        createdByOrganisationId: w.actor.organisationId,
      })
      .onConflictDoNothing()
      .returning({ id: reintegrationFollowUps.id });
    if (made.length)
      await w.audit({
        action: 'create',
        entityType: 'reintegration_follow_up',
        entityId: id,
        changedFields: ['monthsAfterArrival', 'dueOn'],
        detail: { caseId: row.id },
      });
  }
}

/** Creates the case's plan (no version) or changes it (with its version). */
export async function savePlan(w: Work, row: ReturnCaseRow, body: ReintegrationPlanInput): Promise<PlanRow> {
  const existing = await planOfCase(w, row.id);
  const record = await reintegrationRecord(w, row, existing);
  const { version, ...fields } = body;
  if (!existing) {
    // a writer asking too early gets the reason (422); anyone else a 403
    if (writesReturns(w.actor, record.reach) && !PLANNABLE.includes(record.state))
      throw unprocessable('A reintegration plan is made once the person has arrived', [
        { path: 'caseId', message: 'The person has not arrived yet, or the case is over' },
      ]);
    authorize(w.actor, reintegrationPolicy, 'create', record);
    if (version !== undefined) throw staleVersion();
    await checkPartner(w, body.partnerOrganisationId);
    const id = newId();
    const [plan] = await w.tx
      .insert(reintegrationPlans)
      .values({
        ...created(w),
        id,
        caseId: row.id,
        personId: row.personId,
        ...fields,
        note: fields.note ?? null,
        createdByOrganisationId: w.actor.organisationId,
      })
      .returning();
    await w.audit({
      action: 'create',
      entityType: 'reintegration_plan',
      entityId: id,
      changedFields: Object.keys(fields),
      detail: { caseId: row.id },
    });
    await scheduleFollowUps(w, row);
    if (row.state === 'arrived') await moveCase(w, row, 'reintegration_planned');
    return plan!;
  }
  authorize(w.actor, reintegrationPolicy, 'update', record);
  if (version === undefined)
    throw unprocessable('Give the version of the plan you changed', [
      { path: 'version', message: 'Required to change the plan' },
    ]);
  if (fields.partnerOrganisationId !== existing.partnerOrganisationId)
    await checkPartner(w, fields.partnerOrganisationId);
  const patch = { ...fields, note: fields.note ?? null };
  const updated = await updateVersioned(w, reintegrationPlans, existing.id, version, patch);
  await w.audit({
    action: 'update',
    entityType: 'reintegration_plan',
    entityId: existing.id,
    changedFields: changedFields({ ...existing }, patch),
  });
  return updated;
}

/** The case moves to "in progress" with its first item started (facts are read after the write). */
async function startedMaybe(w: Work, row: ReturnCaseRow, status: ReintegrationItemStatus) {
  if (STARTED_STATUSES.includes(status) && row.state === 'reintegration_planned')
    await moveCase(w, row, 'reintegration_in_progress');
}

export async function addItem(w: Work, row: ReturnCaseRow, body: ReintegrationItemCreate): Promise<string> {
  const plan = await planOfCase(w, row.id);
  const record = await reintegrationRecord(w, row, plan);
  authorize(w.actor, reintegrationPolicy, 'add_item', record);
  if (!plan) throw notFound('Reintegration plan');
  const id = newId();
  await w.tx.insert(reintegrationItems).values({
    ...created(w),
    id,
    planId: plan.id,
    kind: body.kind,
    description: body.description,
    budgetMinor: body.budgetMinor,
    status: body.status,
    deliveredOn: body.status === 'delivered' ? (body.deliveredOn ?? null) : null,
  });
  await w.audit({
    action: 'create',
    entityType: 'reintegration_item',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { caseId: row.id, planId: plan.id },
  });
  await startedMaybe(w, row, body.status);
  return id;
}

export async function updateItem(w: Work, id: string, body: ReintegrationItemUpdate): Promise<ReturnCaseRow> {
  const { item, plan, row } = await loadItem(w, id, { lock: true });
  authorize(w.actor, reintegrationItemPolicy, 'update', await reintegrationRecord(w, row, plan));
  const { version, ...fields } = body;
  const status = (fields.status ?? item.status) as ReintegrationItemStatus;
  // the delivery day belongs to a delivered item only
  const deliveredOn = status === 'delivered' ? (fields.deliveredOn ?? item.deliveredOn) : null;
  if (status === 'delivered' && !deliveredOn)
    throw unprocessable('Give the day the item was delivered', [
      { path: 'deliveredOn', message: 'Give the day the item was delivered' },
    ]);
  const patch = { ...fields, deliveredOn };
  await updateVersioned(w, reintegrationItems, id, version, patch);
  await w.audit({
    action: 'update',
    entityType: 'reintegration_item',
    entityId: id,
    changedFields: changedFields({ ...item }, patch),
    detail: { caseId: row.id, planId: plan.id },
  });
  await startedMaybe(w, row, status);
  return row;
}
