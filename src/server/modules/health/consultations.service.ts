import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConsultationCreate, consultationUpdate } from '../../../domain/health/consultations';
import { isoWeekOf } from '../../../domain/health/weeks';
import {
  consultationDiagnoses,
  consultations,
  episodes,
  prescriptions,
  supplyItems,
} from '../../db/schema/index';
import { type FieldError, staleVersion, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { changedFields, created, updateVersioned } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { pointReach } from '../supplies/stock.scope';
import { loadConsultation, loadSession, recordsOf, type SessionRow } from './consultations.queries';
import { unknownCodes } from './diagnoses.queries';
import { type DispenseLine, dispense } from './dispensing.service';
import { consultationPolicy } from './health.policy';
import { markQueueEntry, queued } from './queue.service';
import { recordCases } from './surveillance-cases.service';

// A consultation is written whole in one transaction: the record, its diagnoses and
// prescriptions, the dispensing (through the supplies ledger), the surveillance cases and the
// alerts they raise, the queue entry. Any refusal on the way leaves nothing behind.

const MEDICAL_CATEGORIES = ['medicine', 'medical_disposable'];

/** Whole years between a birth date and a day (null without a birth date). */
export function ageAt(birthDate: string | null, on: string): number | null {
  if (!birthDate) return null;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

async function heldAt(w: Work, personId: string, centreId: string, on: string) {
  const [e] = await w.tx
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.missionId, w.actor.missionId),
        eq(episodes.personId, personId),
        eq(episodes.centreId, centreId),
        lte(episodes.admittedOn, on),
        or(isNull(episodes.endedOn), gte(episodes.endedOn, on)),
      ),
    )
    .limit(1);
  return !!e;
}

/** The session (422 on `sessionId` when unknown to the actor) as the policy sees its place. */
async function openSession(w: Work, sessionId: string) {
  const session = await loadSession(w, sessionId);
  if (!session)
    throw unprocessable('No such clinic session', [{ path: 'sessionId', message: 'Unknown clinic session' }]);
  return session;
}

const placeOf = (s: SessionRow) => ({
  centre: [s.centreId],
  point: pointReach({ centreId: s.pointCentreId }),
});

/** Prescribed items must be active medicines or medical disposables (422 per line). */
async function checkItems(w: Work, itemIds: readonly string[]): Promise<FieldError[]> {
  if (!itemIds.length) return [];
  const found = await w.tx
    .select({ id: supplyItems.id, category: supplyItems.category, active: supplyItems.active })
    .from(supplyItems)
    .where(and(eq(supplyItems.missionId, w.actor.missionId), inArray(supplyItems.id, [...new Set(itemIds)])));
  const byId = new Map(found.map((f) => [f.id, f]));
  return itemIds.flatMap((id, i) => {
    const item = byId.get(id);
    if (item?.active && MEDICAL_CATEGORIES.includes(item.category)) return [];
    return [
      {
        path: `prescriptions.${i}.itemId`,
        message: item ? 'Not an active medicine or medical disposable' : 'Unknown item',
      },
    ];
  });
}

