import { and, eq, inArray } from 'drizzle-orm';
import {
  type CounsellingSessionCreate,
  type CounsellingSessionUpdate,
  needsUrgentFollowUp,
  sessionIssues,
  urgentFollowUpDueOn,
} from '../../../domain/health/counselling';
import { type DistressMeasure, scoreMeasure } from '../../../domain/health/distress';
import type { FollowUpReason } from '../../../domain/health/mhpss-follow-ups';
import { centres, counsellingParticipants, counsellingSessions, mhpssFollowUps } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { changedFields, created, updateVersioned } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { placesOf } from '../registry/persons.scope';
import { counsellingPolicy } from './counselling.policy';
import { loadSession, participantsOf, recordOf, type SessionRow } from './counselling.queries';

// Writes of counselling sessions. A session, its people and the follow-ups it calls for are
// written in one transaction: an answer showing thoughts of self-harm never exists without the
// counsellor's urgent follow-up. Score and band are computed here and kept in clear (reporting);
// the answers and the notes are encrypted.

/** The stored columns of a measure (or of none). */
function measureColumns(w: Work, m: DistressMeasure | null | undefined) {
  if (!m) return { instrument: null, score: null, band: null, selfHarm: null, answers: null };
  const { score, band } = scoreMeasure(m);
  return {
    instrument: m.instrument,
    score,
    band,
    selfHarm: m.selfHarmThoughts,
    answers: w.ctx.cipher.encrypt(JSON.stringify(m.answers)),
  };
}

/** People the actor can see (404 otherwise), and the session as the policy sees it with them. */
async function reachOf(w: Work, centreId: string, personIds: readonly string[]) {
  for (const id of personIds) await loadPerson(w, id);
  return recordOf(centreId, personIds, await placesOf(w, personIds));
}

async function activeCentre(w: Work, centreId: string) {
  const [c] = await w.tx
    .select({ active: centres.active })
    .from(centres)
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.id, centreId)));
  if (!c?.active)
    throw unprocessable('No such active centre', [{ path: 'centreId', message: 'Unknown or closed centre' }]);
}

/** One follow-up per person for the session's counsellor, each audited. */
async function addFollowUps(
  w: Work,
  s: Pick<SessionRow, 'id' | 'counsellorUserId'>,
  personIds: readonly string[],
  f: { reason: FollowUpReason; dueOn: string; urgent: boolean },
) {
  for (const personId of personIds) {
    const id = newId();
    await w.tx.insert(mhpssFollowUps).values({
      ...created(w),
      id,
      sessionId: s.id,
      personId,
      assigneeUserId: s.counsellorUserId,
      dueOn: f.dueOn,
      urgent: f.urgent,
      reason: f.reason,
      status: 'open',
      createdByOrganisationId: w.actor.organisationId,
    });
    await w.audit({
      action: 'create',
      entityType: 'mhpss_follow_up',
      entityId: id,
      changedFields: ['dueOn', 'reason', 'assigneeUserId'],
      // no urgency nor reason in the trail: administrators read it, and urgency means self-harm
      detail: { sessionId: s.id, personId },
    });
  }
}

export async function createSession(w: Work, body: CounsellingSessionCreate): Promise<string> {
  authorize(w.actor, counsellingPolicy, 'create'); // may write counselling somewhere at all?
  await activeCentre(w, body.centreId);
  authorize(w.actor, counsellingPolicy, 'create', await reachOf(w, body.centreId, body.personIds));
  const id = newId();
  const urgent = needsUrgentFollowUp(body);
  const s = { id, counsellorUserId: w.actor.userId };
  await w.tx.insert(counsellingSessions).values({
    ...created(w),
    ...s,
    kind: body.kind,
    centreId: body.centreId,
    heldOn: body.heldOn,
    durationMinutes: body.durationMinutes,
    createdByOrganisationId: w.actor.organisationId,
    presentingProblems: body.presentingProblems,
    interventions: body.interventions,
    ...measureColumns(w, body.measure),
    urgent,
    notes: body.notes ? w.ctx.cipher.encrypt(body.notes) : null,
    nextSessionOn: body.nextSessionOn ?? null,
    interpreterUsed: body.interpreterUsed,
  });
  await w.tx.insert(counsellingParticipants).values(
    body.personIds.map((personId) => ({
      missionId: w.actor.missionId,
      sessionId: id,
      personId,
      createdByOrganisationId: w.actor.organisationId,
    })),
  );
  await w.audit({
    action: 'create',
    entityType: 'counselling_session',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { personIds: body.personIds },
  });
  if (urgent)
    await addFollowUps(w, s, body.personIds, {
      reason: 'self_harm_risk',
      dueOn: urgentFollowUpDueOn(body.heldOn),
      urgent: true,
    });
  if (body.nextSessionOn)
    await addFollowUps(w, s, body.personIds, {
      reason: 'next_session',
      dueOn: body.nextSessionOn,
      urgent: false,
    });
  return id;
}

/** The session's follow-ups of one reason, by person. */
async function followUpsOf(w: Work, sessionId: string, reason: FollowUpReason) {
  return w.tx
    .select()
    .from(mhpssFollowUps)
    .where(
      and(
        eq(mhpssFollowUps.missionId, w.actor.missionId),
        eq(mhpssFollowUps.sessionId, sessionId),
        eq(mhpssFollowUps.reason, reason),
      ),
    );
}

/**
 * Keeps one open next-session follow-up per person on the planned day (none without one). A new
 * one is added when the day changes or the person joins: a completed one stays completed.
 */
