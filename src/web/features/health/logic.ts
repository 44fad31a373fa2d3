// The consultation form's state and the rules that shape it, apart from React so they are tested
// on their own: the suggested quantity, the payload sent, the vitals flagged before sending.
import type { z } from 'zod';
import {
  type ConsultationCreate,
  type consultationCreate,
  type DEHYDRATION,
  type DIAGNOSIS_CERTAINTIES,
  DOSES_PER_DAY,
  type Fitness,
  type Frequency,
  type Outcome,
  VITAL_RANGES,
  VITALS,
  type Vital,
  vitals as vitalsSchema,
} from '../../../domain/health/consultations.ts';

export type Certainty = (typeof DIAGNOSIS_CERTAINTIES)[number];
export type Dehydration = (typeof DEHYDRATION)[number];
/** A number input's value: a number, or '' while empty. */
export type NumberField = number | '';

export interface PrescriptionLine {
  /** stable React key of a line (lines can be removed from the middle) */
  key: string;
  itemId: string | null;
  dose: string;
  frequency: Frequency;
  days: NumberField;
  quantity: NumberField;
  /** the prescriber typed the quantity: it no longer follows frequency × days */
  quantityEdited: boolean;
  dispense: boolean;
}

export type ConsultationForm = {
  complaint: string;
  vitals: Record<Vital, NumberField>;
  dehydration: Dehydration;
  diagnoses: { code: string; certainty: Certainty }[];
  treatmentNotes: string;
  prescriptions: PrescriptionLine[];
  outcome: Outcome;
  followUpOn: string;
  fitnessStatus: Fitness | '';
  fitnessValidUntil: string;
};

export const MAX_DIAGNOSES = 10;
export const MAX_PRESCRIPTIONS = 20;

export function emptyForm(): ConsultationForm {
  return {
    complaint: '',
    vitals: Object.fromEntries(VITALS.map((k) => [k, ''])) as Record<Vital, NumberField>,
    dehydration: 'none',
    diagnoses: [],
    treatmentNotes: '',
    prescriptions: [],
    outcome: 'treated',
    followUpOn: '',
    fitnessStatus: '',
    fitnessValidUntil: '',
  };
}

/**
 * Units to hand over for `frequency` over `days`: doses a day × days, rounded up (a weekly dose
 * over 10 days is 2). Null when the frequency gives no count (once, when needed): the prescriber
 * types it.
 */
export function suggestedQuantity(frequency: Frequency, days: NumberField): number | null {
  const perDay = DOSES_PER_DAY[frequency];
  if (perDay <= 0 || days === '' || !Number.isFinite(days) || days <= 0) return null;
  // 1/7 × 14 is 2.0000000000000004 in floating point: round before taking the ceiling
  return Math.ceil(Math.round(perDay * days * 1e6) / 1e6);
}

let lineCounter = 0;
export function newLine(canDispense: boolean): PrescriptionLine {
  lineCounter += 1;
  return {
    key: `rx-${lineCounter}`,
    itemId: null,
    dose: '',
    frequency: 'bd',
    days: 5,
    quantity: suggestedQuantity('bd', 5) ?? '',
    quantityEdited: false,
    // dispensing is offered only to those who may dispense, and then it is the usual case
    dispense: canDispense,
  };
}

/**
 * A line after a change: the quantity follows frequency × days until the prescriber types one;
 * emptying the quantity hands it back to the suggestion.
 */
export function updateLine(line: PrescriptionLine, patch: Partial<PrescriptionLine>): PrescriptionLine {
  const next = { ...line, ...patch };
  if ('quantity' in patch) {
    next.quantityEdited = patch.quantity !== '' && patch.quantity !== undefined;
    if (!next.quantityEdited) next.quantity = suggestedQuantity(next.frequency, next.days) ?? '';
    return next;
  }
  if (!next.quantityEdited && ('frequency' in patch || 'days' in patch))
    next.quantity = suggestedQuantity(next.frequency, next.days) ?? '';
  return next;
}

/** Adds a diagnosis once (a second pick of the same code does nothing), up to the schema's limit. */
export function addDiagnosis(
  list: ConsultationForm['diagnoses'],
  code: string,
): ConsultationForm['diagnoses'] {
  if (list.some((d) => d.code === code) || list.length >= MAX_DIAGNOSES) return list;
  return [...list, { code, certainty: 'suspected' }];
}

