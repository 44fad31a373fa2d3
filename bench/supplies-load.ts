// Loads the supplies benchmark's data into a fresh database: the directory demo (centres, demo
// users), 2 projects, 300 items (variants of the demo catalogue), 40 stock points (a warehouse
// and 39 centre stores and clinic pharmacies over the 4 demo centres), 3,000 lots (10 per item,
// some expired), ~N ledger entries over (point, lot) keys — each key a receipt, then debits
// that never take a closing balance below zero, dated over the past 2 years — the balances as
// the ledger's sums, and ~2,000 people held at the centres (open episodes).
//
// Everything is written as the app role in mission transactions (RLS applies, as for a
// request), as demo users, with one audit event per batch. The ledger is loaded set-based
// (insert … select from generate_series), one statement per month of dates so that the table
// is in recording order (one key's entries spread over the table, as in real use).
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/dates';
import { REASONS, type ReasonCode } from '../src/domain/supplies/reasons';
import {
  centres,
  counters,
  eligibilityRules,
  episodes,
  missions,
  persons,
  projects,
  stockLots,
  stockPoints,
  supplyItems,
} from '../src/server/db/schema/index';
import { ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadDemo } from '../src/server/modules/directory/demo/demo';
import { demoActor, progress } from '../src/server/modules/registry/demo/demo';
import { int, mulberry32, personFactory, pick } from '../src/server/modules/registry/demo/demo-people';
import { nameKeyOf } from '../src/server/modules/registry/registration';
import { DEMO_ITEMS } from '../src/server/modules/supplies/demo/catalogue';
import type { Actor } from '../src/server/platform/actor';
import { loadConfig } from '../src/server/platform/config';
import { asActor, type Work } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { created } from '../src/server/platform/records';
import { rows } from '../src/server/platform/tx';
import { openRuntime } from '../src/server/runtime';

export const ITEMS = 300;
export const LOTS_PER_ITEM = 10;
export const POINTS = 40;
const HOLDERS = 3; // centre points per lot, besides the warehouse
const MEDICAL = ['medicine', 'medical_disposable'];

export interface LoadOptions {
  entries: number;
  people: number;
  password: string;
}

/** One (point, lot) key of the ledger and how its entries are generated (see `ledgerBatch`). */
interface Key {
  k: number;
  p: string;
  i: string;
  l: string;
  /** entries, the receipt included */
  c: number;
  /** the receipt's date; the debits follow, evenly until yesterday */
  r: string;
  /** debit j takes 1 + (j·37 + k·11) mod q */
  q: number;
  /** the receipt: all the debits plus what is left */
  rq: number;
  ik: string;
  ir: ReasonCode;
  ok: string;
  or: ReasonCode;
}