async function replanNextSession(
  w: Work,
  s: SessionRow,
  personIds: readonly string[],
  renew: (personId: string) => boolean,
) {
  const open = (await followUpsOf(w, s.id, 'next_session')).filter((f) => f.status === 'open');
  for (const f of open) {
    if (s.nextSessionOn && personIds.includes(f.personId)) {
      if (f.dueOn === s.nextSessionOn) continue;
      await updateVersioned(w, mhpssFollowUps, f.id, f.version, { dueOn: s.nextSessionOn });
      await w.audit({
        action: 'update',
        entityType: 'mhpss_follow_up',
        entityId: f.id,
        changedFields: ['dueOn'],
      });
    } else {
      // no next session planned any more (or the person left the session)
      await w.tx
        .delete(mhpssFollowUps)
        .where(and(eq(mhpssFollowUps.missionId, w.actor.missionId), eq(mhpssFollowUps.id, f.id)));
      await w.audit({ action: 'delete', entityType: 'mhpss_follow_up', entityId: f.id });
    }
  }
  if (!s.nextSessionOn) return;
  const held = new Set(open.map((f) => f.personId));
  const missing = personIds.filter((id) => !held.has(id) && renew(id));
  await addFollowUps(w, s, missing, { reason: 'next_session', dueOn: s.nextSessionOn, urgent: false });
}

/**
 * Replaces the session's people by `next` (the footprint trigger records the added ones). Urgent
 * and completed follow-ups of someone removed stay: they record what the counsellor had to do.
 */
async function replacePeople(w: Work, sessionId: string, before: readonly string[], next: readonly string[]) {
  const gone = before.filter((id) => !next.includes(id));
  const added = next.filter((id) => !before.includes(id));
  if (gone.length)
    await w.tx
      .delete(counsellingParticipants)
      .where(
        and(
          eq(counsellingParticipants.missionId, w.actor.missionId),
          eq(counsellingParticipants.sessionId, sessionId),
          inArray(counsellingParticipants.personId, gone),
        ),
      );
  if (added.length)
    await w.tx.insert(counsellingParticipants).values(
      added.map((personId) => ({
        missionId: w.actor.missionId,
        sessionId,
        personId,
        createdByOrganisationId: w.actor.organisationId,
      })),
    );
}

export async function updateSession(w: Work, id: string, body: CounsellingSessionUpdate): Promise<void> {
  authorize(w.actor, counsellingPolicy, 'update'); // a counsellor somewhere at all?
  const h = await loadSession(w, id, true);
  const { s } = h;
  const before = (await participantsOf(w, [id])).get(id)?.map((x) => x.personId) ?? [];
  authorize(w.actor, counsellingPolicy, 'update', await reachOf(w, s.centreId, before));
  const { version, measure, notes, personIds: _people, ...plain } = body;
  const personIds = body.personIds ?? before;
  const kind = plain.kind ?? (s.kind as 'individual' | 'group');
  const measureNow = measure === undefined ? (s.instrument ? ({} as object) : null) : measure;
  const issues = sessionIssues({
    kind,
    personIds,
    measure: measureNow,
    heldOn: plain.heldOn ?? s.heldOn,
    nextSessionOn: plain.nextSessionOn === undefined ? s.nextSessionOn : plain.nextSessionOn,
  });
  if (issues.length)
    throw unprocessable(
      'These changes do not fit the rest of the session',
      issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      'session_rules',
    );
  if (plain.centreId && plain.centreId !== s.centreId) await activeCentre(w, plain.centreId);
  // the changed session must be the actor's to write as well
  authorize(w.actor, counsellingPolicy, 'update', await reachOf(w, plain.centreId ?? s.centreId, personIds));

  const patch: Record<string, unknown> = { ...plain };
  if (measure !== undefined) Object.assign(patch, measureColumns(w, measure));
  if (notes !== undefined) patch.notes = notes === null ? null : w.ctx.cipher.encrypt(notes);
  const presentingProblems = plain.presentingProblems ?? (s.presentingProblems as string[]);
  const selfHarmThoughts = measure === undefined ? s.selfHarm : measure?.selfHarmThoughts;
  const urgentNow = needsUrgentFollowUp({
    presentingProblems,
    measure: selfHarmThoughts ? { selfHarmThoughts } : null,
  });
  if (urgentNow && !s.urgent) patch.urgent = true; // once raised, the record keeps that it was
  const fields = [
    ...changedFields(s as unknown as Record<string, unknown>, plain as Record<string, unknown>),
    ...(body.personIds && changedFields({ p: [...before].sort() }, { p: [...personIds].sort() }).length
      ? ['personIds']
      : []),
    ...(measure !== undefined ? ['measure'] : []),
    ...(notes !== undefined ? ['notes'] : []),
  ];
  const row = await updateVersioned(w, counsellingSessions, id, version, patch);
  if (body.personIds) await replacePeople(w, id, before, personIds);
  await w.audit({
    action: 'update',
    entityType: 'counselling_session',
    entityId: id,
    changedFields: fields,
    detail: body.personIds ? { personIds } : null,
  });
  if (urgentNow) {
    const have = new Set((await followUpsOf(w, id, 'self_harm_risk')).map((f) => f.personId));
    await addFollowUps(
      w,
      row,
      personIds.filter((p) => !have.has(p)),
      { reason: 'self_harm_risk', dueOn: urgentFollowUpDueOn(row.heldOn), urgent: true },
    );
  }
  const dayChanged = row.nextSessionOn !== s.nextSessionOn;
  await replanNextSession(w, row, personIds, (p) => dayChanged || !before.includes(p));
}
