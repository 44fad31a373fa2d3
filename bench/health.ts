// Health at scale: 200,000 consultations over two years in 12 centres (see health-load.ts), then
// the issue's four figures through the real app as demo-nurse (buildApp + inject), each beside a
// bare SQL baseline over the same rows in the same run (as the owner, outside any transaction,
// no app code) and the ratio:
//   1. the week's surveillance table, all centres: GET /surveillance?week= (p95 ≤ 200 ms), beside
//      the table's three bare statements (population from episodes, consultations, cases);
//   2. a year's epidemic curve of one syndrome: GET /surveillance/curve (p95 ≤ 100 ms), all
//      centres together and one centre in turn, beside the bare weekly population and cases;
//   3. a consultation with a diagnosis and a dispensed prescription: POST /consultations
//      (p95 ≤ 100 ms), beside the bare first-expiry lot lookup at the session's pharmacy;
//   4. diagnosis search: GET /diagnoses?q= over codes, prefixes, English, Arabic and French
//      (p95 ≤ 20 ms), beside the in-process search of the list and the bare read of the
//      mission's own conditions.
// PGlite (temp dir) by default; PostgreSQL with --engine postgres (or --pg URL / DATABASE_URL:
// both engines), a fresh database dropped afterwards. Each engine runs in a child process.
// A missed target prints the EXPLAIN ANALYZE of its bare statements (--explain: always).
//
//   npm run bench -- health [--consultations 200000] [--people N] [--tables 100] [--curves 100]
//                           [--saves 200] [--searches 400] [--engine pglite|postgres|both]
//                           [--pg URL] [--keep NAME] [--explain]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { consultationCreate } from '../src/domain/health/consultations';
import { DIAGNOSES, searchDiagnoses } from '../src/domain/health/diagnoses';
import { SYNDROMES } from '../src/domain/health/syndromes';
import { addWeeks, isoWeekOf, weekEnd, weekStart } from '../src/domain/health/weeks';
import { buildApp } from '../src/server/app';
import { createConsultation } from '../src/server/modules/health/consultations.service';
import { asActor } from '../src/server/platform/http';
import { rows } from '../src/server/platform/tx';
import { fmt, options, pct, ratio, runChild, timed, verdict, withFreshPg } from './bench-common';
import { type HealthLoaded, loadHealth } from './health-load';

const args = process.argv.slice(2);
const opt = options(args);
const CONSULTATIONS = Number(opt('consultations', '200000'));
const PEOPLE = Number(opt('people', String(Math.max(500, Math.round(CONSULTATIONS * 0.15)))));
const TABLES = Number(opt('tables', '100'));
const CURVES = Number(opt('curves', '100'));
const SAVES = Number(opt('saves', '200'));
const SEARCHES = Number(opt('searches', '400'));
const EXPLAIN = args.includes('--explain');
const KEEP = opt('keep', '')
  .replace(/[^a-z0-9_]/gi, '')
  .toLowerCase();
const PASSWORD = 'bench demo password';
const TARGET_TABLE = 200;
const TARGET_CURVE = 100;
const TARGET_SAVE = 100;
const TARGET_SEARCH = 20;
const WARMUP = 5;
const QUERIES = [
  'B86',
  'b8',
  'J06',
  'A09.0',
  'F43.1',
  'scab',
  'scabies',
  'diarr',
  'watery',
  'cough',
  'fever rash',
  'hypert',
  'pregn',
  'assault',
  'جرب',
  'إسهال',
  'سعال',
  'حمى',
  'ضغط',
  'حمل',
  'gale',
  'diarrhée',
  'toux',
  'fièvre',
  'grossesse',
  'plaie',
  'itch',
  'xyz',
];

