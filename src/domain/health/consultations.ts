import { z } from 'zod';
import { plannedDate } from '../common/dates';
import {
  allowedActions,
  calendarDate,
  countedPage,
  line,
  listQuery,
  sortParams,
  uuid,
  version,
} from '../common/schemas';

// A consultation: complaint and vital signs (the nurse), diagnoses, treatment and prescriptions
// (the doctor), dispensing from the session's clinic pharmacy (the nurse), outcome and fitness to
// travel. Free text is encrypted on the server; codes and figures stay queryable.

/** Plausible ranges: outside them a value is a typing error (38.5 typed as 385), not a patient. */
export const VITAL_RANGES = {
  temperatureC: { min: 30, max: 43, step: 0.1 },
  pulse: { min: 25, max: 250, step: 1 },
  systolic: { min: 50, max: 280, step: 1 },
  diastolic: { min: 20, max: 180, step: 1 },
  respiratoryRate: { min: 4, max: 90, step: 1 },
  spo2: { min: 50, max: 100, step: 1 },
  weightKg: { min: 0.5, max: 300, step: 0.1 },
  heightCm: { min: 30, max: 230, step: 0.1 },
  muacMm: { min: 50, max: 400, step: 1 },
} as const;
export type Vital = keyof typeof VITAL_RANGES;
export const VITALS = Object.keys(VITAL_RANGES) as Vital[];

const vital = (k: Vital) => {
  const r = VITAL_RANGES[k];
  const n = r.step === 1 ? z.number().int() : z.number();
  return n
    .min(r.min, { error: `Not plausible: at least ${r.min}` })
    .max(r.max, { error: `Not plausible: at most ${r.max}` })
    .nullable()
    .optional();
};

export const vitals = z
  .strictObject(
    Object.fromEntries(VITALS.map((k) => [k, vital(k)])) as Record<Vital, ReturnType<typeof vital>>,
  )
  .refine((v) => v.systolic == null || v.diastolic == null || v.diastolic < v.systolic, {
    path: ['diastolic'],
    error: 'The diastolic pressure must be below the systolic',
  });
export type Vitals = z.infer<typeof vitals>;

/** WHO's classification of dehydration (IMCI): the cholera alert counts severe cases. */
export const DEHYDRATION = ['none', 'some', 'severe'] as const;
export const DIAGNOSIS_CERTAINTIES = ['suspected', 'confirmed'] as const;
export const FREQUENCIES = ['once', 'od', 'bd', 'tds', 'qds', 'nocte', 'prn', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** Doses a day, for a suggested quantity (prn counts as none: the prescriber says how many). */
export const DOSES_PER_DAY: Record<Frequency, number> = {
  once: 0,
  od: 1,
  bd: 2,
  tds: 3,
  qds: 4,
  nocte: 1,
  prn: 0,
  weekly: 1 / 7,
};
export const OUTCOMES = ['treated', 'referred', 'follow_up'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const FITNESS = ['fit', 'fit_with_escort', 'not_fit'] as const;
export type Fitness = (typeof FITNESS)[number];

const icd10 = z
  .string()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/, { error: 'Use a diagnosis code from the list' });

export const diagnosisEntry = z.strictObject({
  code: icd10,
  certainty: z.enum(DIAGNOSIS_CERTAINTIES).default('suspected'),
});

export const prescriptionCreate = z.strictObject({
  itemId: uuid,
  /** e.g. "1 tablet", "5 ml" */
  dose: line(60),
  frequency: z.enum(FREQUENCIES),
  days: z.number().int().min(1).max(180),
  /** base units handed over */
  quantity: z.number().int().min(1).max(100_000),
  /** dispense now from the session's pharmacy (false: the patient is given a prescription only) */
  dispense: z.boolean().default(true),
  /** without a lot, first expiry first out */
  lotId: uuid.optional(),
});

export const fitnessToTravel = z.strictObject({
  status: z.enum(FITNESS),
  validUntil: plannedDate(),
});

export const consultationCreate = z
  .strictObject({
    sessionId: uuid,
    personId: uuid,
    /** the queue entry this consultation serves (marked seen or referred) */
    queueEntryId: uuid.optional(),
    complaint: z.string().trim().max(2000).optional(),
    vitals: vitals.default({}),
    dehydration: z.enum(DEHYDRATION).default('none'),
    diagnoses: z
      .array(diagnosisEntry)
      .max(10)
      .refine((d) => new Set(d.map((x) => x.code)).size === d.length, {
        error: 'A diagnosis is listed twice',
      })
      .default([]),
    treatmentNotes: z.string().trim().max(10_000).optional(),
    prescriptions: z.array(prescriptionCreate).max(20).default([]),
    outcome: z.enum(OUTCOMES).default('treated'),
    followUpOn: plannedDate().optional(),
    fitness: fitnessToTravel.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.outcome === 'follow_up' && !c.followUpOn)
      ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'Give the follow-up date' });
  });
