import { and, eq, inArray } from 'drizzle-orm';
import type { EmbassyAnswers, EmbassyRequestCreate } from '../../../domain/returns/embassy';
import { embassyLanguage } from '../../../domain/returns/embassy';
import { checkTransition } from '../../../domain/returns/states';
import { embassyRequestPeople, embassyRequests, missions } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { updateVersioned } from '../../platform/records';
import { embassyRequestPolicy } from './embassy-requests.policy';
import {
  candidates,
  currentPeople,
  type EmbassyRequestRow,
  embassyRequestRecord,
  listedOn,
  loadEmbassy,
  loadEmbassyRequest,
  requestFields,
} from './embassy-requests.queries';
import { caseFacts, loadReturnCase } from './return-cases.queries';
import { moveCase } from './return-cases.service';

// The writes of embassy requests: drafting (the consenting, cleared people of that nationality),
// sending (what leaves, audited per person; anyone whose consent lapsed is taken off first) and
// the embassy's answers (a confirmation moves a protection-cleared case on, through moveCase).

export async function createEmbassyRequest(w: Work, body: EmbassyRequestCreate): Promise<EmbassyRequestRow> {
  authorize(w.actor, embassyRequestPolicy, 'create');
  const embassy = await loadEmbassy(w, body.embassyOrganisationId);
  const people = await candidates(w, embassy.id, body.nationality);
  const [m] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const year = w.now.getUTCFullYear();
  const n = await nextNumber(w, 'embassy_request', year);
  const id = newId();
  const by = {
    createdByOrganisationId: w.actor.organisationId,
    createdBy: w.actor.userId,
    updatedBy: w.actor.userId,
  };
  const [row] = await w.tx
    .insert(embassyRequests)
    .values({
      missionId: w.actor.missionId,
      id,
      reference: `${m?.code ?? 'SAN'}-EMB-${year}-${String(n).padStart(5, '0')}`,
      embassyOrganisationId: embassy.id,
      nationality: body.nationality,
      language: body.language ?? embassyLanguage(embassy.countryCode),
      note: body.note ?? null,
      ...by,
    })
    .returning();
  if (people.length)
    await w.tx.insert(embassyRequestPeople).values(
      people.map((x) => ({
        missionId: w.actor.missionId,
        requestId: id,
        caseId: x.case.id,
        personId: x.person.id,
        consentId: x.consentId,
        ...by,
      })),
    );
  await w.audit({
    action: 'create',
    entityType: 'embassy_request',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { embassyOrganisationId: embassy.id, caseIds: people.map((x) => x.case.id) },
  });
  return row!;
}

/** Takes off an unsent request everyone whose consent no longer holds (audited); returns who stays. */
async function prune(w: Work, r: EmbassyRequestRow) {
  const all = await listedOn(w, r.id);
  const stay = await currentPeople(w, r);
  const gone = all.filter((x) => !stay.some((s) => s.case.id === x.case.id));
  if (gone.length) {
    await w.tx.delete(embassyRequestPeople).where(
      and(
        eq(embassyRequestPeople.missionId, w.actor.missionId),
        eq(embassyRequestPeople.requestId, r.id),
        inArray(
          embassyRequestPeople.caseId,
          gone.map((x) => x.case.id),
        ),
      ),
    );
    await w.audit({
      action: 'update',
      entityType: 'embassy_request',
      entityId: r.id,
      changedFields: ['people'],
      detail: { removed: gone.map((x) => x.case.id), reason: 'consent_withdrawn' },
    });
  }
  return stay;
}

export async function sendEmbassyRequest(w: Work, id: string, body: { version: number; sentOn: string }) {
  const r = await loadEmbassyRequest(w, id, { lock: true });
  const stay = await prune(w, r);
  authorize(w.actor, embassyRequestPolicy, 'send', await embassyRequestRecord(w, r, stay));
  const fields = await requestFields(w, r);
  if (!fields.length)
    throw unprocessable('The embassy’s data-sharing profile lets no field go', [], 'no_sharing_profile');
  const updated = await updateVersioned(w, embassyRequests, r.id, body.version, {
    status: 'sent',
    sentOn: body.sentOn,
    sentFields: fields,
  });
  await w.audit({
    action: 'update',
    entityType: 'embassy_request',
    entityId: r.id,
    changedFields: ['status', 'sentOn', 'sentFields'],
    detail: { to: 'sent', people: stay.length },
  });
  // what left, about whom: one share event per person (as a referral packet is audited)
  for (const x of stay)
    await w.audit({
      action: 'share',
      entityType: 'return_case',
      entityId: x.case.id,
      changedFields: fields,
      detail: {
        personId: x.person.id,
        requestId: r.id,
        recipientOrganisationId: r.embassyOrganisationId,
        consentId: x.consentId,
      },
    });
  return updated;
}

export async function answerEmbassyRequest(w: Work, id: string, body: EmbassyAnswers) {
  const r = await loadEmbassyRequest(w, id, { lock: true });
  const people = await listedOn(w, r.id);
  authorize(w.actor, embassyRequestPolicy, 'answer', await embassyRequestRecord(w, r, people));
  const errors = body.answers.flatMap((a, i) =>
    people.some((x) => x.case.id === a.caseId)
      ? []
      : [{ path: `answers.${i}.caseId`, message: 'This case is not on the request' }],
  );
  if (errors.length) throw unprocessable('Answer only for the people on the request', errors);
  if (body.answeredOn < (r.sentOn ?? ''))
    throw unprocessable('The answer comes after the request was sent', [
      { path: 'answeredOn', message: 'Before the request was sent' },
    ]);
  for (const a of body.answers)
    await w.tx
      .update(embassyRequestPeople)
      .set({ answer: a.answer, answeredOn: body.answeredOn, updatedAt: w.now, updatedBy: w.actor.userId })
      .where(
        and(
          eq(embassyRequestPeople.missionId, w.actor.missionId),
          eq(embassyRequestPeople.requestId, r.id),
          eq(embassyRequestPeople.caseId, a.caseId),
        ),
      );
  const answered = new Set([
    ...people.filter((x) => x.answer).map((x) => x.case.id),
    ...body.answers.map((a) => a.caseId),
  ]);
  const updated = await updateVersioned(w, embassyRequests, r.id, body.version, {
    answeredOn: body.answeredOn,
    status: answered.size === people.length ? 'answered' : r.status,
  });
  for (const a of body.answers) {
    const x = people.find((p) => p.case.id === a.caseId)!;
    await w.audit({
      action: 'update',
      entityType: 'return_case',
      entityId: a.caseId,
      changedFields: ['embassyAnswer'],
      detail: { personId: x.person.id, requestId: r.id, answer: a.answer, answeredOn: body.answeredOn },
    });
    if (a.answer === 'confirmed') await confirmNationality(w, a.caseId);
  }
  return updated;
}

/**
 * A confirmation moves a case waiting for it (protection cleared) to nationality confirmed, when
 * the state machine allows it today; otherwise (a consent since withdrawn) the confirmation is
 * kept and the case waits where it is, its blockers shown on the case.
 */
export async function confirmNationality(w: Work, caseId: string) {
  const row = await loadReturnCase(w, caseId, { lock: true });
  if (row.state !== 'protection_cleared') return;
  const facts = await caseFacts(w, row);
  if (checkTransition('protection_cleared', 'nationality_confirmed', facts).ok)
    await moveCase(w, row, 'nationality_confirmed', { facts });
}
