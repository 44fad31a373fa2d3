import { count, eq } from 'drizzle-orm';
import { clinicSchedules } from '../../../db/schema/index';
import { auditBuffer } from '../../../platform/audit';
import type { AppContext } from '../../../platform/context';
import { today } from '../../../platform/dates';
import { asActor } from '../../../platform/http';
import { demoActor } from '../../registry/demo/demo';
import { mulberry32 } from '../../registry/demo/demo-people';
import { type ClinicTally, clinicEvents } from './demo-clinics';
import { type Cast, clinicCentres, type DemoWork, stays } from './demo-common';
import { type CounsellingTally, counsellingEvents } from './demo-counselling';
import { loadPharmacies } from './demo-pharmacy';

// The health part of the demo mission (issue 12): a year of weekly clinics at every centre with
// the doctor and the nurse, dispensing from the clinic pharmacies the supplies demo stocked, one
// scabies alert verified and responded to, and a year of counselling. Everything goes through the
// module's services, in one transaction with the audit events appended at the end; dates run back
// from the app clock's today; seeded, so the same every time. Idempotent: nothing is loaded if
// the mission has a clinic schedule.

export interface HealthDemoSummary extends ClinicTally, CounsellingTally {
  skipped: boolean;
  /** how long the load took, in seconds (the demo must stay quick) */
  seconds: number;
}

export async function loadHealthDemo(ctx: AppContext, missionId: string): Promise<HealthDemoSummary> {
  const t0 = performance.now();
  const cast: Cast = {
    doctor: await demoActor(ctx, missionId, 'demo-doctor'),
    nurse: await demoActor(ctx, missionId, 'demo-nurse'),
    counsellor: await demoActor(ctx, missionId, 'demo-counsellor'),
    manager: await demoActor(ctx, missionId, 'demo-manager'),
  };
  return asActor(ctx, cast.doctor, async (direct) => {
    const buffer = auditBuffer(direct.tx, missionId);
    const w: DemoWork = {
      ...direct,
      audit: (input) => buffer.add(cast.doctor, input, direct.now),
      record: (actor, input, at) => buffer.add(actor, input, at),
    };
    const tally: HealthDemoSummary = {
      schedules: 0,
      sessions: 0,
      consultations: 0,
      dispensed: 0,
      referred: 0,
      alerts: 0,
      individual: 0,
      group: 0,
      urgent: 0,
      skipped: false,
      seconds: 0,
    };
    const [done] = await w.tx
      .select({ n: count() })
      .from(clinicSchedules)
      .where(eq(clinicSchedules.missionId, missionId));
    if ((done?.n ?? 0) > 0) return { ...tally, skipped: true };
    const centres = await clinicCentres(w);
    if (!centres.length) return { ...tally, skipped: true }; // no supplies demo: no pharmacies
    const day0 = today(w);
    const all = await stays(w);
    const pharmacy = await loadPharmacies(
      w,
      centres.map((c) => c.pharmacy),
    );
    const events = [
      ...clinicEvents(w, cast, centres, all, pharmacy, day0, mulberry32(1212), tally),
      ...counsellingEvents(w, cast, centres, all, day0, mulberry32(1213), tally),
    ];
    // the year in order (stable: on one day, clinics before counselling)
    events.sort((a, b) => a.day.localeCompare(b.day));
    for (const e of events) await e.run();
    await buffer.flush();
    return { ...tally, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  });
}