export type ConsultationCreate = z.infer<typeof consultationCreate>;

/** A correction after the day: the clinical record, never the dispensing (reverse that on the stock card). */
export const consultationUpdate = z.strictObject({
  complaint: z.string().trim().max(2000).nullable().optional(),
  vitals: vitals.optional(),
  dehydration: z.enum(DEHYDRATION).optional(),
  diagnoses: z.array(diagnosisEntry).max(10).optional(),
  treatmentNotes: z.string().trim().max(10_000).nullable().optional(),
  outcome: z.enum(OUTCOMES).optional(),
  followUpOn: plannedDate().nullable().optional(),
  fitness: fitnessToTravel.nullable().optional(),
  version,
});

export const prescriptionView = z.object({
  id: uuid,
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  dose: z.string(),
  frequency: z.enum(FREQUENCIES),
  days: z.number().int(),
  quantity: z.number().int(),
  dispensed: z.number().int(),
  lots: z.array(
    z.object({
      lotId: uuid,
      lotNumber: z.string(),
      expiresOn: z.string().nullable(),
      quantity: z.number().int(),
    }),
  ),
});

export const consultation = z.object({
  id: uuid,
  sessionId: uuid,
  centreId: uuid,
  centreName: z.string(),
  consultedOn: z.string(),
  personId: uuid,
  personName: z.string(),
  registrationNumber: z.string(),
  sex: z.string(),
  ageYears: z.number().int().nullable(),
  clinician: z.object({ id: uuid, name: z.string() }),
  complaint: z.string().nullable(),
  vitals: z.record(z.string(), z.number().nullable()),
  dehydration: z.enum(DEHYDRATION),
  diagnoses: z.array(z.object({ code: z.string(), certainty: z.enum(DIAGNOSIS_CERTAINTIES) })),
  treatmentNotes: z.string().nullable(),
  prescriptions: z.array(prescriptionView),
  outcome: z.enum(OUTCOMES),
  followUpOn: z.string().nullable(),
  fitness: z.object({ status: z.enum(FITNESS), validUntil: z.string() }).nullable(),
  version,
  allowedActions,
});
export type Consultation = z.infer<typeof consultation>;

export const CONSULTATION_SORTS = ['consultedOn'] as const;
export const consultationListQuery = listQuery.extend({
  personId: uuid.optional(),
  sessionId: uuid.optional(),
  centreId: uuid.optional(),
  code: icd10.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  ...sortParams(CONSULTATION_SORTS, 'desc'),
});
export const consultationPage = countedPage(
  consultation.omit({ complaint: true, treatmentNotes: true, vitals: true, prescriptions: true }),
);

/** What a return officer sees: a flag, never the record behind it. */
export const fitnessFlag = z.object({
  personId: uuid,
  status: z.enum(FITNESS).nullable(),
  validUntil: z.string().nullable(),
  assessedOn: z.string().nullable(),
  /** false when no assessment holds today */
  current: z.boolean(),
});
