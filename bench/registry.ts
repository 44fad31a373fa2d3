// Registry at scale: N demo people (default 100,000) bulk-loaded into a fresh database, then the
// real code paths timed — name search (GET /api/v1/persons?q=, varied spellings in both scripts,
// registration numbers) and registration with its duplicate check (POST /persons/duplicates, then
// POST /persons) — with peak RSS, and beside them a bare exact-key lookup and a bare trigram query
// on the same table, with the ratio of each endpoint figure to them. PGlite (temp dir) always; PostgreSQL too with --pg URL or
// DATABASE_URL (a fresh database is created on that server and dropped afterwards). Each engine
// runs in a child process, so its RSS is its own. Prints figures; asserts nothing.
//
//   npm run bench -- registry [--people N] [--pg URL] [--queries 300] [--registrations 200] [--explain]
//                             [--leakproof] [--pg-only] [--keep NAME]
//
// --keep NAME keeps the loaded database (PGlite: a directory in the temp dir; PostgreSQL: database
// sanad_bench_NAME) and reuses it on the next run with the same NAME and --people, so the query
// figures can be re-measured without loading 1,500,000 people again. The people measured are
// regenerated from the same seeds, so a reused run asks the same questions.
//
// --leakproof is an experiment, not the shipped set-up: it marks pg_trgm's operator functions
// LEAKPROOF in the throw-away database (needs a superuser), which lets the planner use the trigram
// index under row-level security (PostgreSQL does not use a non-leakproof operator as an index
// condition on a table with RLS, so the search otherwise scans every row of the mission).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { forgetScores } from '../src/domain/registry/duplicates';
import { personListQuery } from '../src/domain/registry/schemas';
import { buildApp } from '../src/server/app';
import { centres, counters, episodes, missions, persons, users } from '../src/server/db/schema/index';
import { addAccount, ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadDemo } from '../src/server/modules/directory/demo/demo';
import { blockingKeys, nameCandidates } from '../src/server/modules/registry/candidates';
import { demoActor, progress } from '../src/server/modules/registry/demo/demo';
import {
  addDays,
  type DemoIdentity,
  type DemoPerson,
  int,
  mulberry32,
  personFactory,
  pick,
  respell,
  spellName,
} from '../src/server/modules/registry/demo/demo-people';
import { personScope } from '../src/server/modules/registry/persons.scope';
import { nameKeyOf } from '../src/server/modules/registry/registration';
import { searchPersons } from '../src/server/modules/registry/search';
import { loadConfig } from '../src/server/platform/config';
import { asActor } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { rows } from '../src/server/platform/tx';
import { openRuntime } from '../src/server/runtime';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : d;
};
const N = Number(opt('people', '100000'));
const QUERIES = Number(opt('queries', '300'));
const REGISTRATIONS = Number(opt('registrations', '200'));
const EXPLAIN = args.includes('--explain');
const LEAKPROOF = args.includes('--leakproof');
const KEEP = opt('keep', '')
  .replace(/[^a-z0-9_]/gi, '')
  .toLowerCase();