const numberOrUndefined = (v: NumberField): number | undefined => (v === '' ? undefined : v);
const textOrUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function vitalsPayload(v: ConsultationForm['vitals']): Partial<Record<Vital, number>> {
  const out: Partial<Record<Vital, number>> = {};
  for (const k of VITALS) {
    const n = numberOrUndefined(v[k]);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

/** What POST /consultations receives (before the shared schema checks it). */
export function toPayload(
  f: ConsultationForm,
  ctx: { sessionId: string; personId: string; queueEntryId?: string },
): z.input<typeof consultationCreate> {
  return {
    sessionId: ctx.sessionId,
    personId: ctx.personId,
    queueEntryId: ctx.queueEntryId,
    complaint: textOrUndefined(f.complaint),
    vitals: vitalsPayload(f.vitals),
    dehydration: f.dehydration,
    diagnoses: f.diagnoses,
    treatmentNotes: textOrUndefined(f.treatmentNotes),
    prescriptions: f.prescriptions.map((p) => ({
      itemId: p.itemId ?? '',
      dose: p.dose,
      frequency: p.frequency,
      days: numberOrUndefined(p.days) as number,
      quantity: numberOrUndefined(p.quantity) as number,
      dispense: p.dispense,
    })),
    outcome: f.outcome,
    followUpOn: f.outcome === 'follow_up' ? textOrUndefined(f.followUpOn) : undefined,
    fitness: f.fitnessStatus ? { status: f.fitnessStatus, validUntil: f.fitnessValidUntil } : undefined,
  };
}

/** A vital outside its plausible range, or a diastolic not below the systolic, as the shared schema finds. */
export type VitalFlag = { kind: 'range'; min: number; max: number } | { kind: 'diastolic' };

/** The vitals the shared schema refuses, flagged as they are typed (before anything is sent). */
export function vitalFlags(v: ConsultationForm['vitals']): Partial<Record<Vital, VitalFlag>> {
  const result = vitalsSchema.safeParse(vitalsPayload(v));
  if (result.success) return {};
  const out: Partial<Record<Vital, VitalFlag>> = {};
  for (const issue of result.error.issues) {
    const k = issue.path[0] as Vital | undefined;
    if (!k || !(k in VITAL_RANGES) || out[k]) continue;
    out[k] =
      issue.code === 'custom'
        ? { kind: 'diastolic' }
        : { kind: 'range', min: VITAL_RANGES[k].min, max: VITAL_RANGES[k].max };
  }
  return out;
}

/** Usable units on hand per item at a point: lots that issuing would refuse are left out. */
export function onHandByItem(
  lines: readonly { itemId: string; onHand: number; blocked: boolean }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) if (!l.blocked) out.set(l.itemId, (out.get(l.itemId) ?? 0) + l.onHand);
  return out;
}

/** Ctrl+Enter (⌘+Enter on a Mac) saves the form from any field. */
export const isSaveShortcut = (e: { key: string; ctrlKey: boolean; metaKey: boolean }) =>
  e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** The queue as it shows once a consultation is saved: the entry seen (or referred), with its record. */
export function markSeen<E extends { id: string; status: string; consultationId: string | null }>(
  queue: readonly E[],
  entryId: string,
  consultationId: string,
  outcome: Outcome,
): E[] {
  return queue.map((e) =>
    e.id === entryId
      ? ({ ...e, status: outcome === 'referred' ? 'referred' : 'seen', consultationId } as E)
      : e,
  );
}

/** Whether a saved consultation still has something to hand over. */
export const undispensed = (c: { prescriptions: readonly { quantity: number; dispensed: number }[] }) =>
  c.prescriptions.some((p) => p.dispensed < p.quantity);

export type { ConsultationCreate };

/** The highlighted match after an arrow key: stays within the list, never wraps. */
export const nextActive = (active: number, step: 1 | -1, count: number): number =>
  count === 0 ? 0 : Math.min(Math.max(active + step, 0), count - 1);

/**
 * What the schema's whole-form refinement finds only once every field is valid (a follow-up
 * without its date), as field → translation key, so every error shows on the first try.
 */
export function crossChecks(f: ConsultationForm): Record<string, string> {
  return f.outcome === 'follow_up' && f.followUpOn.trim() === '' ? { followUpOn: 'validation.required' } : {};
}