async function catalogue(w: Work, today: string) {
  const projectIds = [newId(), newId()];
  await w.tx.insert(projects).values(
    projectIds.map((id, n) => ({
      ...created(w),
      id,
      code: `BENCH-P${n + 1}`,
      name: `Bench project ${n + 1}`,
    })),
  );
  const items = Array.from({ length: ITEMS }, (_, n) => {
    const t = DEMO_ITEMS[n % DEMO_ITEMS.length] as (typeof DEMO_ITEMS)[number];
    const v = Math.floor(n / DEMO_ITEMS.length) + 1;
    return {
      ...created(w),
      id: newId(),
      code: `${t.code}-B${v}`,
      name: `${t.name} (${v})`,
      nameAr: t.nameAr ? `${t.nameAr} (${v})` : null,
      nameFr: t.nameFr ? `${t.nameFr} (${v})` : null,
      category: t.category,
      baseUnit: t.baseUnit,
      packSize: t.packSize,
      activeIngredient: t.activeIngredient ?? null,
      strength: t.strength ?? null,
      form: t.form ?? null,
      atcCode: t.atcCode ?? null,
    };
  });
  await w.tx.insert(supplyItems).values(items);
  const cs = await w.tx.select({ id: centres.id, name: centres.name }).from(centres).orderBy(centres.name);
  const points = Array.from({ length: POINTS }, (_, p) => {
    const c = cs[(p - 1) % cs.length];
    const kind = p === 0 ? 'warehouse' : p % 2 ? 'centre_store' : 'clinic_pharmacy';
    const name =
      p === 0
        ? 'Bench central warehouse'
        : `${c?.name} ${kind === 'centre_store' ? 'store' : 'pharmacy'} ${Math.ceil(p / cs.length)}`;
    return { ...created(w), id: newId(), name, kind, centreId: p === 0 ? null : (c?.id ?? null) };
  });
  await w.tx.insert(stockPoints).values(points);
  const lots = items.flatMap((it, n) =>
    Array.from({ length: LOTS_PER_ITEM }, (_, v) => {
      const i = n * LOTS_PER_ITEM + v;
      // clothing and bedding keep for years; medicines from 200 days expired to 900 days ahead
      const expiryOn = MEDICAL.includes(it.category)
        ? addDays(today, -200 + ((i * 53) % 1100))
        : it.category === 'food'
          ? addDays(today, -60 + ((i * 37) % 500))
          : addDays(today, 1500 + ((i * 29) % 1500));
      return {
        missionId: w.actor.missionId,
        id: newId(),
        itemId: it.id,
        lotNumber: `B${n}-${v}`,
        expiryOn,
        projectId: projectIds[i % 2] as string,
        createdAt: w.now,
        category: it.category,
      };
    }),
  );
  await w.tx.insert(stockLots).values(lots.map(({ category: _, ...l }) => l));
  await w.tx.insert(eligibilityRules).values({ ...created(w), category: 'clothing', intervalDays: 30 });
  await w.audit({
    action: 'create',
    entityType: 'supply_item',
    changedFields: ['bulk'],
    detail: { items: items.length, points: points.length, lots: lots.length },
  });
  return { points, lots };
}

/** The ledger's keys: every lot at the warehouse and at 3 points of its kind, ~N entries over them. */
function keysOf(
  c: Awaited<ReturnType<typeof catalogue>>,
  entries: number,
  start: string,
  today: string,
): Key[] {
  const [warehouse, ...others] = c.points;
  const stores = others.filter((p) => p.kind === 'centre_store');
  const pharmacies = others.filter((p) => p.kind === 'clinic_pharmacy');
  const rng = mulberry32(31);
  const raw = c.lots.flatMap((lot, n) => {
    const medical = MEDICAL.includes(lot.category);
    const at = medical ? pharmacies : stores;
    const holders = [
      warehouse,
      ...Array.from({ length: HOLDERS }, (_, t) => at[(n * 7 + t * 5) % at.length]),
    ];
    return holders.map((p, t) => ({
      p: p as (typeof c.points)[number],
      lot,
      t,
      w: (t ? 1 : 3) * (0.5 + rng()),
    }));
  });
  const weight = raw.reduce((s, x) => s + x.w, 0);
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  return raw.map((x, k) => {
    const n = Math.max(2, Math.round((entries * x.w) / weight));
    const warehouseKey = x.t === 0;
    const medical = MEDICAL.includes(x.lot.category);
    const q = (medical ? 30 : x.lot.category === 'hygiene' ? 10 : 3) * (warehouseKey ? 10 : 1);
    const r = addDays(start, warehouseKey ? (k * 13) % 60 : 60 + ((k * 17) % 120));
    if (days(r, today) < 3) throw new Error('receipt too late');
    let debits = 0;
    for (let j = 1; j < n; j++) debits += 1 + ((j * 37 + k * 11) % q);
    const left = k % 10 === 0 ? 0 : q * (5 + (k % 20)); // one key in ten runs out
    const ir: ReasonCode = warehouseKey ? (k % 2 ? 'donation' : 'purchase') : 'transfer_received';
    const or: ReasonCode = warehouseKey ? 'transfer_dispatched' : medical ? 'dispensed' : 'distributed';
    return {
      k,
      p: x.p.id,
      i: x.lot.itemId,
      l: x.lot.id,
      c: n,
      r,
      q,
      rq: debits + left,
      ik: REASONS[ir].kind,
      ir,
      ok: REASONS[or].kind,
      or,
    };
  });
}