const PASSWORD = 'bench demo password';
const BATCH = 2000;
const BREAKDOWN = 100;
const TARGET_SEARCH = 50;
const TARGET_REGISTRATION = 100;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms`;

/** Bulk-loads N people with one episode each (5% still detained), as demo-caseworker, in batches. */
async function load(databaseUrl: string, dataDir: string) {
  const config = {
    ...loadConfig(),
    logLevel: 'silent',
    dataDir,
    databaseUrl: databaseUrl || undefined,
    demoPassword: PASSWORD,
    secretKey: process.env.SANAD_SECRET_KEY || 'bench secret key',
  };
  const ctx = await openRuntime(config);
  const missionId = await ensureMission(ctx);
  const log = console.log;
  console.log = () => {}; // the directory demo's own summary
  await loadDemo(ctx, missionId).finally(() => {
    console.log = log;
  });
  const actor = await demoActor(ctx, missionId, 'demo-caseworker');
  const { centreIds, code } = await asActor(ctx, actor, async (w) => ({
    centreIds: (await w.tx.select({ id: centres.id }).from(centres)).map((c) => c.id),
    code: (await w.tx.select({ code: missions.code }).from(missions).where(eq(missions.id, missionId)))[0]
      ?.code,
  }));
  const today = ctx.clock().toISOString().slice(0, 10);
  const factory = personFactory(4242, today);
  const rng = mulberry32(99);
  const every = Math.max(1, Math.floor(N / (QUERIES + REGISTRATIONS)));
  const samples: { person: DemoPerson; number: string }[] = [];
  const lastOfYear = new Map<number, number>();
  const bar = progress(`Generating ${N.toLocaleString('en')} people (${ctx.database.kind})`, N);
  const t0 = performance.now();
  const [{ n: already }] = (await rows(
    ctx.database.db.execute(sql`select count(*)::int as n from persons where mission_id = ${missionId}`),
  )) as [{ n: number }];
  const loaded = already >= N;
  if (loaded)
    console.log(`  reusing ${already.toLocaleString('en')} people kept by an earlier run (--keep ${KEEP})`);
  // bulk load: the blocking keys are filled in one statement afterwards (as migration 0008 does)
  // instead of row by row; registrations measured below go through the trigger as usual
  if (!loaded) await ctx.database.db.execute(sql`alter table persons disable trigger persons_name_keys`);
  for (let start = 0; start < N; start += BATCH) {
    const ps: (typeof persons.$inferInsert)[] = [];
    const es: (typeof episodes.$inferInsert)[] = [];
    const now = ctx.clock();
    const by = {
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
      missionId,
    };
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const p = factory.person();
      const admittedOn = addDays(today, -int(rng, 1, 730));
      const year = Number(admittedOn.slice(0, 4));
      const seq = (lastOfYear.get(year) ?? 0) + 1;
      lastOfYear.set(year, seq);
      const registrationNumber = `${code}-${year}-${String(seq).padStart(6, '0')}`;
      if (i % every === 0) samples.push({ person: p, number: registrationNumber });
      const id = newId();
      const { name: _, age: __, ...fields } = p;
      ps.push({
        ...fields,
        ...by,
        id,
        registrationNumber,
        nameKey: nameKeyOf(p),
        createdByOrganisationId: actor.organisationId,
      });
      const ended = addDays(admittedOn, int(rng, 1, 120));
      const open = ended >= today || rng() < 0.05;
      es.push({
        ...by,
        id: newId(),
        personId: id,
        centreId: pick(rng, centreIds),
        admittedOn,
        circumstances: pick(rng, ['intercepted_at_sea', 'arrested_in_city', 'checkpoint'] as const),
        ...(open
          ? {}
          : { endedOn: ended, endReason: pick(rng, ['release', 'return', 'deportation'] as const) }),
        createdByOrganisationId: actor.organisationId,
      });
    }
    if (loaded) continue; // the same people, regenerated only for the samples
    await asActor(ctx, actor, async (w) => {
      await w.tx.insert(persons).values(ps);
      await w.tx.insert(episodes).values(es);
      await w.audit({
        action: 'create',
        entityType: 'person',
        changedFields: ['bulk'],
        detail: { count: ps.length, first: ps[0]?.registrationNumber, last: ps.at(-1)?.registrationNumber },
      });
    });
    bar.tick(Math.min(N, start + BATCH));
  }
  bar.done();
  if (!loaded) {
    await asActor(ctx, actor, async (w) => {
      for (const [year, last] of lastOfYear)
        await w.tx
          .insert(counters)
          .values({ missionId, series: 'registration', year, last })
          .onConflictDoUpdate({
            target: [counters.missionId, counters.series, counters.year],
            set: { last },
          });
    });
    await ctx.database.db.execute(sql`insert into person_name_keys (mission_id, person_id, key)
      select p.mission_id, p.id, k from persons p, name_blocking_keys(p.name_key) as k on conflict do nothing`);
    await ctx.database.db.execute(sql`alter table persons enable trigger persons_name_keys`);
  }
  const loadS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  if (LEAKPROOF)
    for (const f of ['similarity_op', 'word_similarity_op', 'word_similarity_commutator_op'])
      await ctx.database.db.execute(sql.raw(`alter function ${f}(text, text) leakproof`));
  // what the server's maintenance (PGlite) or autovacuum (PostgreSQL) leaves after a bulk load
  for (const table of ['persons', 'episodes', 'person_name_keys'])
    await ctx.database.db.execute(sql.raw(`vacuum (analyze) ${table}`));
  if (!loaded)
    console.log(
      `  loaded ${N.toLocaleString('en')} people in ${loadS.toFixed(0)} s (${Math.round(N / loadS).toLocaleString('en')}/s); VACUUM (ANALYZE) ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  return { ctx, missionId, actor, centreIds, samples, today };
}

