// Returns at scale: 50,000 return cases over two years with their state spans (returns-load.ts),
// then the issue's two figures through the real app as demo-return-officer (buildApp + inject),
// each beside baselines measured in the same run: the bare SQL over the same rows (as the owner,
// outside any transaction, no app code) and a bare Fastify route answering the same body:
//   1. the pipeline board: GET /returns/board (p95 ≤ 100 ms), half of the requests unfiltered,
//      a quarter by nationality, a quarter by centre; bare: the per-state count and median, and
//      the 20 open cases longest in their state with their names;
//   2. the headline figures for a year: GET /returns/figures?from&to (p95 ≤ 100 ms), years drawn
//      over the two years; bare: unique people per destination country and the countries.
// A viewer's suppressed figures are measured too (same rows, suppression in JS).
// PGlite (temp dir) by default; PostgreSQL with --engine postgres (or --pg URL / DATABASE_URL:
// both engines), a fresh database dropped afterwards. Each engine runs in a child process.
// A missed target prints the EXPLAIN ANALYZE of its bare statements (--explain: always).
//
//   npm run bench -- returns [--cases 50000] [--boards 200] [--figures 200]
//                            [--engine pglite|postgres|both] [--pg URL] [--keep NAME] [--explain]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { rows } from '../src/server/platform/tx';
import { fmt, options, pct, ratio, runChild, timed, verdict, withFreshPg } from './bench-common';
import { loadReturns, type ReturnsLoaded } from './returns-load';

const args = process.argv.slice(2);
const opt = options(args);
const CASES = Number(opt('cases', '50000'));
const BOARDS = Number(opt('boards', '200'));
const FIGURES = Number(opt('figures', '200'));
const EXPLAIN = args.includes('--explain');
const KEEP = opt('keep', '')
  .replace(/[^a-z0-9_]/gi, '')
  .toLowerCase();
const PASSWORD = 'bench demo password';
const TARGET_BOARD = 100;
const TARGET_FIGURES = 100;
const WARMUP = 5;
const FINAL = sql`('closed', 'withdrawn', 'ineligible')`;
const DEPARTED = sql`('departed', 'arrived', 'reintegration_planned', 'reintegration_in_progress', 'closed')`;