async function measure(run: HealthLoaded) {
  const { ctx, missionId, today } = run;
  const app = await buildApp(ctx);
  await app.ready();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'sanad' },
    payload: { username: 'demo-nurse', password: PASSWORD },
  });
  const nurse = {
    cookie: String(res.headers['set-cookie']).split(';')[0] as string,
    'x-requested-with': 'sanad',
  };
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: nurse });
    if (r.statusCode !== 200) throw new Error(`GET ${url}: ${r.statusCode} ${r.body}`);
    return r;
  };
  /** the bare query: as the owner, no transaction, no row-level security, no app code */
  const bare = (q: SQL) => timed(() => ctx.database.db.execute(q));
  const q = <T>(s: SQL) => rows<T>(ctx.database.db.execute(s));
  const explain = async (label: string, s: SQL) => {
    console.log(`\n  EXPLAIN ANALYZE, ${label}:`);
    for (const r of await q<Record<string, string>>(sql`explain (analyze, buffers) ${s}`))
      console.log(`    ${Object.values(r)[0]}`);
  };
  const centres = await q<{ id: string }>(
    sql`select id from centres where mission_id = ${missionId} order by name`,
  );
  const ids = centres.map((c) => c.id);
  const thisWeek = isoWeekOf(today);
  const rng = (() => {
    let s = 7;
    return (n: number) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s % n;
    };
  })();
  // the plain statement: the stays that overlap the range, each spread over its weeks, people
  // counted distinct per week (the app counts the same people by running sums of disjoint spans)
  const population = (weeks: string[], combined: boolean, centres: string[] = ids) => sql`
    with stays as (
      select person_id, centre_id, greatest(admitted_on, ${weekStart(weeks[0] as string)}::date) as a,
        least(coalesce(ended_on, ${weekEnd(weeks.at(-1) as string)}::date), ${weekEnd(weeks.at(-1) as string)}::date) as b
      from episodes where mission_id = ${missionId} and centre_id in ${centres}
        and admitted_on <= ${weekEnd(weeks.at(-1) as string)}::date
        and (ended_on is null or ended_on >= ${weekStart(weeks[0] as string)}::date)
    )
    select to_char(d, 'IYYY-"W"IW') as week, ${combined ? sql`null::uuid` : sql`centre_id`} as centre_id,
      count(distinct person_id)::int as n
    from stays, generate_series(date_trunc('week', a::timestamp), b::timestamp, interval '7 days') as d
    group by 1, 2`;
  const consultedIn = (week: string) => sql`select centre_id, count(*)::int from consultations
    where mission_id = ${missionId} and week = ${week} and centre_id in ${ids} group by 1`;
  const casesIn = (
    week: string,
  ) => sql`select centre_id, syndrome, count(distinct person_id)::int from surveillance_cases
    where mission_id = ${missionId} and week = ${week} and centre_id in ${ids} group by 1, 2`;
  const curveCases = (syndrome: string, from: string, to: string, centre: string[]) => sql`
    select week, count(distinct person_id)::int from surveillance_cases where mission_id = ${missionId}
      and syndrome = ${syndrome} and centre_id in ${centre} and week >= ${from} and week <= ${to} group by 1`;

  // 1. the week's table, all centres, weeks drawn over the two years
  const table: number[] = [];
  const tableBare: number[] = [];
  let tableCases = 0;
  let tablePeople = 0;
  for (let i = -WARMUP; i < TABLES; i++) {
    const week = addWeeks(thisWeek, -1 - rng(100));
    const [ms, r] = await timed(() => get(`/api/v1/surveillance?week=${week}`));
    const [b] = await timed(async () => {
      await ctx.database.db.execute(population([week], false));
      await ctx.database.db.execute(consultedIn(week));
      await ctx.database.db.execute(casesIn(week));
    });
    if (i < 0) continue;
    table.push(ms);
    tableBare.push(b);
    const body = JSON.parse(r.body) as {
      rows: { population: number | null; counts: Record<string, number> }[];
    };
    if (body.rows.length !== ids.length)
      throw new Error(`the table has ${body.rows.length} rows, not ${ids.length}`);
    tableCases += body.rows.reduce((s, x) => s + Object.values(x.counts).reduce((a, c) => a + c, 0), 0);
    tablePeople += body.rows.reduce((s, x) => s + (x.population ?? 0), 0);
  }

  // 2. a year's curve: mostly scabies, all centres together (odd requests: one centre in turn)
  const curve: number[] = [];
  const curveBare: number[] = [];
  const curveOne: number[] = [];
  const curveAll: number[] = [];
  let points = 0;
  let curveCasesSum = 0;
  for (let i = -WARMUP; i < CURVES; i++) {
    const to = addWeeks(thisWeek, -1 - rng(50));
    const from = addWeeks(to, -51);
    const syndrome = i % 3 ? 'scabies' : (SYNDROMES[rng(SYNDROMES.length)] as string);
    const one = i % 2 ? (ids[rng(ids.length)] as string) : undefined;
    const [ms, r] = await timed(() =>
      get(
        `/api/v1/surveillance/curve?syndrome=${syndrome}&from=${from}&to=${to}${one ? `&centreId=${one}` : ''}`,
      ),
    );
    const weeks = Array.from({ length: 52 }, (_, k) => addWeeks(from, k));
    const [b] = await timed(async () => {
      await ctx.database.db.execute(population(weeks, true, one ? [one] : ids));
      await ctx.database.db.execute(curveCases(syndrome, from, to, one ? [one] : ids));
    });
    if (i < 0) continue;
    curve.push(ms);
    (one ? curveOne : curveAll).push(ms);
    curveBare.push(b);
    const body = JSON.parse(r.body) as { points: { cases: number }[] };
    points += body.points.length;
    curveCasesSum += body.points.reduce((s, p) => s + p.cases, 0);
  }

  // 3. saves, if the consultation routes are in this build
  const hasSave = app.hasRoute({ method: 'POST', url: '/api/v1/consultations' });
  const save: number[] = [];
  const saveBare: number[] = [];
  let lotsUsed = 0;
  const writeOnly: number[] = [];
  if (hasSave) {
    const sessions = await q<{
      id: string;
      centre: string;
      point: string;
    }>(sql`select id, centre_id as centre,
      stock_point_id as point from clinic_sessions where mission_id = ${missionId} and held_on = ${today} order by centre_id`);
    const held = await q<{
      id: string;
      centre: string;
    }>(sql`select person_id as id, centre_id as centre from episodes
      where mission_id = ${missionId} and ended_on is null and admitted_on <= ${today} order by person_id`);
    const items = new Map(
      (
        await q<{ id: string; code: string }>(
          sql`select id, code from supply_items where mission_id = ${missionId}`,
        )
      ).map((x) => [x.code, x.id]),
    );
    const cases = [
      ['B86', 'MED-PERM-5', 'apply whole body', 'once', 7, 1],
      ['J06.9', 'MED-PARA-500', '2 tablets', 'tds', 3, 18],
      ['A09.0', 'MED-ORS', '1 sachet', 'prn', 3, 6],
      ['J18.9', 'MED-AMOX-500', '1 capsule', 'tds', 7, 21],
    ] as const;
    for (let i = -WARMUP; i < SAVES; i++) {
      const s = sessions[(i + WARMUP) % sessions.length] as (typeof sessions)[number];
      const here = held.filter((h) => h.centre === s.centre);
      const person = here[Math.floor((i + WARMUP) / sessions.length) % here.length] as { id: string };
      const [code, item, dose, frequency, days, quantity] = cases[
        (i + WARMUP) % cases.length
      ] as (typeof cases)[number];
      const itemId = items.get(item) as string;
      const [ms, r] = await timed(() =>
        app.inject({
          method: 'POST',
          url: '/api/v1/consultations',
          headers: nurse,
          payload: {
            sessionId: s.id,
            personId: person.id,
            complaint: 'Itching at night',
            vitals: { temperatureC: 37.2, pulse: 80 },
            dehydration: code === 'A09.0' ? 'some' : 'none',
            diagnoses: [{ code }],
            prescriptions: [{ itemId, dose, frequency, days, quantity, dispense: true }],
          },
        }),
      );
      if (r.statusCode !== 201) throw new Error(`POST /consultations: ${r.statusCode} ${r.body}`);
      const [b, lots] = await bare(sql`select b.lot_id, b.on_hand from stock_balances b join stock_lots l
        on l.mission_id = b.mission_id and l.id = b.lot_id where b.mission_id = ${missionId} and b.stock_point_id = ${s.point}
        and b.item_id = ${itemId} and b.on_hand > 0 and l.expiry_on > ${today}::date order by l.expiry_on limit 5`);
      if (i < 0) continue;
      save.push(ms);
      saveBare.push(b);
      lotsUsed += (lots as unknown as { rows?: unknown[] }).rows?.length ?? 0;
    }
    // the same write without HTTP and without the answer, for a quarter as many more
    for (let i = 0; i < Math.ceil(SAVES / 4); i++) {
      const s = sessions[i % sessions.length] as (typeof sessions)[number];
      const here = held.filter((h) => h.centre === s.centre);
      const person = here[(here.length - 1 - i) % here.length] as { id: string };
      const itemId = items.get('MED-PARA-500') as string;
      const body = consultationCreate.parse({
        sessionId: s.id,
        personId: person.id,
        diagnoses: [{ code: 'J06.9' }],
        prescriptions: [{ itemId, dose: '2 tablets', frequency: 'tds', days: 3, quantity: 18 }],
      });
      writeOnly.push((await timed(() => asActor(ctx, run.nurse, (w) => createConsultation(w, body))))[0]);
    }
  }

  // 4. diagnosis search
  const hasSearch = app.hasRoute({ method: 'GET', url: '/api/v1/diagnoses' });
  const search: number[] = [];
  const searchJs: number[] = [];
  const searchBare: number[] = [];
  let found = 0;
  if (hasSearch)
    for (let i = -WARMUP; i < SEARCHES; i++) {
      const term = QUERIES[(i + WARMUP) % QUERIES.length] as string;
      const [ms, r] = await timed(() => get(`/api/v1/diagnoses?q=${encodeURIComponent(term)}`));
      const t0 = performance.now();
      searchDiagnoses(DIAGNOSES, term);
      const js = performance.now() - t0;
      const [b] = await bare(
        sql`select code, name_en, name_ar, name_fr, terms from health_conditions where mission_id = ${missionId} and active`,
      );
      if (i < 0) continue;
      search.push(ms);
      searchJs.push(js);
      searchBare.push(b);
      const body = JSON.parse(r.body) as { rows?: unknown[]; items?: unknown[] } | unknown[];
      if ((Array.isArray(body) ? body : (body.rows ?? body.items ?? [])).length) found++;
    }

  const rss = process.resourceUsage().maxRSS / 1024;
  const [l1, l5] = loadavg();
  const n = ids.length;
  console.log(
    `\nEngine: ${ctx.database.kind}, ${run.consultations.toLocaleString('en')} consultations in ${n} centres${run.loadS ? `, loaded in ${run.loadS.toFixed(0)} s` : ''} (machine load ${l1?.toFixed(1)} / ${l5?.toFixed(1)} over 1 / 5 min)`,
  );
  console.log(
    `  week's table, all centres: GET /surveillance?week= (${table.length}, mean ${(tablePeople / Math.max(1, table.length)).toFixed(0)} people held, ${(tableCases / Math.max(1, table.length)).toFixed(0)} cases)  ${fmt(table)}   target p95 ≤ ${TARGET_TABLE} ms: ${verdict(table, TARGET_TABLE)}`,
  );
  console.log(`    bare: population, consultations and cases of the week     ${fmt(tableBare)}`);
  console.log(
    `  a year's epidemic curve: GET /surveillance/curve (${curve.length}, half all centres, half one; ${(points / Math.max(1, curve.length)).toFixed(0)} weeks, mean ${(curveCasesSum / Math.max(1, curve.length)).toFixed(0)} cases)  ${fmt(curve)}   target p95 ≤ ${TARGET_CURVE} ms: ${verdict(curve, TARGET_CURVE)}`,
  );
  console.log(
    `    one centre (the curve per centre and syndrome)             ${fmt(curveOne)}   target p95 ≤ ${TARGET_CURVE} ms: ${verdict(curveOne, TARGET_CURVE)}`,
  );
  console.log(
    `    all centres together                                       ${fmt(curveAll)}   target p95 ≤ ${TARGET_CURVE} ms: ${verdict(curveAll, TARGET_CURVE)}`,
  );
  console.log(`    bare: 52 weeks' population and the syndrome's cases        ${fmt(curveBare)}`);
  if (hasSave) {
    console.log(
      `  consultation with a diagnosis and a dispensed prescription: POST /consultations (${save.length}, ${n} sessions in turn)  ${fmt(save)}   target p95 ≤ ${TARGET_SAVE} ms: ${verdict(save, TARGET_SAVE)}`,
    );
    console.log(
      `    the write alone (createConsultation in asActor, no HTTP, no answer)  ${fmt(writeOnly)}   (${writeOnly.length} more)`,
    );
    console.log(
      `    bare first-expiry lots at the pharmacy (mean ${(lotsUsed / Math.max(1, save.length)).toFixed(1)} lots)    ${fmt(saveBare)}`,
    );
  } else console.log('  POST /consultations: not available yet (the consultation routes are not merged)');
  if (hasSearch) {
    console.log(
      `  diagnosis search: GET /diagnoses?q= (${search.length}, ${QUERIES.length} terms: codes, prefixes, en/ar/fr; ${found} with results)  ${fmt(search)}   target p95 ≤ ${TARGET_SEARCH} ms: ${verdict(search, TARGET_SEARCH)}`,
    );
    console.log(
      `    searchDiagnoses in process (${DIAGNOSES.length} built-in)                ${fmt(searchJs)}`,
    );
    console.log(`    bare read of the mission's own conditions                 ${fmt(searchBare)}`);
  } else console.log('  GET /diagnoses?q=: not available yet (the diagnosis routes are not merged)');
  console.log('  ratios to the bare statements of this run (endpoint ÷ bare):');
  console.log(
    `    table ÷ its bare statements ${ratio(table, tableBare)}   curve ÷ its bare statements ${ratio(curve, curveBare)}`,
  );
  if (hasSave) console.log(`    save ÷ lot lookup ${ratio(save, saveBare)}`);
  if (hasSearch) console.log(`    search ÷ bare conditions read ${ratio(search, searchBare)}`);
  console.log(
    `  peak RSS of this process: ${rss.toFixed(0)} MB${ctx.database.kind === 'postgres' ? ' (the PostgreSQL server not included)' : ' (includes the embedded database)'}`,
  );

  const week = addWeeks(thisWeek, -10);
  if (EXPLAIN || pct(table, 95) > TARGET_TABLE) {
    await explain(`the week's population (${week})`, population([week], false));
    await explain(`the week's cases (${week})`, casesIn(week));
    await explain(`the week's consultations (${week})`, consultedIn(week));
  }
  if (EXPLAIN || pct(curve, 95) > TARGET_CURVE) {
    const weeks = Array.from({ length: 52 }, (_, k) => addWeeks(week, k - 51));
    await explain('52 weeks of population, all centres together', population(weeks, true));
    await explain(
      '52 weeks of scabies cases, all centres',
      curveCases('scabies', weeks[0] as string, week, ids),
    );
  }
  await app.close();
  await ctx.database.close();
}