type Loaded = Awaited<ReturnType<typeof load>>;

/**
 * A few hundred searches as people type them: other spellings, original script, one name,
 * numbers. `whole` marks a search for someone's whole name (its person should be on page one).
 */
function searches(run: Loaded): { q: string; number: string; whole: boolean }[] {
  const rng = mulberry32(7);
  const out: { q: string; number: string; whole: boolean }[] = [];
  for (const { person: p, number } of run.samples.slice(0, QUERIES)) {
    const kind = rng();
    const other = spellName(rng, p.name, true, p);
    const push = (q: string, whole = true) => out.push({ q, number, whole });
    if (kind < 0.1) push(number);
    else if (kind < 0.25 && other.fullNameOriginal) push(other.fullNameOriginal);
    else if (kind < 0.4) push(other.familyName.split(' ')[0] ?? other.familyName, false);
    else if (kind < 0.5) push(`${other.familyName} ${other.givenName}`);
    else if (kind < 0.6) push(`${other.givenName} ${other.familyName}`.toLowerCase());
    else push(`${other.givenName} ${other.familyName}`);
  }
  return out;
}

/** A bare trigram query (the fallback's, no scope, no re-ranking), for EXPLAIN and timing alone. */
const candidates = (missionId: string, key: string) => sql`select * from persons
  where mission_id = ${missionId} and status <> 'merged'
  order by ${key} <<-> name_key limit 300`;

/** A bare exact-key lookup on the blocking-key table (no scope, no persons, no re-ranking). */
const keyLookup = (missionId: string, keys: string[]) => sql`select person_id from person_name_keys
  where mission_id = ${missionId} and key in (${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}) limit 300`;