export async function createConsultation(w: Work, body: ConsultationCreate): Promise<string> {
  authorize(w.actor, consultationPolicy, 'create'); // a medical writer somewhere at all?
  const session = await openSession(w, body.sessionId);
  if (session.status !== 'open')
    throw unprocessable(
      'This clinic session is closed',
      [{ path: 'sessionId', message: 'The session is closed' }],
      'session_closed',
    );
  const place = placeOf(session);
  authorize(w.actor, consultationPolicy, 'create', { reach: [], ...place, undispensed: false });
  const person = await loadPerson(w, body.personId);
  if (
    !(await heldAt(w, person.id, session.centreId, session.heldOn)) &&
    !(await queued(w, session.id, person.id))
  )
    throw unprocessable(
      'This person was not held at the clinic’s centre that day',
      [{ path: 'personId', message: 'Not held at this centre on the session’s day' }],
      'not_at_centre',
    );
  // a doctor prescribes; dispensing also moves stock, which the nurse's assignment writes
  if (body.prescriptions.some((p) => p.dispense))
    authorize(w.actor, consultationPolicy, 'dispense', { reach: [], ...place, undispensed: true });
  const errors = [
    ...(await unknownCodes(
      w,
      body.diagnoses.map((d) => d.code),
    )),
    ...(await checkItems(
      w,
      body.prescriptions.map((p) => p.itemId),
    )),
  ];
  if (errors.length) throw unprocessable('Some diagnoses or prescriptions cannot be recorded', errors);

  const id = newId();
  const ageYears = ageAt(person.birthDate, session.heldOn);
  await w.tx.insert(consultations).values({
    ...created(w),
    id,
    sessionId: session.id,
    centreId: session.centreId,
    consultedOn: session.heldOn,
    week: isoWeekOf(session.heldOn),
    personId: person.id,
    ageYears,
    clinicianUserId: w.actor.userId,
    createdByOrganisationId: w.actor.organisationId,
    complaint: body.complaint ? w.ctx.cipher.encrypt(body.complaint) : null,
    vitals: body.vitals,
    dehydration: body.dehydration,
    treatmentNotes: body.treatmentNotes ? w.ctx.cipher.encrypt(body.treatmentNotes) : null,
    outcome: body.outcome,
    followUpOn: body.followUpOn ?? null,
    fitness: body.fitness?.status ?? null,
    fitnessValidUntil: body.fitness?.validUntil ?? null,
  });
  if (body.diagnoses.length)
    await w.tx.insert(consultationDiagnoses).values(
      body.diagnoses.map((d, position) => ({
        missionId: w.actor.missionId,
        consultationId: id,
        code: d.code,
        certainty: d.certainty,
        position,
      })),
    );
  const toDispense: DispenseLine[] = [];
  for (const [position, p] of body.prescriptions.entries()) {
    const prescriptionId = newId();
    await w.tx.insert(prescriptions).values({
      missionId: w.actor.missionId,
      id: prescriptionId,
      consultationId: id,
      position,
      itemId: p.itemId,
      dose: p.dose,
      frequency: p.frequency,
      days: p.days,
      quantity: p.quantity,
    });
    if (p.dispense)
      toDispense.push({
        prescriptionId,
        itemId: p.itemId,
        quantity: p.quantity,
        lotId: p.lotId,
        path: `prescriptions.${position}`,
      });
  }
  await dispense(
    w,
    { consultationId: id, stockPointId: session.stockPointId, on: session.heldOn },
    toDispense,
  );
  await recordCases(w, {
    consultationId: id,
    centreId: session.centreId,
    week: isoWeekOf(session.heldOn),
    personId: person.id,
    ageYears,
    dehydration: body.dehydration,
    codes: body.diagnoses.map((d) => d.code),
  });
  await markQueueEntry(w, {
    sessionId: session.id,
    entryId: body.queueEntryId,
    personId: person.id,
    consultationId: id,
    status: body.outcome === 'referred' ? 'referred' : 'seen',
  });
  await w.audit({
    action: 'create',
    entityType: 'consultation',
    entityId: id,
    // names, never values: free text and codes stay out of the trail
    changedFields: Object.keys(body).filter((k) => body[k as keyof ConsultationCreate] !== undefined),
    detail: { personId: person.id, sessionId: session.id, dispensed: toDispense.length },
  });
  return id;
}

type Update = z.infer<typeof consultationUpdate>;

