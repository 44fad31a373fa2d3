import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { consultationCreate } from '../../../../domain/health/consultations';
import { isoWeekOf } from '../../../../domain/health/weeks';
import { alerts, clinicSchedules, prescriptions } from '../../../db/schema/index';
import { today } from '../../../platform/dates';
import type { Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { authorize } from '../../../platform/policy';
import { created } from '../../../platform/records';
import { type Rng, weighted } from '../../registry/demo/demo-people';
import { pointReach } from '../../supplies/stock.scope';
import { loadAlert } from '../alerts.queries';
import { transitionAlert } from '../alerts.service';
import { loadSession } from '../clinic-sessions.queries';
import { addToQueue, openSession, updateSession } from '../clinic-sessions.service';
import { createConsultation } from '../consultations.service';
import { dispense } from '../dispensing.service';
import { consultationPolicy } from '../health.policy';
import {
  ageOf,
  as,
  type Cast,
  type DemoCentre,
  type DemoWork,
  type Held,
  heldAt,
  lastWeekday,
  shuffled,
  weekdayOf,
} from './demo-common';
import { type Condition, conditionFor, conditionOf, type Rx, vitalsFor } from './demo-morbidity';
import type { Pharmacy } from './demo-pharmacy';

// A year of weekly clinics at each centre, through the clinic and consultation services: the
// nurse opens the day with the doctor, the doctor sees a share of the people held there that day
// and prescribes, the nurse dispenses from the centre's clinic pharmacy (the ledger moves, lot by
// lot), and closes the day. One week at one centre, scabies surges past the rate rule: the alert
// it raises is verified by the doctor and responded to by the manager. Today one centre's clinic
// is open, a few patients seen and a few waiting.

export interface ClinicTally {
  schedules: number;
  sessions: number;
  consultations: number;
  dispensed: number;
  referred: number;
  alerts: number;
}

export interface DemoEvent {
  day: string;
  run(): Promise<void>;
}

/** Sessions a year per centre, the last of them within the past week. */
const WEEKS = 52;
/** Scabies cases in the surge week: past the rate rule's three, below the doubling rule's five. */
const SURGE_CASES = 4;
/** Clinic days of the working week (Sunday to Thursday in Libya), Monday-based. */
const WORKDAYS = [7, 1, 2, 3, 4];

/** Each centre's clinic day; the first centre's is today's, so the doctor's home shows it open. */
function clinicDays(n: number, day0: string): number[] {
  const at = WORKDAYS.indexOf(weekdayOf(day0));
  return Array.from({ length: n }, (_, i) =>
    at < 0 ? (i === 0 ? weekdayOf(day0) : (WORKDAYS[i % 5] as number)) : (WORKDAYS[(at + i) % 5] as number),
  );
}

async function addSchedule(w: DemoWork, c: DemoCentre, weekday: number) {
  const id = newId();
  const values = { centreId: c.id, weekday, startsAt: '09:00', stockPointId: c.pharmacy, active: true };
  await w.tx.insert(clinicSchedules).values({ ...created(w), id, ...values });
  await w.audit({
    action: 'create',
    entityType: 'clinic_schedule',
    entityId: id,
    changedFields: Object.keys(values),
  });
}

const REFERRAL_NOTE = 'Referred to Tripoli Central Hospital with a letter; escort requested from the centre.';

/** One patient's consultation body, and the lots each prescription is to be dispensed from. */
function visit(rng: Rng, day: string, p: Held, c: Condition, pharmacy: Pharmacy, point: string) {
  const patient = { sex: p.sex, age: ageOf(p, day) };
  const lots: string[] = [];
  const rx: Rx[] = [];
  for (const r of weighted(rng, c.rx)) {
    const itemId = pharmacy.itemId(r.item);
    const lot = itemId ? pharmacy.lotFor(point, r.item, day, r.quantity) : null;
    // out of stock that day: the doctor prescribes what the pharmacy has (nothing, here)
    if (!itemId || !lot) continue;
    pharmacy.take(point, r.item, lot, day, r.quantity);
    lots.push(lot);
    rx.push(r);
  }
  const referred = rng() < (c.referral ?? 0.01);
  const followUp = !referred && rng() < (c.followUp ?? 0);
  const fitness =
    referred || rng() < 0.06
      ? {
          status: referred
            ? 'not_fit'
            : weighted(rng, [
                ['fit', 17],
                ['fit_with_escort', 2],
                ['not_fit', 1],
              ] as const),
          validUntil: addDays(day, 30),
        }
      : undefined;
  const body = consultationCreate.parse({
    sessionId: '00000000-0000-4000-8000-000000000000',
    personId: p.id,
    complaint: c.complaint,
    vitals: vitalsFor(rng, patient, c),
    dehydration: c.syndrome === 'acute_watery_diarrhoea' && rng() < 0.35 ? 'some' : 'none',
    diagnoses: [{ code: c.code, certainty: c.code === 'B86' && rng() < 0.3 ? 'confirmed' : 'suspected' }],
    ...(referred ? { treatmentNotes: REFERRAL_NOTE } : {}),
    prescriptions: rx.map((r) => ({
      itemId: pharmacy.itemId(r.item),
      dose: r.dose,
      frequency: r.frequency,
      days: r.days,
      quantity: r.quantity,
      dispense: false, // the doctor prescribes; the nurse hands it over below
    })),
    outcome: referred ? 'referred' : followUp ? 'follow_up' : 'treated',
    ...(followUp ? { followUpOn: addDays(day, 7) } : {}),
    ...(fitness ? { fitness } : {}),
  });
  return { body, lots };
}

interface SessionPlan {
  centre: DemoCentre;
  day: string;
  held: Held[];
  surge: boolean;
  today: boolean;
}

/** Picks the surge: a session 20 to 30 weeks ago at a centre small enough for four cases to cross. */
function surgeOf(plans: SessionPlan[], day0: string): SessionPlan | undefined {
  const from = addDays(day0, -30 * 7);
  const to = addDays(day0, -20 * 7);
  return plans
    .filter((p) => p.day >= from && p.day <= to && p.held.length >= 20 && p.held.length <= 120)
    .sort((a, b) => b.held.length - a.held.length || a.day.localeCompare(b.day))[0];
}

export function clinicEvents(
  w: DemoWork,
  cast: Cast,
  centres: readonly DemoCentre[],
  all: readonly Held[],
  pharmacy: Pharmacy,
  day0: string,
  rng: Rng,
  tally: ClinicTally,
): DemoEvent[] {
  const days = clinicDays(centres.length, day0);
  const plans: SessionPlan[] = centres.flatMap((centre, i) => {
    const last = lastWeekday(day0, days[i] ?? 1);
    return Array.from({ length: WEEKS }, (_, k) => {
      const day = addDays(last, -7 * k);
      return { centre, day, held: heldAt(all, centre.id, day), surge: false, today: day === day0 };
    });
  });
  const surge = surgeOf(plans, day0);
  if (surge) surge.surge = true;
  const start = addDays(day0, -7 * WEEKS);
  const events: DemoEvent[] = [
    {
      day: start,
      run: async () => {
        for (const [i, c] of centres.entries()) await addSchedule(as(w, cast.doctor, start), c, days[i] ?? 1);
        tally.schedules += centres.length;
      },
    },
  ];
  for (const plan of plans)
    events.push({ day: plan.day, run: () => session(w, cast, plan, pharmacy, rng, tally) });
  if (surge) events.push(...response(w, cast, surge, tally));
  return events;
}

async function session(
  w: DemoWork,
  cast: Cast,
  plan: SessionPlan,
  pharmacy: Pharmacy,
  rng: Rng,
  tally: ClinicTally,
) {
  const { centre, day } = plan;
  // today: the morning so far; another day: 08:30 onwards
  const nowMinutes = Math.floor((w.now.getTime() - Date.parse(`${today(w)}T00:00:00Z`)) / 60_000);
  const t0 = plan.today ? Math.max(0, Math.min(8 * 60 + 30, nowMinutes - 120)) : 8 * 60 + 30;
  const nurse = (m: number) => as(w, cast.nurse, day, t0 + m);
  const id = await openSession(nurse(0), {
    centreId: centre.id,
    heldOn: day,
    stockPointId: centre.pharmacy,
    staffUserIds: [cast.doctor.userId],
  });
  tally.sessions++;
  const people = shuffled(rng, plan.held);
  const share = Math.round(people.length * (0.1 + rng() * 0.08));
  let n = Math.min(people.length, 10, people.length ? Math.max(1, share) : 0);
  if (plan.surge) n = Math.min(people.length, Math.max(n, SURGE_CASES + 3));
  const seen = new Map<string, number>();
  // today a couple are seen, the rest of those who came still wait
  const consulted = plan.today ? Math.min(2, n) : n;
  for (const [k, p] of people.slice(0, consulted).entries()) {
    const patient = { sex: p.sex, age: ageOf(p, day) };
    // the surge: its first patients have scabies (the week's cap is passed, so no one else has)
    const c = plan.surge && k < SURGE_CASES ? conditionOf('B86') : conditionFor(rng, patient, seen);
    if (c.syndrome) seen.set(c.syndrome, (seen.get(c.syndrome) ?? 0) + 1);
    const { body, lots } = visit(rng, day, p, c, pharmacy, centre.pharmacy);
    const consultationId = await createConsultation(as(w, cast.doctor, day, t0 + 15 + 12 * k), {
      ...body,
      sessionId: id,
    });
    tally.consultations++;
    if (body.outcome === 'referred') tally.referred++;
    if (lots.length) await handOver(nurse(20 + 12 * k), { consultationId, centre, day, lots });
    tally.dispensed += lots.length;
  }
  if (plan.today) {
    const h = await loadSession(w, id);
    for (const [k, p] of people.slice(consulted, Math.max(n, consulted + 4)).entries())
      await addToQueue(nurse(30 + 5 * k), h, p.id);
    return;
  }
  const h = await loadSession(w, id);
  await updateSession(nurse(4 * 60), h, { version: h.s.version, status: 'closed' });
}

/**
 * The nurse hands the prescriptions over from the lots the demo chose (see demo-pharmacy.ts),
 * through the dispensing service, as the dispense route does after the policy's check.
 */
async function handOver(
  w: DemoWork,
  d: { consultationId: string; centre: DemoCentre; day: string; lots: string[] },
) {
  authorize(w.actor, consultationPolicy, 'dispense', {
    reach: [],
    centre: [d.centre.id],
    point: pointReach({ centreId: d.centre.id }),
    undispensed: true,
  });
  const lines = await w.tx
    .select({ id: prescriptions.id, itemId: prescriptions.itemId, quantity: prescriptions.quantity })
    .from(prescriptions)
    .where(
      and(eq(prescriptions.missionId, w.actor.missionId), eq(prescriptions.consultationId, d.consultationId)),
    )
    .orderBy(asc(prescriptions.position));
  await dispense(
    w,
    { consultationId: d.consultationId, stockPointId: d.centre.pharmacy, on: d.day },
    lines.map((l, i) => ({
      prescriptionId: l.id,
      itemId: l.itemId,
      quantity: l.quantity,
      lotId: d.lots[i],
      path: `prescriptions.${i}`,
    })),
  );
}

const VERIFIED_NOTE =
  'Checked the room lists with the centre: itching in two adjoining rooms, lesions seen on six more detainees.';
const RESPONDED_NOTE =
  'Mass treatment of both rooms with permethrin, bedding and clothes washed and replaced with the stock team; review in two weeks.';

/** The surge's alert: verified by the doctor the next day, responded to by the manager two days on. */
function response(w: DemoWork, cast: Cast, surge: SessionPlan, tally: ClinicTally): DemoEvent[] {
  const find = async (x: Work) => {
    const [a] = await x.tx
      .select({ id: alerts.id })
      .from(alerts)
      .where(
        and(
          eq(alerts.missionId, x.actor.missionId),
          eq(alerts.centreId, surge.centre.id),
          eq(alerts.week, isoWeekOf(surge.day)),
          eq(alerts.syndrome, 'scabies'),
        ),
      );
    if (!a) throw new Error(`The demo's scabies surge at ${surge.centre.name} raised no alert`);
    return loadAlert(x, a.id);
  };
  const verifyOn = addDays(surge.day, 1);
  const respondOn = addDays(surge.day, 3);
  return [
    {
      day: verifyOn,
      run: async () => {
        const x = as(w, cast.doctor, verifyOn, 10 * 60);
        const row = await find(x);
        await transitionAlert(x, row, { status: 'verified', note: VERIFIED_NOTE, version: row.a.version });
        tally.alerts++;
      },
    },
    {
      day: respondOn,
      run: async () => {
        const x = as(w, cast.manager, respondOn, 15 * 60);
        const row = await find(x);
        await transitionAlert(x, row, { status: 'responded', note: RESPONDED_NOTE, version: row.a.version });
      },
    },
  ];
}
