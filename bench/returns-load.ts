// Loads the returns benchmark's data into a fresh database: the directory demo (4 centres, demo
// users), ~0.8·N people held in them (the health bench's people: one episode each), one return
// case each over the last two years, in every state of the machine, plus 0.2·N earlier cases of
// the same people that ended (closed, withdrawn, ineligible), so N cases in all; and every case's
// state spans (the path it took to its state). Generated in JS with a fixed seed, written
// set-based as demo-return-officer in mission transactions (RLS applies).
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/dates';
import { FORWARD, type ReturnState } from '../src/domain/returns/states';
import { centres } from '../src/server/db/schema/index';
import { ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadDemo } from '../src/server/modules/directory/demo/demo';
import { demoActor, progress } from '../src/server/modules/registry/demo/demo';
import { mulberry32 } from '../src/server/modules/registry/demo/demo-people';
import { loadConfig } from '../src/server/platform/config';
import { asActor } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { rows } from '../src/server/platform/tx';
import { openRuntime } from '../src/server/runtime';
import { bulk, D, people, type Row, type Setup, T, TRACKED, TS, U } from './health-setup';

export interface ReturnsLoadOptions {
  cases: number;
  password: string;
}

const DAY = 86_400_000;
/** where the current (last) case of each person stands: weights, most cases closed */
const CURRENT: [ReturnState, number][] = [
  ['requested', 6],
  ['counselled', 5],
  ['consented', 5],
  ['protection_cleared', 4],
  ['nationality_confirmed', 5],
  ['travel_document_issued', 4],
  ['exit_cleared', 3],
  ['fit_to_travel', 3],
  ['booked', 3],
  ['departed', 1],
  ['arrived', 3],
  ['reintegration_planned', 4],
  ['reintegration_in_progress', 10],
  ['closed', 30],
  ['withdrawn', 7],
  ['ineligible', 4],
  ['no_show', 3],
];
const ENDED: [ReturnState, number][] = [
  ['closed', 6],
  ['withdrawn', 3],
  ['ineligible', 1],
];
const COUNTRIES: [string, number][] = [
  ['SDN', 20],
  ['NGA', 15],
  ['NER', 10],
  ['TCD', 8],
  ['EGY', 8],
  ['MLI', 7],
  ['GHA', 6],
  ['BGD', 6],
  ['SEN', 5],
  ['GIN', 5],
  ['CMR', 5],
  ['ERI', 5],
];

function weighted<T>(rng: () => number, xs: [T, number][]): T {
  const total = xs.reduce((s, x) => s + x[1], 0);
  let r = rng() * total;
  for (const [x, wt] of xs) {
    r -= wt;
    if (r < 0) return x;
  }
  return xs[0]?.[0] as T;
}

/** The states a case went through to reach `state` (an exit leaves the path somewhere before it). */
function pathTo(rng: () => number, state: ReturnState): ReturnState[] {
  const upTo = (s: ReturnState) => FORWARD.slice(0, FORWARD.indexOf(s) + 1);
  if (state === 'withdrawn') return [...upTo(FORWARD[Math.floor(rng() * 9)] as ReturnState), state];
  if (state === 'ineligible') return [...upTo(FORWARD[Math.floor(rng() * 5)] as ReturnState), state];
  if (state === 'no_show') return [...upTo('booked'), state];
  return upTo(state);
}

/** One case: its row and its spans, entered between `from` (ms) and `until` (ms). */
function aCase(
  rng: () => number,
  m: { missionId: string; org: string; userId: string },
  n: number,
  person: { id: string; centre: string },
  state: ReturnState,
  from: number,
  until: number,
) {
  const path = pathTo(rng, state);
  const gaps = path.map(() => 1 + -Math.log(1 - rng() * 0.99) * 12);
  const span = gaps.reduce((s, g) => s + g, 0) * DAY;
  const scale = Math.min(1, (until - from) / span);
  const entered: number[] = [];
  let at = from;
  for (const g of gaps) {
    entered.push(Math.round(at));
    at += g * DAY * scale;
  }
  const id = newId();
  const iso = (ms: number) => new Date(ms).toISOString();
  const when = (s: ReturnState) => {
    const i = path.indexOf(s);
    return i < 0 ? null : iso(entered[i] as number).slice(0, 10);
  };
  const spans: Row[] = path.map((s, i) => ({
    mission_id: m.missionId,
    id: newId(),
    case_id: id,
    state: s,
    entered_at: iso(entered[i] as number),
    left_at: i + 1 < path.length ? iso(entered[i + 1] as number) : null,
    entered_by: m.userId,
  }));
  const row: Row = {
    mission_id: m.missionId,
    id,
    reference: `BEN-RET-${String(n).padStart(6, '0')}`,
    person_id: person.id,
    programme: rng() < 0.8 ? 'vhr' : 'avrr',
    origin: rng() < 0.9 ? 'person' : 'embassy',
    destination_country: weighted(rng, COUNTRIES),
    centre_id: person.centre,
    requested_on: iso(from).slice(0, 10),
    state,
    state_since: iso(entered.at(-1) as number),
    reason_closed: state === 'withdrawn' || state === 'ineligible' ? 'bench' : null,
    departed_on: when('departed'),
    arrived_on: when('arrived'),
    created_by_organisation_id: m.org,
    created_at: iso(from),
    created_by: m.userId,
    updated_at: iso(entered.at(-1) as number),
    updated_by: m.userId,
  };
  return { row, spans };
}

