import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateReturnCase, protectionClearance, updateReturnCase } from '../../../domain/returns/cases';
import { BLOCKER_LABELS } from '../../../domain/returns/labels';
import { checkTransition, type ReturnFacts, type ReturnState } from '../../../domain/returns/states';
import { missions, returnCases, returnStateSpans } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { conflict, staleVersion, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { changedFields, updateVersioned } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { placeOf } from '../registry/persons.scope';
import { caseFacts, type ReturnCaseRow, returnCaseRecord } from './return-cases.queries';
import { embassyOf, projectOf } from './return-documents.service';
import { returnCasePolicy } from './returns.policy';

// The writes that move a return case: opening it, and every transition (guarded by the domain's
// state machine on the facts of the day, audited, timed). Movements (departure, no-show), embassy
// answers and reintegration plans move cases through `moveCase`, never by updating `state`.

/** 422 listing every blocker, each in words (`code: return_blocked`, `errors[].path = 'to'`). */
export const blocked = (blockers: readonly (keyof typeof BLOCKER_LABELS)[]) =>
  unprocessable(
    blockers.map((b) => BLOCKER_LABELS[b].en).join('; '),
    blockers.map((b) => ({ path: 'to', message: BLOCKER_LABELS[b].en })),
    `return_${blockers[0] ?? 'blocked'}`,
  );

export async function openReturnCase(w: Work, body: CreateReturnCase): Promise<ReturnCaseRow> {
  const person = await loadPerson(w, body.personId);
  const place = await placeOf(w, person.id);
  authorize(w.actor, returnCasePolicy, 'create', {
    reach: place.reach,
    state: 'requested',
    next: [],
    blocked: false,
  });
  if (body.embassyOrganisationId) await embassyOf(w, body.embassyOrganisationId, 'embassyOrganisationId');
  if (body.projectId) await projectOf(w, body.projectId);
  const [m] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const year = w.now.getUTCFullYear();
  const reference = `${m?.code ?? 'SAN'}-RET-${year}-${String(await nextNumber(w, 'return', year)).padStart(5, '0')}`;
  const id = newId();
  const inserted = await w.tx
    .insert(returnCases)
    .values({
      missionId: w.actor.missionId,
      id,
      reference,
      personId: person.id,
      programme: body.programme,
      origin: body.origin,
      destinationCountry: body.destinationCountry,
      embassyOrganisationId: body.embassyOrganisationId ?? null,
      projectId: body.projectId ?? null,
      centreId: place.heldAt,
      requestedOn: body.requestedOn,
      state: 'requested',
      stateSince: w.now,
      createdByOrganisationId: w.actor.organisationId,
      createdBy: w.actor.userId,
      updatedBy: w.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  const row = inserted[0];
  if (!row) throw conflict('This person already has a return case in progress', 'return_case_open');
  await w.tx.insert(returnStateSpans).values({
    missionId: w.actor.missionId,
    id: newId(),
    caseId: id,
    state: 'requested',
    enteredAt: w.now,
    enteredBy: w.actor.userId,
  });
  await w.audit({
    action: 'create',
    entityType: 'return_case',
    entityId: id,
    changedFields: Object.keys(body),
  });
  return row;
}

/**
 * Moves a case to `to` if the state machine allows it on today's facts; otherwise 422 with every
 * blocker. Closes the current state's span and opens the next. `expectedVersion` is the client's
 * (omitted when another write — a departure, an embassy answer — moves the case).
 */
export async function moveCase(
  w: Work,
  row: ReturnCaseRow,
  to: ReturnState,
  opts: {
    reason?: string | null;
    expectedVersion?: number;
    facts?: ReturnFacts;
    patch?: Partial<ReturnCaseRow>;
  } = {},
): Promise<ReturnCaseRow> {
  const facts = opts.facts ?? (await caseFacts(w, row));
  const from = row.state as ReturnState;
  const check = checkTransition(from, to, facts, opts.reason);
  if (!check.ok) throw blocked(check.blockers);
  const reasoned = to === 'withdrawn' || to === 'ineligible' || to === 'no_show';
  const updated = await updateVersioned(w, returnCases, row.id, opts.expectedVersion ?? row.version, {
    ...opts.patch,
    state: to,
    stateSince: w.now,
    ...(reasoned ? { reasonClosed: opts.reason ?? null } : {}),
  });
  await w.tx
    .update(returnStateSpans)
    .set({ leftAt: w.now })
    .where(
      and(
        eq(returnStateSpans.missionId, w.actor.missionId),
        eq(returnStateSpans.caseId, row.id),
        isNull(returnStateSpans.leftAt),
      ),
    );
  await w.tx.insert(returnStateSpans).values({
    missionId: w.actor.missionId,
    id: newId(),
    caseId: row.id,
    state: to,
    enteredAt: w.now,
    enteredBy: w.actor.userId,
    reason: opts.reason ?? null,
  });
  await w.audit({
    action: 'transition',
    entityType: 'return_case',
    entityId: row.id,
    changedFields: ['state', ...(reasoned ? ['reasonClosed'] : []), ...Object.keys(opts.patch ?? {})],
    detail: { from, to },
  });
  return updated;
}

/** The transition a user asks for: authorized on the case's reach, then moved. */
export async function transitionCase(
  w: Work,
  row: ReturnCaseRow,
  body: { to: ReturnState; reason?: string; version: number },
): Promise<ReturnCaseRow> {
  // a client that read an older version learns that first, not the blockers of a state it never saw
  if (body.version !== row.version) throw staleVersion();
  const record = await returnCaseRecord(w, row);
  // a refused transition is a 422 naming what is missing, not a 403: the officer may act on it
  if (!record.next.includes(body.to)) {
    authorize(w.actor, returnCasePolicy, 'update', record);
    const check = checkTransition(row.state as ReturnState, body.to, record.facts, body.reason);
    if (!check.ok) throw blocked(check.blockers);
  }
  authorize(w.actor, returnCasePolicy, 'transition', record);
  return moveCase(w, row, body.to, {
    reason: body.reason,
    expectedVersion: body.version,
    facts: record.facts,
  });
}

/** Corrects the case's embassy, project or country of return (not its state: see transitions). */
export async function editReturnCase(
  w: Work,
  row: ReturnCaseRow,
  body: z.infer<typeof updateReturnCase>,
): Promise<ReturnCaseRow> {
  authorize(w.actor, returnCasePolicy, 'update', await returnCaseRecord(w, row));
  const { version, ...patch } = body;
  if (patch.embassyOrganisationId) await embassyOf(w, patch.embassyOrganisationId, 'embassyOrganisationId');
  if (patch.projectId) await projectOf(w, patch.projectId);
  const changed = changedFields(row, patch);
  const updated = await updateVersioned(w, returnCases, row.id, version, patch);
  if (changed.length)
    await w.audit({ action: 'update', entityType: 'return_case', entityId: row.id, changedFields: changed });
  return updated;
}

/**
 * A protection officer's documented decision that return is still appropriate for a person
 * flagged with a possible need for international protection: opens the gate. The reason tells
 * the person's story, so it is stored encrypted and shown only to those who read protection data.
 */
export async function clearProtection(
  w: Work,
  row: ReturnCaseRow,
  body: z.infer<typeof protectionClearance>,
): Promise<ReturnCaseRow> {
  authorize(w.actor, returnCasePolicy, 'clear_protection', await returnCaseRecord(w, row));
  const updated = await updateVersioned(w, returnCases, row.id, body.version, {
    clearanceReason: w.ctx.cipher.encrypt(body.reason),
    clearedBy: w.actor.userId,
    clearedAt: w.now,
  });
  await w.audit({
    action: 'update',
    entityType: 'return_case',
    entityId: row.id,
    changedFields: ['clearanceReason', 'clearedBy', 'clearedAt'],
    detail: { protectionClearance: true, personId: row.personId },
  });
  return updated;
}