/** The entries of every key dated in [from, to), in recording order; j = 0 is the receipt. */
const ledgerBatch = (w: Work, keys: string, from: string, to: string, today: string) => sql`
  insert into stock_movements (mission_id, id, stock_point_id, item_id, lot_id, quantity, occurred_on,
    recorded_at, kind, reason, document_number, unit_cost_minor, currency, recorded_by,
    recorded_by_organisation_id)
  select ${w.actor.missionId}::uuid,
    (lpad(to_hex((extract(epoch from m.at) * 1000)::bigint), 12, '0') || '7' || substr(m.h, 1, 3)
      || '8' || substr(m.h, 4, 15))::uuid,
    k.p, k.i, k.l,
    case when m.j = 0 then k.rq else -(1 + (m.j * 37 + k.k * 11) % k.q) end,
    m.d, m.at,
    case when m.j = 0 then k.ik when m.j % 20 = 0 then 'loss' else k.ok end,
    case when m.j = 0 then k.ir when m.j % 20 = 0 then 'damaged' else k."or" end,
    'BENCH-' || k.k,
    case when m.j = 0 and k.ir = 'purchase' then 250 end,
    case when m.j = 0 and k.ir = 'purchase' then 'USD' end,
    ${w.actor.userId}::uuid, ${w.actor.organisationId}::uuid
  from jsonb_to_recordset(${keys}::jsonb) as k(k int, p uuid, i uuid, l uuid, c int, r date, q int, rq int,
    ik text, ir text, ok text, "or" text)
  cross join lateral (
    select x.j, x.d, (x.d + time '08:00' + x.j * interval '1 second')::timestamptz as at,
      md5(k.k || '.' || x.j) as h
    from (
      select j, case when j = 0 then k.r
        else k.r + 1 + ((j - 1) * (${today}::date - k.r - 1)) / (k.c - 1) end as d
      from generate_series(
        case when ${from}::date <= k.r then 0
          else greatest(1, ((${from}::date - k.r - 1) * (k.c - 1)) / (${today}::date - k.r - 1)) end,
        least(k.c - 1, ((${to}::date - k.r - 1) * (k.c - 1)) / (${today}::date - k.r - 1) + 2)) j
    ) x
  ) m
  where m.d >= ${from}::date and m.d < ${to}::date
  order by m.at`;

async function ledger(
  ctx: Loaded['ctx'],
  officer: Actor,
  c: Awaited<ReturnType<typeof catalogue>>,
  entries: number,
  today: string,
) {
  const start = addDays(today, -730);
  const keys = keysOf(c, entries, start, today);
  const total = keys.reduce((s, k) => s + k.c, 0);
  const json = JSON.stringify(keys);
  const bar = progress(
    `Ledger: ${total.toLocaleString('en')} entries over ${keys.length.toLocaleString('en')} keys (${ctx.database.kind})`,
    total,
  );
  let done = 0;
  for (let from = start; from <= today; from = addDays(from, 30)) {
    const to = addDays(from, 30);
    const n = await asActor(ctx, officer, async (w) => {
      const r = (await w.tx.execute(ledgerBatch(w, json, from, to, today))) as {
        rowCount?: number;
        affectedRows?: number;
      };
      const count = Number(r.rowCount ?? r.affectedRows ?? 0);
      await w.audit({
        action: 'create',
        entityType: 'stock_movement',
        changedFields: ['bulk'],
        detail: { count, from, to },
      });
      return count;
    });
    done += n;
    bar.tick(Math.min(total, done));
  }
  bar.done();
  await asActor(ctx, officer, async (w) => {
    await w.tx.execute(sql`insert into stock_balances (mission_id, stock_point_id, item_id, lot_id, on_hand)
      select mission_id, stock_point_id, item_id, lot_id, sum(quantity)::int from stock_movements
      where mission_id = ${w.actor.missionId} group by 1, 2, 3, 4`);
    await w.audit({ action: 'create', entityType: 'stock_balance', changedFields: ['bulk'] });
  });
  return { total, keys: keys.length };
}