const file = new URL(import.meta.url).pathname;
if (args.includes('--child')) {
  const dataDir = KEEP
    ? join(tmpdir(), `sanad-bench-health-${KEEP}`)
    : mkdtempSync(join(tmpdir(), 'sanad-bench-health-'));
  try {
    await measure(
      await loadHealth(process.env.BENCH_DATABASE_URL ?? '', dataDir, {
        consultations: CONSULTATIONS,
        people: PEOPLE,
        password: PASSWORD,
      }),
    );
  } finally {
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
const engine = opt('engine', '');
const pgUrl =
  opt('pg', process.env.DATABASE_URL ?? '') ||
  (engine === 'postgres' || engine === 'both' ? 'postgres://postgres@127.0.0.1:5432/postgres' : '');
console.log(
  `Health benchmark: ${CONSULTATIONS.toLocaleString('en')} consultations over two years, ${PEOPLE.toLocaleString('en')} people in 12 centres; ${TABLES} weekly tables, ${CURVES} curves, ${SAVES} saves, ${SEARCHES} diagnosis searches`,
);
if (engine !== 'postgres' && !args.includes('--pg-only')) await runChild(file, args, '');
if (pgUrl && engine !== 'pglite') await withFreshPg(pgUrl, KEEP, (url) => runChild(file, args, url));
else if (engine !== 'pglite')
  console.log(
    '\n(PostgreSQL: pass --engine postgres, --pg postgres://… or set DATABASE_URL to measure it too)',
  );