async function measure(run: Loaded) {
  const { ctx, actor } = run;
  const app = await buildApp(ctx);
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'sanad' },
    payload: { username: 'demo-caseworker', password: PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  const headers = { cookie, 'x-requested-with': 'sanad' };
  const timed = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
    const t0 = performance.now();
    const r = await fn();
    return [performance.now() - t0, r];
  };

  // search: through HTTP, through searchPersons (SQL + re-ranking), and the candidate SQL alone
  const qs = searches(run);
  const { searchKey } = await import('../src/domain/names/keys');
  for (const { q } of qs.slice(0, 20))
    await app.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent(q)}&limit=20`, headers });
  const http: number[] = [];
  const direct: number[] = [];
  const sqlOnly: number[] = [];
  const keyOnly: number[] = [];
  let fallbacks = 0;
  let trigramFallbacks = 0;
  let nameSearches = 0;
  const found: number[] = [];
  const slow: { q: string; ms: number }[] = [];
  let wholeAsked = 0;
  let wholeFound = 0;
  for (const { q, number, whole } of qs) {
    const [ms, res] = await timed(() =>
      app.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent(q)}&limit=20`, headers }),
    );
    if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
    http.push(ms);
    slow.push({ q, ms });
    const items = (JSON.parse(res.body) as { items: { registrationNumber: string }[] }).items;
    found.push(items.length);
    if (whole) {
      wholeAsked++;
      if (items.some((i) => i.registrationNumber === number)) wholeFound++;
    }
    if (http.length > BREAKDOWN) continue; // the breakdown on the first queries bounds the run time
    const query = personListQuery.parse({ q, limit: 20 });
    forgetScores(); // the HTTP call just scored these candidates: time the re-ranking afresh
    direct.push((await timed(() => asActor(ctx, actor, (w) => searchPersons(w, query))))[0]);
    if (!/^[A-Z]{2,6}-\d{4}-\d+$/i.test(q) && !/^[\d-]+$/.test(q)) {
      const c = await asActor(ctx, actor, (w) => nameCandidates(w, q, personScope(w), 300));
      if (c.fallback) trigramFallbacks++;
      nameSearches++;
    }
    const key = searchKey(q);
    if (key && !/^[A-Z]{2,6}-\d{4}-\d+$/i.test(q)) {
      sqlOnly.push(
        (await timed(() => asActor(ctx, actor, (w) => w.tx.execute(candidates(run.missionId, key)))))[0],
      );
      const [ms, hits] = await timed(() =>
        asActor(ctx, actor, (w) => rows(w.tx.execute(keyLookup(run.missionId, blockingKeys(q))))),
      );
      keyOnly.push(ms);
      if (hits.length === 0) fallbacks++;
    }
  }

  // narrowed searches: the same names with a nationality filter, and typed by a caseworker whose
  // scope is one centre (key slices are then taken among the people admitted)
  const exists = await asActor(ctx, actor, (w) =>
    w.tx.select({ id: users.id }).from(users).where(eq(users.username, 'bench-centre-caseworker')),
  );
  if (!exists.length)
    await asActor(ctx, actor, (w) =>
      addAccount(w, {
        username: 'bench-centre-caseworker',
        displayName: 'Bench centre caseworker',
        password: PASSWORD,
        roles: [{ role: 'caseworker', centreIds: [run.centreIds[0] as string] }],
      }),
    );
  const centreLogin = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'sanad' },
    payload: { username: 'bench-centre-caseworker', password: PASSWORD },
  });
  const centreHeaders = {
    cookie: String(centreLogin.headers['set-cookie']).split(';')[0] as string,
    'x-requested-with': 'sanad',
  };
  const filtered: number[] = [];
  const scoped: number[] = [];
  const names = qs.filter((s) => !/^[A-Z]{2,6}-\d{4}-\d+$/i.test(s.q)).slice(0, BREAKDOWN);
  for (const { q } of names) {
    const nationality = run.samples.find((x) => x.number === qs.find((y) => y.q === q)?.number)?.person
      .nationality;
    const [f, fres] = await timed(() =>
      app.inject({
        method: 'GET',
        url: `/api/v1/persons?q=${encodeURIComponent(q)}&limit=20&nationality=${nationality}`,
        headers,
      }),
    );
    if (fres.statusCode !== 200) throw new Error(`filtered search ${q}: ${fres.statusCode} ${fres.body}`);
    filtered.push(f);
    const [c, cres] = await timed(() =>
      app.inject({
        method: 'GET',
        url: `/api/v1/persons?q=${encodeURIComponent(q)}&limit=20`,
        headers: centreHeaders,
      }),
    );
    if (cres.statusCode !== 200) throw new Error(`scoped search ${q}: ${cres.statusCode} ${cres.body}`);
    scoped.push(c);
  }

  // registration with the duplicate check: half are people already registered, under other spellings
  const rng = mulberry32(11);
  const factory = personFactory(777, run.today);
  const dup: number[] = [];
  const reg: number[] = [];
  const both: number[] = [];
  let flagged = 0;
  const again = run.samples.slice(QUERIES);
  for (let i = 0; i < REGISTRATIONS; i++) {
    const known = i % 2 === 0 ? again[i % Math.max(1, again.length)] : undefined;
    const who: DemoIdentity = known ? respell(rng, known.person, run.today) : factory.person();
    const { name: _, age: __, ...fields } = who as DemoPerson;
    const [d, dres] = await timed(() =>
      app.inject({ method: 'POST', url: '/api/v1/persons/duplicates', headers, payload: fields }),
    );
    if (dres.statusCode !== 200) throw new Error(`duplicates: ${dres.statusCode} ${dres.body}`);
    if ((JSON.parse(dres.body) as { items: unknown[] }).items.length) flagged++;
    const body = {
      ...fields,
      centreId: pick(rng, run.centreIds),
      admittedOn: run.today,
      circumstances: 'arrested_in_city',
    };
    let [r, rres] = await timed(() =>
      app.inject({ method: 'POST', url: '/api/v1/persons', headers, payload: body }),
    );
    if (rres.statusCode === 409) {
      // a likely duplicate (a kept database already holds this person): the user records the
      // decision on the panel and saves again; that save is the one a user waits for
      const notDuplicateOf = (JSON.parse(rres.body) as { candidates: { id: string }[] }).candidates.map(
        (c) => c.id,
      );
      const decided = { ...body, notDuplicateOf, reason: 'Benchmark: reviewed, a different person' };
      [r, rres] = await timed(() =>
        app.inject({ method: 'POST', url: '/api/v1/persons', headers, payload: decided }),
      );
    }
    if (rres.statusCode !== 201) throw new Error(`register: ${rres.statusCode} ${rres.body}`);
    dup.push(d);
    reg.push(r);
    both.push(d + r);
  }

  const rss = process.resourceUsage().maxRSS / 1024;
  const ok = (xs: number[], target: number) => (pct(xs, 95) <= target ? 'meets' : 'MISSES');
  console.log(
    `\nEngine: ${ctx.database.kind}, ${N.toLocaleString('en')} people${LEAKPROOF ? ' (experiment: pg_trgm operators marked LEAKPROOF)' : ''}`,
  );
  console.log(
    `  search GET /persons?q= (${qs.length} queries, limit 20)  ${fmt(http)}   target p95 ≤ ${TARGET_SEARCH} ms: ${ok(http, TARGET_SEARCH)}`,
  );
  console.log(`    of which searchPersons (SQL + re-rank) ${fmt(direct)}   (first ${direct.length} queries)`);
  console.log(
    `    bare exact-key lookup                  ${fmt(keyOnly)}   (${keyOnly.length} name queries; ${fallbacks} with no keyed row at all)`,
  );
  console.log(
    `    bare trigram query (fallback's)        ${fmt(sqlOnly)}   (same queries, same table; the search needed it for ${trigramFallbacks} of the first ${nameSearches} name searches)`,
  );
  const ratio = (xs: number[], base: number[]) =>
    `p50 ×${(pct(xs, 50) / Math.max(0.001, pct(base, 50))).toFixed(1)}  p95 ×${(pct(xs, 95) / Math.max(0.001, pct(base, 95))).toFixed(1)}`;
  console.log(
    `    with a nationality filter              ${fmt(filtered)}   (${filtered.length} name searches)`,
  );
  console.log(
    `    by a caseworker of one centre          ${fmt(scoped)}   (same searches, scope: one centre)`,
  );
  console.log(
    `    results per query: median ${pct(found, 50)}, ${found.filter((n) => n === 0).length} with none; the person sought on page one for ${wholeFound} of ${wholeAsked} whole-name or number searches (${((100 * wholeFound) / Math.max(1, wholeAsked)).toFixed(1)} %)`,
  );
  console.log(
    `  registration with duplicate check (${REGISTRATIONS})  ${fmt(both)}   target p95 ≤ ${TARGET_REGISTRATION} ms: ${ok(both, TARGET_REGISTRATION)}`,
  );
  console.log(
    `    POST /persons/duplicates               ${fmt(dup)}   (${flagged} of ${REGISTRATIONS} with candidates)`,
  );
  console.log(`    POST /persons                          ${fmt(reg)}`);
  console.log(`  ratios to the bare queries of this run (endpoint ÷ bare):`);
  console.log(
    `    search       ÷ exact-key lookup ${ratio(http, keyOnly)}   ÷ trigram query ${ratio(http, sqlOnly)}`,
  );
  console.log(
    `    duplicates   ÷ exact-key lookup ${ratio(dup, keyOnly)}   ÷ trigram query ${ratio(dup, sqlOnly)}`,
  );
  console.log(
    `    registration ÷ exact-key lookup ${ratio(both, keyOnly)}   ÷ trigram query ${ratio(both, sqlOnly)}`,
  );
  console.log(
    `  peak RSS of this process: ${rss.toFixed(0)} MB${ctx.database.kind === 'postgres' ? ' (the PostgreSQL server not included)' : ' (includes the embedded database)'}`,
  );

  if (EXPLAIN || pct(http, 95) > TARGET_SEARCH) {
    const names = slow.filter((s) => !/^[A-Z]{2,6}-\d{4}-\d+$/i.test(s.q)).sort((a, b) => a.ms - b.ms);
    const picks = [names[Math.floor(names.length / 2)], names.at(-1)].filter((x) => x !== undefined);
    for (const { q, ms } of picks) {
      const plan = await asActor(ctx, actor, (w) =>
        rows<Record<string, string>>(
          w.tx.execute(sql`explain (analyze, buffers) ${candidates(run.missionId, searchKey(q))}`),
        ),
      );
      console.log(
        `\n  EXPLAIN ANALYZE of the bare trigram query for "${q}" (key "${searchKey(q)}", ${ms.toFixed(1)} ms over HTTP):`,
      );
      for (const r of plan) console.log(`    ${Object.values(r)[0]}`);
      const keyed = await asActor(ctx, actor, (w) =>
        rows<Record<string, string>>(
          w.tx.execute(sql`explain (analyze, buffers) ${keyLookup(run.missionId, blockingKeys(q))}`),
        ),
      );
      console.log(`  EXPLAIN ANALYZE of the bare key lookup (keys ${blockingKeys(q).join(', ')}):`);
      for (const r of keyed) console.log(`    ${Object.values(r)[0]}`);
    }
  }
  await app.close();
  await ctx.database.close();
}

