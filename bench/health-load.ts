// Loads the health benchmark's data into a fresh database: the directory demo (4 centres, demo
// users) and 8 more centres (12), a clinic pharmacy per centre with 14 medicines, clinic sessions
// five days a week (Sunday to Thursday) over two years and an open one today, ~N/7 people held
// in the centres over those years (one episode each, so the weekly population is the
// registry's), and N consultations of those people on days they were held, with realistic
// morbidity (health-morbidity.ts), their diagnoses, the matching surveillance_cases rows, and
// prescriptions dispensed through the ledger lot by lot (a receipt per lot and pharmacy each
// quarter, a dispensing entry per prescription, the balances as the ledger's sums), plus a fresh
// lot of every medicine at every pharmacy for the measured saves.
//
// Generated in JS with a fixed seed, written set-based (insert … select from jsonb_to_recordset,
// a few thousand rows a statement) as the app role in mission transactions (RLS applies), as
// demo users, with one audit event per batch.
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/dates';
import { syndromesOf } from '../src/domain/health/syndromes';
import { isoWeekOf } from '../src/domain/health/weeks';
import { EPISODE_END_REASONS } from '../src/domain/registry/schemas';
import { REASONS } from '../src/domain/supplies/reasons';
import { centres, counters, episodes, missions, persons } from '../src/server/db/schema/index';
import { ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadDemo } from '../src/server/modules/directory/demo/demo';
import { demoActor, progress } from '../src/server/modules/registry/demo/demo';
import {
  int,
  mulberry32,
  personFactory,
  pick,
  type Rng,
} from '../src/server/modules/registry/demo/demo-people';
import { nameKeyOf } from '../src/server/modules/registry/registration';
import type { Actor } from '../src/server/platform/actor';
import { loadConfig } from '../src/server/platform/config';
import { asActor, asSystem, type Work } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { created } from '../src/server/platform/records';
import { rows } from '../src/server/platform/tx';
import { openRuntime } from '../src/server/runtime';
import { complaintFor, MEDICINES, MORE_CENTRES, morbidity, rxFor, secondDiagnosis } from './health-morbidity';