const CASE_COLS = [
  ['mission_id', U],
  ['id', U],
  ['reference', T],
  ['person_id', U],
  ['programme', T],
  ['origin', T],
  ['destination_country', T],
  ['centre_id', U],
  ['requested_on', D],
  ['state', T],
  ['state_since', TS],
  ['reason_closed', T],
  ['departed_on', D],
  ['arrived_on', D],
  ['created_by_organisation_id', U],
  ...TRACKED,
] as const;
const SPAN_COLS = [
  ['mission_id', U],
  ['id', U],
  ['case_id', U],
  ['state', T],
  ['entered_at', TS],
  ['left_at', TS],
  ['entered_by', U],
] as const;

export type ReturnsLoaded = Awaited<ReturnType<typeof loadReturns>>;

/** Opens the database (PGlite in `dataDir`, or PostgreSQL at `databaseUrl`) and loads it unless a kept run did. */
export async function loadReturns(databaseUrl: string, dataDir: string, o: ReturnsLoadOptions) {
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
  const [caseworker, officer] = await Promise.all(
    ['demo-caseworker', 'demo-return-officer'].map((u) => demoActor(ctx, missionId, u)),
  );
  if (!caseworker || !officer) throw new Error('demo users missing');
  const today = ctx.clock().toISOString().slice(0, 10);
  const count = async (table: string) =>
    Number(
      (
        await rows<{ n: number }>(ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))
      )[0]?.n ?? 0,
    );
  let loadS = 0;
  const already = await count('return_cases');
  if (already > 0)
    console.log(`  reusing ${already.toLocaleString('en')} return cases kept by an earlier run`);
  else {
    const t0 = performance.now();
    const cs = await asActor(ctx, caseworker, (w) =>
      w.tx.select({ id: centres.id }).from(centres).orderBy(centres.name),
    );
    const current = Math.round(o.cases * 0.8);
    const held = await people(ctx, caseworker, { centres: cs } as unknown as Setup, current, today);
    const rng = mulberry32(1313);
    const now = ctx.clock().getTime();
    const start = new Date(`${addDays(today, -730)}T08:00:00Z`).getTime();
    const m = { missionId, org: officer.organisationId, userId: officer.userId };
    const at = (p: (typeof held)[number]) => ({ id: p.id, centre: cs[p.centre]?.id as string });
    const bar = progress(`Return cases: ${o.cases.toLocaleString('en')} with their state spans`, o.cases);
    let n = 0;
    const batch = 5000;
    for (let b = 0; b < o.cases; b += batch)
      await asActor(ctx, officer, async (w) => {
        const cases: Row[] = [];
        const spans: Row[] = [];
        for (let i = b; i < Math.min(o.cases, b + batch); i++) {
          // the first 0.2·N are earlier, ended cases of people who have a current one too
          const earlier = i < o.cases - current;
          const p = held[
            earlier ? Math.floor(rng() * held.length) : i - (o.cases - current)
          ] as (typeof held)[number];
          const from = earlier
            ? start + rng() * (now - start) * 0.4
            : start + (0.45 + rng() * 0.55) * (now - start);
          const until = earlier ? start + (now - start) * 0.45 : now;
          const c = aCase(rng, m, ++n, at(p), weighted(rng, earlier ? ENDED : CURRENT), from, until);
          cases.push(c.row);
          spans.push(...c.spans);
        }
        await bulk(w, 'return_cases', CASE_COLS, cases);
        await bulk(w, 'return_state_spans', SPAN_COLS, spans);
        await w.audit({
          action: 'create',
          entityType: 'return_case',
          changedFields: ['bulk'],
          detail: { count: cases.length },
        });
        bar.tick(n);
      });
    bar.done();
    loadS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const t of ['return_cases', 'return_state_spans', 'persons', 'episodes', 'person_footprints'])
      await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${t}`));
    console.log(
      `  loaded ${current.toLocaleString('en')} people, ${o.cases.toLocaleString('en')} return cases and ${(await count('return_state_spans')).toLocaleString('en')} state spans in ${loadS.toFixed(0)} s; VACUUM (ANALYZE) ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  }
  return { ctx, missionId, officer, today, cases: await count('return_cases'), loadS };
}