async function measure(run: ReturnsLoaded) {
  const { ctx, missionId, today } = run;
  const app = await buildApp(ctx);
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-requested-with': 'sanad' },
      payload: { username, password: PASSWORD },
    });
    if (res.statusCode !== 204) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return { cookie: String(res.headers['set-cookie']).split(';')[0] as string, 'x-requested-with': 'sanad' };
  };
  const officer = await login('demo-return-officer');
  const viewer = await login('demo-viewer');
  const get = async (url: string, headers = officer) => {
    const r = await app.inject({ method: 'GET', url, headers });
    if (r.statusCode !== 200) throw new Error(`GET ${url}: ${r.statusCode} ${r.body}`);
    return r;
  };
  /** the bare queries run as the owner: no transaction, no row-level security, no app code */
  const q = <T>(s: SQL) => rows<T>(ctx.database.db.execute(s));
  const explain = async (label: string, s: SQL) => {
    console.log(`\n  EXPLAIN ANALYZE, ${label}:`);
    for (const r of await q<Record<string, string>>(sql`explain (analyze, buffers) ${s}`))
      console.log(`    ${Object.values(r)[0]}`);
  };
  // the bare Fastify floor: a route answering a board's body, injected alike
  const floor = Fastify();
  const sample = (await get('/api/v1/returns/board')).body;
  floor.get('/bare', async (_req, reply) => reply.type('application/json').send(sample));
  await floor.ready();

  const centres = await q<{ id: string }>(
    sql`select id from centres where mission_id = ${missionId} order by name`,
  );
  const rng = (() => {
    let s = 11;
    return (n: number) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s % n;
    };
  })();
  const NATIONALITIES = (
    await q<{ n: string }>(sql`select nationality as n from persons where mission_id = ${missionId}
      group by 1 order by count(*) desc limit 6`)
  ).map((r) => r.n);
  const boardWhere = (f: { nationality?: string; centreId?: string }) => sql`c.mission_id = ${missionId}
    ${f.centreId ? sql`and c.centre_id = ${f.centreId}` : sql``}
    ${f.nationality ? sql`and p.nationality = ${f.nationality}` : sql``}`;
  const from = (f: { nationality?: string }) =>
    f.nationality
      ? sql`return_cases c join persons p on p.mission_id = c.mission_id and p.id = c.person_id`
      : sql`return_cases c`;
  const byState = (f: { nationality?: string; centreId?: string }) => sql`select c.state, count(*)::int,
      percentile_cont(0.5) within group (order by date_part('epoch', c.state_since))
    from ${from(f)} where ${boardWhere(f)} group by c.state`;
  const stuck = (f: { nationality?: string; centreId?: string }) => sql`select c.id, c.reference, c.person_id,
      p.given_name, p.family_name, c.state, c.state_since
    from return_cases c join persons p on p.mission_id = c.mission_id and p.id = c.person_id
    where ${boardWhere(f)} and c.state not in ${FINAL} order by c.state_since, c.id limit 20`;

  // 1. the board
  const board: number[] = [];
  const boardBare: number[] = [];
  const boardFloor: number[] = [];
  let open = 0;
  for (let i = -WARMUP; i < BOARDS; i++) {
    const k = (i + WARMUP) % 4;
    const f =
      k === 1
        ? { nationality: NATIONALITIES[rng(NATIONALITIES.length)] as string }
        : k === 3
          ? { centreId: centres[rng(centres.length)]?.id as string }
          : {};
    const query = new URLSearchParams(f as Record<string, string>).toString();
    const [ms, r] = await timed(() => get(`/api/v1/returns/board${query ? `?${query}` : ''}`));
    const [b] = await timed(async () => {
      await ctx.database.db.execute(byState(f));
      await ctx.database.db.execute(stuck(f));
    });
    const [fl] = await timed(() => floor.inject({ method: 'GET', url: '/bare' }));
    if (i < 0) continue;
    board.push(ms);
    boardBare.push(b);
    boardFloor.push(fl);
    const body = JSON.parse(r.body) as { states: { state: string; count: number }[] };
    if (body.states.length !== 17) throw new Error(`the board has ${body.states.length} states, not 17`);
    if (!query)
      open = body.states
        .filter((s) => !['closed', 'withdrawn', 'ineligible'].includes(s.state))
        .reduce((s, x) => s + x.count, 0);
  }

  // 2. the figures for a year (a calendar year or any 12 months over the two years)
  const people = (a: string, b: string) => sql`select country, count(*)::int from (
      select distinct on (person_id) person_id, destination_country as country from return_cases
      where mission_id = ${missionId} and departed_on between ${a}::date and ${b}::date and state in ${DEPARTED}
      order by person_id, departed_on desc, id) l group by country order by country`;
  const countries = (
    a: string,
    b: string,
  ) => sql`select count(distinct destination_country)::int from return_cases
    where mission_id = ${missionId} and departed_on between ${a}::date and ${b}::date and state in ${DEPARTED}`;
  const figures: number[] = [];
  const figuresBare: number[] = [];
  const figuresViewer: number[] = [];
  let returned = 0;
  const year = Number(today.slice(0, 4));
  const period = () => {
    const start = new Date(Date.UTC(year - 2, 0, 1 + rng(700)));
    const end = new Date(start.getTime() + 364 * 86_400_000);
    return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)] as const;
  };
  for (let i = -WARMUP; i < FIGURES; i++) {
    const [a, b] = period();
    const url = `/api/v1/returns/figures?from=${a}&to=${b}`;
    const [ms, r] = await timed(() => get(url));
    const [bm] = await timed(async () => {
      await ctx.database.db.execute(people(a, b));
      await ctx.database.db.execute(countries(a, b));
    });
    const [vm] = await timed(() => get(url, viewer));
    if (i < 0) continue;
    figures.push(ms);
    figuresBare.push(bm);
    figuresViewer.push(vm);
    returned += (JSON.parse(r.body) as { people: number }).people;
  }

  const rss = process.resourceUsage().maxRSS / 1024;
  const [l1, l5] = loadavg();
  console.log(
    `\nEngine: ${ctx.database.kind}, ${run.cases.toLocaleString('en')} return cases${run.loadS ? `, loaded in ${run.loadS.toFixed(0)} s` : ''} (machine load ${l1?.toFixed(1)} / ${l5?.toFixed(1)} over 1 / 5 min)`,
  );
  console.log(
    `  the pipeline board: GET /returns/board (${board.length}; half unfiltered, a quarter by nationality, a quarter by centre; ${open.toLocaleString('en')} open cases)  ${fmt(board)}   target p95 ≤ ${TARGET_BOARD} ms: ${verdict(board, TARGET_BOARD)}`,
  );
  console.log(`    bare: per-state count and median, and the 20 stuck with names      ${fmt(boardBare)}`);
  console.log(
    `    bare Fastify, the same body (${sample.length} bytes)                      ${fmt(boardFloor)}`,
  );
  console.log(
    `  headline figures for a year: GET /returns/figures?from&to (${figures.length}, mean ${(returned / Math.max(1, figures.length)).toFixed(0)} people)  ${fmt(figures)}   target p95 ≤ ${TARGET_FIGURES} ms: ${verdict(figures, TARGET_FIGURES)}`,
  );
  console.log(`    as demo-viewer (suppressed)                                        ${fmt(figuresViewer)}`);
  console.log(`    bare: unique people per country, and the countries                 ${fmt(figuresBare)}`);
  console.log('  ratios to the bare statements of this run (endpoint ÷ bare):');
  console.log(`    board ${ratio(board, boardBare)}   figures ${ratio(figures, figuresBare)}`);
  console.log(
    `  peak RSS of this process: ${rss.toFixed(0)} MB${ctx.database.kind === 'postgres' ? ' (the PostgreSQL server not included)' : ' (includes the embedded database)'}`,
  );
  if (EXPLAIN || pct(board, 95) > TARGET_BOARD) {
    await explain('per-state count and median, unfiltered', byState({}));
    await explain('the 20 stuck, unfiltered', stuck({}));
  }
  if (EXPLAIN || pct(figures, 95) > TARGET_FIGURES) {
    const [a, b] = period();
    await explain(`unique people per country, ${a} – ${b}`, people(a, b));
  }
  await floor.close();
  await app.close();
  await ctx.database.close();
}

const file = new URL(import.meta.url).pathname;
if (args.includes('--child')) {
  const dataDir = KEEP
    ? join(tmpdir(), `sanad-bench-returns-${KEEP}`)
    : mkdtempSync(join(tmpdir(), 'sanad-bench-returns-'));
  try {
    await measure(
      await loadReturns(process.env.BENCH_DATABASE_URL ?? '', dataDir, { cases: CASES, password: PASSWORD }),
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
  `Returns benchmark: ${CASES.toLocaleString('en')} return cases over two years with their state spans; ${BOARDS} boards, ${FIGURES} headline figures`,
);
if (engine !== 'postgres' && !args.includes('--pg-only')) await runChild(file, args, '');
if (pgUrl && engine !== 'pglite') await withFreshPg(pgUrl, KEEP, (url) => runChild(file, args, url));
else if (engine !== 'pglite')
  console.log(
    '\n(PostgreSQL: pass --engine postgres, --pg postgres://… or set DATABASE_URL to measure it too)',
  );