export interface HealthLoadOptions {
  consultations: number;
  people: number;
  password: string;
}
type Ctx = Awaited<ReturnType<typeof openRuntime>>;
type Row = Record<string, unknown>;
const YEARS_DAYS = 730;
const QUARTERS = 8;
const QUARTER_DAYS = 92; // 8 × 92 > 730: every day of the two years has its quarter's lot
const CHUNK = 4000;
/** Sunday to Thursday (JS getUTCDay), the clinic's days */
const clinicDay = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() <= 4;
/** The clinic day nearest to `from` + `off` within the `days` from `from` (null: none). */
function clinicDayNear(from: string, days: number, off: number): string | null {
  for (let t = 0; t < 3; t++)
    for (const o of [off - t, off + t])
      if (o >= 0 && o < days && clinicDay(addDays(from, o))) return addDays(from, o);
  return null;
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** insert … select … from jsonb_to_recordset: rows keyed by column name, `cols` as [column, type]. */
async function bulk(
  w: Work,
  table: string,
  cols: readonly (readonly [string, string])[],
  data: readonly Row[],
) {
  const names = cols.map(([c]) => c).join(', ');
  const defs = cols.map(([c, t]) => `${c} ${t}`).join(', ');
  for (let s = 0; s < data.length; s += CHUNK)
    await w.tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)}
        from jsonb_to_recordset(${JSON.stringify(data.slice(s, s + CHUNK))}::jsonb) as x(${sql.raw(defs)})`,
    );
}
const U = 'uuid';
const T = 'text';
const D = 'date';
const I = 'int';
const TS = 'timestamptz';
const TRACKED = [
  ['created_at', TS],
  ['created_by', U],
  ['updated_at', TS],
  ['updated_by', U],
] as const;
const tracked = (w: Work, at: string) => ({
  created_at: at,
  created_by: w.actor.userId,
  updated_at: at,
  updated_by: w.actor.userId,
});

/** The demo's 4 centres and 8 more, with a clinic pharmacy and a weekly schedule each. */
async function centresAndPharmacies(ctx: Ctx, missionId: string, nurse: Actor, today: string) {
  await asSystem(ctx, missionId, async (w) => {
    const have = new Set((await w.tx.select({ name: centres.name }).from(centres)).map((c) => c.name));
    const add = MORE_CENTRES.filter(([name]) => !have.has(name));
    if (add.length)
      await w.tx.insert(centres).values(
        add.map(([name, nameAr, nameFr, location, capacity]) => ({
          ...created(w),
          id: newId(),
          name,
          nameAr,
          nameFr,
          type: name.includes('Detention')
            ? 'detention'
            : name.includes('Reception')
              ? 'reception'
              : 'holding',
          location,
          capacity,
        })),
      );
    await w.audit({
      action: 'create',
      entityType: 'centre',
      changedFields: ['bulk'],
      detail: { count: add.length },
    });
  });
  return asActor(ctx, nurse, async (w) => {
    const cs = await w.tx.select({ id: centres.id, name: centres.name }).from(centres).orderBy(centres.name);
    const at = w.now.toISOString();
    const items = MEDICINES.map(([code, name, baseUnit, form, strength, atcCode]) => ({
      mission_id: w.actor.missionId,
      id: newId(),
      code,
      name,
      category: 'medicine',
      base_unit: baseUnit,
      pack_size: baseUnit === 'tablet' || baseUnit === 'capsule' ? 100 : 1,
      active_ingredient: name.split(/ \d/)[0],
      strength,
      form,
      atc_code: atcCode,
      ...tracked(w, at),
    }));
    await bulk(
      w,
      'supply_items',
      [
        ['mission_id', U],
        ['id', U],
        ['code', T],
        ['name', T],
        ['category', T],
        ['base_unit', T],
        ['pack_size', I],
        ['active_ingredient', T],
        ['strength', T],
        ['form', T],
        ['atc_code', T],
        ...TRACKED,
      ],
      items,
    );
    const points = cs.map((c) => ({
      mission_id: w.actor.missionId,
      id: newId(),
      name: `${c.name} clinic pharmacy`,
      kind: 'clinic_pharmacy',
      centre_id: c.id,
      ...tracked(w, at),
    }));
    await bulk(
      w,
      'stock_points',
      [['mission_id', U], ['id', U], ['name', T], ['kind', T], ['centre_id', U], ...TRACKED],
      points,
    );
    const schedules = points.flatMap((p) =>
      [7, 1, 2, 3, 4].map((weekday) => ({
        mission_id: w.actor.missionId,
        id: newId(),
        centre_id: p.centre_id,
        weekday,
        starts_at: '09:00',
        stock_point_id: p.id,
        ...tracked(w, at),
      })),
    );
    await bulk(
      w,
      'clinic_schedules',
      [
        ['mission_id', U],
        ['id', U],
        ['centre_id', U],
        ['weekday', I],
        ['starts_at', T],
        ['stock_point_id', U],
        ...TRACKED,
      ],
      schedules,
    );
    // a lot per medicine and quarter (the older ones expired by now) and a fresh one
    const start = addDays(today, -YEARS_DAYS);
    const lots = items.flatMap((it) =>
      [
        ...Array.from({ length: QUARTERS }, (_, k) => ({
          k,
          lot_number: `Q${k + 1}-${it.code}`,
          expiry_on: addDays(start, QUARTER_DAYS * (k + 1) + 540),
        })),
        { k: QUARTERS, lot_number: `F-${it.code}`, expiry_on: addDays(today, 400) },
      ].map((l) => ({
        mission_id: w.actor.missionId,
        id: newId(),
        item_id: it.id,
        code: it.code,
        created_at: at,
        ...l,
      })),
    );
    await bulk(
      w,
      'stock_lots',
      [
        ['mission_id', U],
        ['id', U],
        ['item_id', U],
        ['lot_number', T],
        ['expiry_on', D],
        ['created_at', TS],
      ],
      lots,
    );
    await w.audit({
      action: 'create',
      entityType: 'supply_item',
      changedFields: ['bulk'],
      detail: { items: items.length, points: points.length, lots: lots.length },
    });
    return { centres: cs, items, points, lots };
  });
}
type Setup = Awaited<ReturnType<typeof centresAndPharmacies>>;

/** ~n people, each held once in one centre for 3 weeks to a year, admitted over the two years and the season before. */
async function people(ctx: Ctx, caseworker: Actor, s: Setup, n: number, today: string) {
  const code = (await asActor(ctx, caseworker, (w) => w.tx.select({ code: missions.code }).from(missions)))[0]
    ?.code;
  const factory = personFactory(4244, today);
  const rng = mulberry32(77);
  const year = Number(today.slice(0, 4));
  const start = addDays(today, -YEARS_DAYS);
  const held: { id: string; centre: number; from: string; to: string | null; birth: string | null }[] = [];
  const bar = progress(`People: ${n.toLocaleString('en')} held in ${s.centres.length} centres`, n);
  for (let b = 0; b < n; b += 2000)
    await asActor(ctx, caseworker, async (w) => {
      const ps: (typeof persons.$inferInsert)[] = [];
      const es: (typeof episodes.$inferInsert)[] = [];
      for (let i = b + 1; i <= Math.min(n, b + 2000); i++) {
        const { name: _, age: __, ...fields } = factory.person();
        const id = newId();
        ps.push({
          ...fields,
          ...created(w),
          id,
          registrationNumber: `${code}-${year}-${String(i).padStart(6, '0')}`,
          nameKey: nameKeyOf(fields),
          createdByOrganisationId: w.actor.organisationId,
        });
        const centre = i % s.centres.length;
        const from = addDays(start, int(rng, -90, YEARS_DAYS));
        const stay = 21 + Math.floor(-Math.log(1 - rng() * 0.98) * 75);
        const to = addDays(from, Math.min(stay, 365)) < today ? addDays(from, Math.min(stay, 365)) : null;
        held.push({ id, centre, from, to, birth: fields.birthDate ?? null });
        es.push({
          ...created(w),
          id: newId(),
          personId: id,
          centreId: s.centres[centre]?.id as string,
          admittedOn: from,
          endedOn: to,
          endReason: to
            ? pick(
                rng,
                EPISODE_END_REASONS.filter((r) => r !== 'transfer' && r !== 'death'),
              )
            : null,
          circumstances: pick(rng, ['intercepted_at_sea', 'arrested_in_city', 'checkpoint'] as const),
          createdByOrganisationId: w.actor.organisationId,
        });
      }
      for (let k = 0; k < ps.length; k += 500) {
        await w.tx.insert(persons).values(ps.slice(k, k + 500));
        await w.tx.insert(episodes).values(es.slice(k, k + 500));
      }
      await w.audit({
        action: 'create',
        entityType: 'person',
        changedFields: ['bulk'],
        detail: { count: ps.length },
      });
      bar.tick(Math.min(n, b + 2000));
    });
  bar.done();
  await asActor(ctx, caseworker, (w) =>
    w.tx
      .insert(counters)
      .values({ missionId: w.actor.missionId, series: 'registration', year, last: n })
      .onConflictDoNothing(),
  );
  return held;
}

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
function plan(
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

/** Sessions (closed before today, open today), receipts, then the consultations in day order. */
async function clinics(
  ctx: Ctx,
  s: Setup,
  planned: ReturnType<typeof plan>,
  today: string,
  doctor: Actor,
  nurse: Actor,
) {
  const start = addDays(today, -YEARS_DAYS);
  const sessions = new Map<string, string>();
  await asActor(ctx, nurse, async (w) => {
    const rs: Row[] = [];
    for (const [i, c] of s.centres.entries())
      for (let d = start; d <= today; d = addDays(d, 1))
        if (clinicDay(d) || d === today) {
          const id = newId();
          sessions.set(`${c.id}|${d}`, id);
          rs.push({
            mission_id: w.actor.missionId,
            id,
            centre_id: c.id,
            held_on: d,
            stock_point_id: s.points[i]?.id,
            status: d === today ? 'open' : 'closed',
            created_by_organisation_id: w.actor.organisationId,
            ...tracked(w, `${d}T08:30:00Z`),
          });
        }
    await bulk(
      w,
      'clinic_sessions',
      [
        ['mission_id', U],
        ['id', U],
        ['centre_id', U],
        ['held_on', D],
        ['stock_point_id', U],
        ['status', T],
        ['created_by_organisation_id', U],
        ...TRACKED,
      ],
      rs,
    );
    await w.tx.execute(sql`insert into clinic_session_staff (mission_id, session_id, user_id)
      select s.mission_id, s.id, u.id from clinic_sessions s cross join (values (${doctor.userId}::uuid), (${nurse.userId}::uuid)) as u(id)`);
    // each quarter's lot reaches each pharmacy on the quarter's first day: what it dispensed
    // that quarter and, for some, a remainder (expired by now for the older quarters)
    const need = new Map<string, { point: string; item: string; lot: string; q: number }>();
    for (const p of planned)
      for (const m of p.mv) {
        const k = `${m.stock_point_id}|${m.lot_id}`;
        const e = need.get(k) ?? {
          point: m.stock_point_id as string,
          item: m.item_id as string,
          lot: m.lot_id as string,
          q: 0,
        };
        e.q -= m.quantity as number;
        need.set(k, e);
      }
    const receipts: Row[] = [];
    const add = (point: string, item: string, lot: string, q: number, on: string, n: number) =>
      receipts.push({
        mission_id: w.actor.missionId,
        id: newId(),
        stock_point_id: point,
        item_id: item,
        lot_id: lot,
        quantity: q,
        occurred_on: on,
        recorded_at: `${on}T07:00:00Z`,
        kind: REASONS.transfer_received.kind,
        reason: 'transfer_received',
        document_number: `BENCH-${n}`,
        recorded_by: w.actor.userId,
        recorded_by_organisation_id: w.actor.organisationId,
      });
    for (const l of s.lots)
      for (const pt of s.points) {
        if (l.k === QUARTERS) add(pt.id, l.item_id, l.id, 20_000, addDays(today, -7), receipts.length);
        else {
          const q = (need.get(`${pt.id}|${l.id}`)?.q ?? 0) + (l.k % 3 === 0 || l.k >= QUARTERS - 2 ? 40 : 0);
          if (q > 0) add(pt.id, l.item_id, l.id, q, addDays(start, l.k * QUARTER_DAYS), receipts.length);
        }
      }
    await bulk(w, 'stock_movements', MOVEMENT_COLS, receipts);
    await w.audit({
      action: 'create',
      entityType: 'stock_movement',
      changedFields: ['bulk'],
      detail: { count: receipts.length, sessions: rs.length },
    });
  });
  const bar = progress(
    `Consultations: ${planned.length.toLocaleString('en')} over ${sessions.size.toLocaleString('en')} clinic sessions (${ctx.database.kind})`,
    planned.length,
  );
  for (let b = 0; b < planned.length; b += CHUNK)
    await asActor(ctx, doctor, async (w) => {
      const part = planned.slice(b, b + CHUNK);
      const cs = part.map((p) => ({
        ...p.c,
        session_id: sessions.get(p.c.session_id as string),
        complaint: ctx.cipher.encrypt(p.c.complaint as string),
      }));
      await bulk(w, 'consultations', CONSULTATION_COLS, cs);
      await bulk(
        w,
        'consultation_diagnoses',
        [
          ['mission_id', U],
          ['consultation_id', U],
          ['code', T],
          ['certainty', T],
          ['position', I],
        ],
        part.flatMap((p) => p.dx),
      );
      await bulk(
        w,
        'surveillance_cases',
        [
          ['mission_id', U],
          ['consultation_id', U],
          ['syndrome', T],
          ['centre_id', U],
          ['week', T],
          ['person_id', U],
          ['age_years', I],
          ['severe_dehydration', 'boolean'],
        ],
        part.flatMap((p) => p.cases),
      );
      await bulk(
        w,
        'prescriptions',
        [
          ['mission_id', U],
          ['id', U],
          ['consultation_id', U],
          ['position', I],
          ['item_id', U],
          ['dose', T],
          ['frequency', T],
          ['days', I],
          ['quantity', I],
          ['dispensed', I],
        ],
        part.flatMap((p) => p.rx),
      );
      await bulk(
        w,
        'stock_movements',
        MOVEMENT_COLS,
        part.flatMap((p) => p.mv),
      );
      await bulk(
        w,
        'prescription_lots',
        [
          ['mission_id', U],
          ['movement_id', U],
          ['prescription_id', U],
          ['lot_id', U],
          ['quantity', I],
        ],
        part.flatMap((p) => p.rl),
      );
      await w.audit({
        action: 'create',
        entityType: 'consultation',
        changedFields: ['bulk'],
        detail: { count: part.length, from: part[0]?.day, to: part.at(-1)?.day },
      });
      bar.tick(Math.min(planned.length, b + CHUNK));
    });
  bar.done();
  await asActor(ctx, nurse, async (w) => {
    await w.tx.execute(sql`insert into stock_balances (mission_id, stock_point_id, item_id, lot_id, on_hand)
      select mission_id, stock_point_id, item_id, lot_id, sum(quantity)::int from stock_movements
      where mission_id = ${w.actor.missionId} group by 1, 2, 3, 4`);
    await w.audit({ action: 'create', entityType: 'stock_balance', changedFields: ['bulk'] });
  });
}
const MOVEMENT_COLS = [
  ['mission_id', U],
  ['id', U],
  ['stock_point_id', U],
  ['item_id', U],
  ['lot_id', U],
  ['quantity', I],
  ['occurred_on', D],
  ['recorded_at', TS],
  ['kind', T],
  ['reason', T],
  ['document_number', T],
  ['recorded_by', U],
  ['recorded_by_organisation_id', U],
] as const;
const CONSULTATION_COLS = [
  ['mission_id', U],
  ['id', U],
  ['session_id', U],
  ['centre_id', U],
  ['consulted_on', D],
  ['week', T],
  ['person_id', U],
  ['age_years', I],
  ['clinician_user_id', U],
  ['created_by_organisation_id', U],
  ['complaint', T],
  ['vitals', 'jsonb'],
  ['dehydration', T],
  ['outcome', T],
  ['follow_up_on', D],
  ...TRACKED,
] as const;

export type HealthLoaded = Awaited<ReturnType<typeof loadHealth>>;

/** Opens the database (PGlite in `dataDir`, or PostgreSQL at `databaseUrl`) and loads it unless a kept run did. */
export async function loadHealth(databaseUrl: string, dataDir: string, o: HealthLoadOptions) {
  const config = {
    ...loadConfig(),
    logLevel: 'silent',
    dataDir,
    databaseUrl: databaseUrl || undefined,
    demoPassword: o.password,
    secretKey: process.env.SANAD_SECRET_KEY || 'bench secret key',
  };
  const ctx = await openRuntime(config);
  const missionId = await ensureMission(ctx);
  const log = console.log;
  console.log = () => {}; // the directory demo's own summary
  await loadDemo(ctx, missionId).finally(() => {
    console.log = log;
  });
  const [doctor, nurse, caseworker] = await Promise.all(
    ['demo-doctor', 'demo-nurse', 'demo-caseworker'].map((u) => demoActor(ctx, missionId, u)),
  );
  if (!doctor || !nurse || !caseworker) throw new Error('demo users missing');
  const today = ctx.clock().toISOString().slice(0, 10);
  const count = async () =>
    Number(
      (
        (
          await rows<{ n: number }>(
            ctx.database.db.execute(
              sql`select count(*)::int as n from consultations where mission_id = ${missionId}`,
            ),
          )
        )[0] as { n: number }
      ).n,
    );
  let loadS = 0;
  const already = await count();
  if (already > 0)
    console.log(`  reusing ${already.toLocaleString('en')} consultations kept by an earlier run`);
  else {
    const t0 = performance.now();
    const s = await centresAndPharmacies(ctx, missionId, nurse, today);
    const held = await people(ctx, caseworker, s, o.people, today);
    const tp = performance.now();
    const planned = plan(s, held, o.consultations, today, doctor, nurse);
    const planS = (performance.now() - tp) / 1000;
    const tc = performance.now();
    await clinics(ctx, s, planned, today, doctor, nurse);
    const clinicS = (performance.now() - tc) / 1000;
    loadS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    // what the server's maintenance (PGlite) or autovacuum (PostgreSQL) leaves after a bulk load
    for (const t of [
      'consultations',
      'consultation_diagnoses',
      'surveillance_cases',
      'prescriptions',
      'prescription_lots',
      'stock_movements',
      'stock_balances',
      'stock_lots',
      'clinic_sessions',
      'persons',
      'episodes',
      'person_footprints',
      'centres',
    ])
      await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${t}`));
    console.log(
      `  loaded ${o.people.toLocaleString('en')} people and ${planned.length.toLocaleString('en')} consultations in ${loadS.toFixed(0)} s (planned in JS ${planS.toFixed(1)} s, written set-based ${clinicS.toFixed(0)} s, ${Math.round(planned.length / clinicS).toLocaleString('en')} consultations/s with their rows); VACUUM (ANALYZE) ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  }
  return { ctx, missionId, doctor, nurse, today, consultations: await count(), loadS };
}
