import type { z } from 'zod';
import type {
  Consultation,
  consultationPage,
  Fitness,
  prescriptionView,
} from '../../../domain/health/consultations';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { diagnosesOf, type Header, lotsOf, prescriptionsOf, recordsOf } from './consultations.queries';
import { type ConsultationRecord, consultationPolicy } from './health.policy';

// Consultations as the API shows them: the list without free text, vitals or prescriptions (a
// list decrypts nothing); one record whole, its notes decrypted (the route audits that read).

type Summary = z.infer<typeof consultationPage>['items'][number];
type PrescriptionOut = z.infer<typeof prescriptionView>;

/** A page of consultations, in a constant number of queries. */
export async function presentSummaries(w: Work, hs: readonly Header[]): Promise<Summary[]> {
  const records = await recordsOf(w, hs);
  const diagnoses = await diagnosesOf(
    w,
    hs.map((h) => h.c.id),
  );
  return hs.map((h) => {
    const { c } = h;
    return {
      id: c.id,
      sessionId: c.sessionId,
      centreId: c.centreId,
      centreName: h.centreName,
      consultedOn: c.consultedOn,
      personId: c.personId,
      personName: `${h.givenName} ${h.familyName}`,
      registrationNumber: h.registrationNumber,
      sex: h.sex,
      ageYears: c.ageYears,
      clinician: { id: c.clinicianUserId, name: h.clinicianName },
      dehydration: c.dehydration as Summary['dehydration'],
      diagnoses: (diagnoses.get(c.id) ?? []) as Summary['diagnoses'],
      outcome: c.outcome as Summary['outcome'],
      followUpOn: c.followUpOn,
      fitness:
        c.fitness && c.fitnessValidUntil
          ? { status: c.fitness as Fitness, validUntil: c.fitnessValidUntil }
          : null,
      version: c.version,
      allowedActions: allowedActions(w.actor, consultationPolicy, records.get(c.id) as ConsultationRecord),
    };
  });
}

/** One consultation whole: notes decrypted, prescriptions with the lots they were dispensed from. */
export async function presentConsultation(w: Work, h: Header): Promise<Consultation> {
  const [summary] = await presentSummaries(w, [h]);
  const rows = await prescriptionsOf(w, h.c.id);
  const lots = await lotsOf(
    w,
    rows.map((r) => r.p.id),
  );
  const decrypt = (v: string | null) => (v === null ? null : w.ctx.cipher.decrypt(v));
  return {
    ...(summary as Summary),
    complaint: decrypt(h.c.complaint),
    treatmentNotes: decrypt(h.c.treatmentNotes),
    vitals: h.c.vitals,
    prescriptions: rows.map(
      (r): PrescriptionOut => ({
        id: r.p.id,
        itemId: r.p.itemId,
        itemCode: r.itemCode,
        itemName: r.itemName,
        baseUnit: r.baseUnit,
        dose: r.p.dose,
        frequency: r.p.frequency as PrescriptionOut['frequency'],
        days: r.p.days,
        quantity: r.p.quantity,
        dispensed: r.p.dispensed,
        lots: lots.get(r.p.id) ?? [],
      }),
    ),
  };
}
