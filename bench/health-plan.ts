import { addDays } from '../src/domain/common/dates';
import { syndromesOf } from '../src/domain/health/syndromes';
import { isoWeekOf } from '../src/domain/health/weeks';
import { REASONS } from '../src/domain/supplies/reasons';
import { int, mulberry32, type Rng } from '../src/server/modules/registry/demo/demo-people';
import type { Actor } from '../src/server/platform/actor';
import { newId } from '../src/server/platform/ids';
import { complaintFor, morbidity, rxFor, secondDiagnosis } from './health-morbidity';
import {
  clinicDay,
  type people,
  QUARTER_DAYS,
  QUARTERS,
  type Row,
  type Setup,
  YEARS_DAYS,
} from './health-setup';

/** The clinic day nearest to `from` + `off` within the `days` from `from` (null: none). */
function clinicDayNear(from: string, days: number, off: number): string | null {
  for (let t = 0; t < 3; t++)
    for (const o of [off - t, off + t])
      if (o >= 0 && o < days && clinicDay(addDays(from, o))) return addDays(from, o);
  return null;
}
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const ageAt = (birth: string | null, on: string) =>
  birth ? Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0) : null;
const vitalsFor = (rng: Rng, code: string) => {
  const fever = /^(J|B05|G03|A0)/.test(code) && rng() < 0.7;
  return {
    temperatureC: Math.round((fever ? 38 + rng() * 1.8 : 36.3 + rng() * 0.9) * 10) / 10,
    pulse: int(rng, fever ? 90 : 62, fever ? 120 : 96),
    spo2: int(rng, fever ? 92 : 96, 99),
  };
};

/** The consultations, spread over the people's held days (sicker people come more often), by day. */
export function plan(
  s: Setup,
  held: Awaited<ReturnType<typeof people>>,
  n: number,
  today: string,
  doctor: Actor,
  nurse: Actor,
) {
  const rng = mulberry32(12);
  const start = addDays(today, -YEARS_DAYS);
  const last = addDays(today, -1);
  const spans = held.map((h) => {
    const from = h.from > start ? h.from : start;
    const to = h.to && h.to < last ? h.to : last;
    const days = Math.max(0, daysBetween(from, to) + 1);
    return { h, from, days, w: days * (0.2 + 1.6 * rng() ** 2) };
  });
  const total = spans.reduce((x, p) => x + p.w, 0);
  const isSyn = (c: string) => syndromesOf(c).length > 0;
  const dx = morbidity(isSyn);
  const dx2 = secondDiagnosis(rng, isSyn);
  // a scabies outbreak somewhere every few months: ×3 for six weeks at one centre
  const outbreaks = Array.from({ length: 10 }, (_, k) => ({
    centre: k % s.centres.length,
    from: addDays(start, 30 + k * 70),
    to: addDays(start, 72 + k * 70),
  }));
  const itemOf = new Map(s.items.map((i) => [i.code, i.id]));
  const lotOf = new Map(s.lots.map((l) => [`${l.code}|${l.k}`, l.id]));
  const out: { day: string; c: Row; dx: Row[]; cases: Row[]; rx: Row[]; mv: Row[]; rl: Row[] }[] = [];
  let acc = 0;
  let made = 0;
  for (const p of spans) {
    acc += (p.w / total) * n;
    const k = Math.round(acc) - made;
    made += k;
    for (let j = 0; j < k && p.days > 0; j++) {
      const day = clinicDayNear(p.from, p.days, Math.floor(rng() * p.days));
      if (!day) continue;
      const centreId = s.centres[p.h.centre]?.id as string;
      const outbreak = outbreaks.some((o) => o.centre === p.h.centre && day >= o.from && day < o.to) ? 3 : 1;
      const codes = [dx(rng, Number(day.slice(5, 7)), outbreak)];
      if (rng() < 0.2) {
        const second = dx2();
        if (second !== codes[0]) codes.push(second);
      }
      const id = newId();
      const week = isoWeekOf(day);
      const age = ageAt(p.h.birth, day);
      const watery = codes[0] === 'A09.0' || codes[0] === 'A00.9';
      const dehydration = watery ? (rng() < 0.05 ? 'severe' : rng() < 0.2 ? 'some' : 'none') : 'none';
      const roll = rng();
      const outcome = roll < 0.02 ? 'referred' : roll < 0.1 ? 'follow_up' : 'treated';
      const at = `${day}T10:${String(j % 60).padStart(2, '0')}:00Z`;
      const syn = [...new Set(codes.flatMap((c) => syndromesOf(c)))];
      const rxs = rng() < 0.75 ? rxFor(rng, codes[0] as string) : [];
      const quarter = Math.min(QUARTERS - 1, Math.floor(daysBetween(start, day) / QUARTER_DAYS));
      const pharmacy = s.points[p.h.centre]?.id as string;
      const rx: Row[] = [];
      const mv: Row[] = [];
      const rl: Row[] = [];
      rxs.forEach(([code, dose, frequency, days, quantity], position) => {
        const rid = newId();
        const mid = newId();
        const lot = lotOf.get(`${code}|${quarter}`) as string;
        rx.push({
          mission_id: doctor.missionId,
          id: rid,
          consultation_id: id,
          position,
          item_id: itemOf.get(code),
          dose,
          frequency,
          days,
          quantity,
          dispensed: quantity,
        });
        mv.push({
          mission_id: doctor.missionId,
          id: mid,
          stock_point_id: pharmacy,
          item_id: itemOf.get(code),
          lot_id: lot,
          quantity: -quantity,
          occurred_on: day,
          recorded_at: at,
          kind: REASONS.dispensed.kind,
          reason: 'dispensed',
          recorded_by: nurse.userId,
          recorded_by_organisation_id: nurse.organisationId,
        });
        rl.push({
          mission_id: doctor.missionId,
          movement_id: mid,
          prescription_id: rid,
          lot_id: lot,
          quantity,
        });
      });
      out.push({
        day,
        c: {
          mission_id: doctor.missionId,
          id,
          session_id: `${centreId}|${day}`,
          centre_id: centreId,
          consulted_on: day,
          week,
          person_id: p.h.id,
          age_years: age,
          clinician_user_id: doctor.userId,
          created_by_organisation_id: doctor.organisationId,
          complaint: complaintFor(codes[0] as string),
          vitals: vitalsFor(rng, codes[0] as string),
          dehydration,
          outcome,
          follow_up_on: outcome === 'follow_up' ? addDays(day, 7) : null,
          created_at: at,
          created_by: doctor.userId,
          updated_at: at,
          updated_by: doctor.userId,
        },
        dx: codes.map((code, position) => ({
          mission_id: doctor.missionId,
          consultation_id: id,
          code,
          certainty: code === 'A15.0' ? 'confirmed' : 'suspected',
          position,
        })),
        cases: syn.map((syndrome) => ({
          mission_id: doctor.missionId,
          consultation_id: id,
          syndrome,
          centre_id: centreId,
          week,
          person_id: p.h.id,
          age_years: age,
          severe_dehydration: dehydration === 'severe',
        })),
        rx,
        mv,
        rl,
      });
    }
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