/** People held at the demo centres (one open episode each), as demo-caseworker. */
async function people(ctx: Loaded['ctx'], caseworker: Actor, n: number, today: string) {
  const { centreIds, code } = await asActor(ctx, caseworker, async (w) => ({
    centreIds: (await w.tx.select({ id: centres.id }).from(centres)).map((c) => c.id),
    code: (await w.tx.select({ code: missions.code }).from(missions))[0]?.code,
  }));
  const factory = personFactory(4243, today);
  const rng = mulberry32(98);
  const year = Number(today.slice(0, 4));
  await asActor(ctx, caseworker, async (w) => {
    const ps: (typeof persons.$inferInsert)[] = [];
    const es: (typeof episodes.$inferInsert)[] = [];
    for (let i = 1; i <= n; i++) {
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
      es.push({
        ...created(w),
        id: newId(),
        personId: id,
        centreId: pick(rng, centreIds),
        admittedOn: addDays(today, -int(rng, 40, 400)),
        circumstances: pick(rng, ['intercepted_at_sea', 'arrested_in_city', 'checkpoint'] as const),
        createdByOrganisationId: w.actor.organisationId,
      });
    }
    for (let s = 0; s < n; s += 500) {
      await w.tx.insert(persons).values(ps.slice(s, s + 500));
      await w.tx.insert(episodes).values(es.slice(s, s + 500));
    }
    await w.tx
      .insert(counters)
      .values({ missionId: w.actor.missionId, series: 'registration', year, last: n })
      .onConflictDoNothing();
    await w.audit({ action: 'create', entityType: 'person', changedFields: ['bulk'], detail: { count: n } });
  });
}

export type Loaded = Awaited<ReturnType<typeof loadSupplies>>;

/** Opens the database (PGlite in `dataDir`, or PostgreSQL at `databaseUrl`) and loads it unless a kept run did. */
export async function loadSupplies(databaseUrl: string, dataDir: string, o: LoadOptions) {
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
  const officer = await demoActor(ctx, missionId, 'demo-stock-officer');
  const caseworker = await demoActor(ctx, missionId, 'demo-caseworker');
  const today = ctx.clock().toISOString().slice(0, 10);
  const [{ n: already }] = (await rows(
    ctx.database.db.execute(
      sql`select count(*)::int as n from stock_movements where mission_id = ${missionId}`,
    ),
  )) as [{ n: number }];
  let loadS = 0;
  let vacuumS = 0;
  let ledgerS = 0;
  let keys = 0;
  let lowest: number | null = null;
  if (already > 0)
    console.log(`  reusing ${already.toLocaleString('en')} ledger entries kept by an earlier run`);
  else {
    const t0 = performance.now();
    const c = await asActor(ctx, officer, (w) => catalogue(w, today));
    const tl = performance.now();
    keys = (await ledger(ctx, officer, c, o.entries, today)).keys;
    ledgerS = (performance.now() - tl) / 1000;
    await people(ctx, caseworker, o.people, today);
    loadS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    // what the server's maintenance (PGlite) or autovacuum (PostgreSQL) leaves after a bulk load
    for (const t of [
      'stock_movements',
      'stock_balances',
      'stock_lots',
      'supply_items',
      'stock_points',
      'persons',
      'episodes',
    ])
      await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${t}`));
    vacuumS = (performance.now() - t1) / 1000;
    // the load's own check: no (point, lot) balance below zero at the end of any day
    [{ lowest }] = (await rows(
      ctx.database.db.execute(sql`select min(b)::int as lowest from (
        select sum(sum(quantity)) over (partition by stock_point_id, lot_id order by occurred_on) as b
        from stock_movements where mission_id = ${missionId} group by stock_point_id, lot_id, occurred_on) x`),
    )) as [{ lowest: number | null }];
  }
  const [{ entries }] = (await rows(
    ctx.database.db.execute(
      sql`select count(*)::int as entries from stock_movements where mission_id = ${missionId}`,
    ),
  )) as [{ entries: number }];
  if (loadS)
    console.log(
      `  loaded ${entries.toLocaleString('en')} entries over ${keys.toLocaleString('en')} keys, ${ITEMS} items, ${POINTS} points, ${ITEMS * LOTS_PER_ITEM} lots and ${o.people.toLocaleString('en')} people in ${loadS.toFixed(0)} s, as the app role in mission transactions (the ledger and balances set-based: ${ledgerS.toFixed(0)} s, ${Math.round(entries / ledgerS).toLocaleString('en')} entries/s); VACUUM (ANALYZE) ${vacuumS.toFixed(1)} s; lowest closing balance of any key on any day: ${lowest}`,
    );
  return { ctx, missionId, officer, caseworker, today, entries, loadS };
}