/** Corrects the clinical record (never the dispensing) and re-derives its surveillance cases. */
export async function updateConsultation(w: Work, id: string, body: Update): Promise<void> {
  authorize(w.actor, consultationPolicy, 'update'); // a medical writer at all? (403 before 404)
  const h = await loadConsultation(w, id, true);
  const record = (await recordsOf(w, [h])).get(id);
  authorize(w.actor, consultationPolicy, 'update', record);
  if (h.c.version !== body.version) throw staleVersion();
  if (body.diagnoses) {
    const errors = await unknownCodes(
      w,
      body.diagnoses.map((d) => d.code),
    );
    if (errors.length) throw unprocessable('Some diagnoses are not in the list', errors);
  }
  const { version, diagnoses, fitness, ...clinical } = body;
  const c = h.c;
  const decrypt = (v: string | null) => (v === null ? null : w.ctx.cipher.decrypt(v));
  const before = {
    complaint: decrypt(c.complaint),
    vitals: c.vitals,
    dehydration: c.dehydration,
    treatmentNotes: decrypt(c.treatmentNotes),
    outcome: c.outcome,
    followUpOn: c.followUpOn,
  };
  const changed = changedFields(before, clinical as Partial<typeof before>);
  const patch: Record<string, unknown> = {};
  for (const k of changed) {
    const v = (clinical as Record<string, unknown>)[k] ?? null;
    const secret = k === 'complaint' || k === 'treatmentNotes';
    patch[k] = secret ? (typeof v === 'string' && v ? w.ctx.cipher.encrypt(v) : null) : v;
  }
  if (fitness !== undefined) {
    const was = c.fitness === null ? null : { status: c.fitness, validUntil: c.fitnessValidUntil };
    if (JSON.stringify(was) !== JSON.stringify(fitness)) {
      changed.push('fitness');
      patch.fitness = fitness?.status ?? null;
      patch.fitnessValidUntil = fitness?.validUntil ?? null;
    }
  }
  const followUpOn = 'followUpOn' in patch ? patch.followUpOn : c.followUpOn;
  if ((patch.outcome ?? c.outcome) === 'follow_up' && !followUpOn)
    throw unprocessable('A follow-up needs its date', [
      { path: 'followUpOn', message: 'Give the follow-up date' },
    ]);
  if (diagnoses) {
    const old = await w.tx
      .select({ code: consultationDiagnoses.code, certainty: consultationDiagnoses.certainty })
      .from(consultationDiagnoses)
      .where(
        and(
          eq(consultationDiagnoses.missionId, w.actor.missionId),
          eq(consultationDiagnoses.consultationId, id),
        ),
      )
      .orderBy(consultationDiagnoses.position);
    if (
      JSON.stringify(old) !== JSON.stringify(diagnoses.map((d) => ({ code: d.code, certainty: d.certainty })))
    ) {
      changed.push('diagnoses');
      await w.tx
        .delete(consultationDiagnoses)
        .where(
          and(
            eq(consultationDiagnoses.missionId, w.actor.missionId),
            eq(consultationDiagnoses.consultationId, id),
          ),
        );
      if (diagnoses.length)
        await w.tx.insert(consultationDiagnoses).values(
          diagnoses.map((d, position) => ({
            missionId: w.actor.missionId,
            consultationId: id,
            code: d.code,
            certainty: d.certainty,
            position,
          })),
        );
    }
  }
  await updateVersioned(w, consultations, id, version, patch);
  if (changed.includes('diagnoses') || changed.includes('dehydration')) {
    const codes = diagnoses
      ? diagnoses.map((d) => d.code)
      : (
          await w.tx
            .select({ code: consultationDiagnoses.code })
            .from(consultationDiagnoses)
            .where(
              and(
                eq(consultationDiagnoses.missionId, w.actor.missionId),
                eq(consultationDiagnoses.consultationId, id),
              ),
            )
        ).map((d) => d.code);
    await recordCases(w, {
      consultationId: id,
      centreId: c.centreId,
      week: c.week,
      personId: c.personId,
      ageYears: c.ageYears,
      dehydration: (patch.dehydration as string | undefined) ?? c.dehydration,
      codes,
    });
  }
  if (
    patch.outcome &&
    patch.outcome !== c.outcome &&
    (patch.outcome === 'referred' || c.outcome === 'referred')
  )
    await markQueueEntry(w, {
      sessionId: c.sessionId,
      personId: c.personId,
      consultationId: id,
      status: patch.outcome === 'referred' ? 'referred' : 'seen',
    });
  await w.audit({
    action: 'update',
    entityType: 'consultation',
    entityId: id,
    changedFields: changed,
    detail: { personId: c.personId },
  });
}
