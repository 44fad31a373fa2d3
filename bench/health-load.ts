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
import { REASONS } from '../src/domain/supplies/reasons';
import { ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadDemo } from '../src/server/modules/directory/demo/demo';
import { demoActor, progress } from '../src/server/modules/registry/demo/demo';
import type { Actor } from '../src/server/platform/actor';
import { loadConfig } from '../src/server/platform/config';
import { asActor } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { rows } from '../src/server/platform/tx';
import { openRuntime } from '../src/server/runtime';
import { plan } from './health-plan';
import {
  bulk,
  CHUNK,
  type Ctx,
  centresAndPharmacies,
  clinicDay,
  D,
  I,
  people,
  QUARTER_DAYS,
  QUARTERS,
  type Row,
  type Setup,
  T,
  TRACKED,
  TS,
  tracked,
  U,
  YEARS_DAYS,
} from './health-setup';

export interface HealthLoadOptions {
  consultations: number;
  people: number;
  password: string;
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