/** A fresh database next to the one in `url`, dropped afterwards. */
async function withFreshPg(url: string, fn: (url: string) => Promise<void>) {
  const name = KEEP
    ? `sanad_bench_${KEEP}`
    : `sanad_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  const exists = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query('select 1 from pg_database where datname = $1', [name]).finally(() => c.end());
    return r.rowCount === 1;
  };
  if (!KEEP || !(await exists())) await admin(`CREATE DATABASE ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  try {
    await fn(fresh.toString());
  } finally {
    if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const runChild = (databaseUrl: string) =>
  new Promise<void>((resolve, reject) => {
    const p = fork(new URL(import.meta.url).pathname, [...args, '--child'], {
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    p.once('exit', (code) => (code ? reject(new Error(`benchmark run exited with ${code}`)) : resolve()));
  });

if (args.includes('--child')) {
  const dataDir = KEEP
    ? join(tmpdir(), `sanad-bench-registry-${KEEP}`)
    : mkdtempSync(join(tmpdir(), 'sanad-bench-registry-'));
  try {
    await measure(await load(process.env.BENCH_DATABASE_URL ?? '', dataDir));
  } finally {
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
const pgUrl = opt('pg', process.env.DATABASE_URL ?? '');
console.log(
  `Registry benchmark: ${N.toLocaleString('en')} people, ${QUERIES} searches, ${REGISTRATIONS} registrations`,
);
if (!args.includes('--pg-only')) await runChild('');
if (pgUrl) await withFreshPg(pgUrl, runChild);
else console.log('\n(PostgreSQL: pass --pg postgres://… or set DATABASE_URL to measure it too)');
