// Supplies at scale: ~1,000,000 ledger entries over 300 items, 40 stock points and 3,000 lots
// (see supplies-load.ts), then the issue's three figures through the real code paths, each
// beside a bare SQL sum over the same rows in the same run (run as the owner, outside any
// transaction) and the ratio:
//   1. on hand for all items at one point: GET /stock/report?stockPointId= (and GET /stock, the
//      ledger's on-hand list, when the server has it), as demo-stock-officer;
//   2. one distribution line (eligibility check + ledger write): POST /distributions/:id/recipients,
//      one person, one clothing item, as demo-caseworker; some lines cross the 30-day rule and
//      carry an override reason;
//   3. a backdated entry's forward check: firstShortfall on the keys with most entries, dated a
//      year back, and the whole backdated loss (POST /stock-movements/issues) when the server has it.
// PGlite (temp dir) always; PostgreSQL too with --pg URL or DATABASE_URL (a fresh database,
// dropped afterwards). Each engine runs in a child process, so its RSS is its own. Prints
// figures; asserts nothing.
//
//   npm run bench -- supplies [--entries 1000000] [--people 2000] [--reports 200] [--lines 200]
//                             [--checks 200] [--pg URL] [--pg-only] [--keep NAME]
//
// --keep NAME keeps the loaded database (PGlite: a directory in the temp dir; PostgreSQL:
// database sanad_bench_NAME) and measures it again on the next run with the same NAME.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/dates';
import { buildApp } from '../src/server/app';
import { loadDistribution } from '../src/server/modules/supplies/distributions.queries';
import { recordRecipient } from '../src/server/modules/supplies/distributions.service';
import { firstShortfall } from '../src/server/modules/supplies/ledger.service';
import { asActor } from '../src/server/platform/http';
import { rows } from '../src/server/platform/tx';
import { fmt, options, pct, ratio, runChild, timed, verdict, withFreshPg } from './bench-common';
import { type Loaded, loadSupplies } from './supplies-load';

const args = process.argv.slice(2);
const opt = options(args);
const ENTRIES = Number(opt('entries', '1000000'));
const PEOPLE = Number(opt('people', '2000'));
const REPORTS = Number(opt('reports', '200'));
const LINES = Number(opt('lines', '200'));
const CHECKS = Number(opt('checks', '200'));
const KEEP = opt('keep', '')
  .replace(/[^a-z0-9_]/gi, '')
  .toLowerCase();
const PASSWORD = 'bench demo password';
const TARGET_ON_HAND = 50;
const TARGET_LINE = 30;
const TARGET_BACKDATED = 50;
const WARMUP = 5;

type Key = { stockPointId: string; itemId: string; lotId: string };

async function measure(run: Loaded) {
  const { ctx, missionId, officer, today } = run;
  const app = await buildApp(ctx);
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-requested-with': 'sanad' },
      payload: { username, password: PASSWORD },
    });
    return { cookie: String(res.headers['set-cookie']).split(';')[0] as string, 'x-requested-with': 'sanad' };
  };
  const officerH = await login('demo-stock-officer');
  const caseworkerH = await login('demo-caseworker');
  const get = async (url: string, headers: Record<string, string>) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const post = async (url: string, headers: Record<string, string>, payload: object, status = 201) => {
    const res = await app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode !== status) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  /** the bare query: as the owner, no transaction, no row-level security, no app code */
  const bare = (q: SQL) => timed(() => ctx.database.db.execute(q));
  const q = <T>(s: SQL) => rows<T>(ctx.database.db.execute(s));
  const hasStockList = app.hasRoute({ method: 'GET', url: '/api/v1/stock' });
  const hasIssues = app.hasRoute({ method: 'POST', url: '/api/v1/stock-movements/issues' });

  // 1. on hand for all items at one point, each point in turn
  const points = await q<{ id: string; kind: string }>(
    sql`select id, kind from stock_points where mission_id = ${missionId} order by kind = 'warehouse' desc, name`,
  );
  const report: number[] = [];
  const reportAsOf: number[] = [];
  const list: number[] = [];
  const sumByItem: number[] = [];
  const reportRows: number[] = [];
  const yearAgo = addDays(today, -365);
  for (let i = -WARMUP; i < REPORTS; i++) {
    const p = points[(i + WARMUP) % points.length] as { id: string };
    const [ms, res] = await timed(() => get(`/api/v1/stock/report?stockPointId=${p.id}`, officerH));
    const [base] = await bare(sql`select item_id, sum(quantity) from stock_movements
      where mission_id = ${missionId} and stock_point_id = ${p.id} group by item_id`);
    if (i < 0) continue;
    report.push(ms);
    sumByItem.push(base);
    reportRows.push((JSON.parse(res.body) as { rows: unknown[] }).rows.length);
    if (i % 4 === 0)
      reportAsOf.push(
        (await timed(() => get(`/api/v1/stock/report?stockPointId=${p.id}&asOf=${yearAgo}`, officerH)))[0],
      );
    if (hasStockList)
      list.push((await timed(() => get(`/api/v1/stock?stockPointId=${p.id}&limit=200`, officerH)))[0]);
  }

  // 2. distribution lines: at each centre, its store with most usable clothing, two events a
  // week apart; the second serves some of the first one's people again (a warning, overridden)
  const stores = await q<{ point: string; centre: string; item: string; stock: number }>(sql`
    select b.stock_point_id as point, sp.centre_id as centre, b.item_id as item, sum(b.on_hand)::int as stock
    from stock_balances b
    join stock_points sp on sp.mission_id = b.mission_id and sp.id = b.stock_point_id
    join stock_lots l on l.mission_id = b.mission_id and l.id = b.lot_id
    join supply_items i on i.mission_id = b.mission_id and i.id = b.item_id
    where b.mission_id = ${missionId} and sp.kind = 'centre_store' and i.category = 'clothing'
      and l.expiry_on > ${today}::date and b.on_hand > 0
    group by 1, 2, 3 order by 4 desc`);
  const fresh = await q<{ id: string; centre: string }>(sql`
    select p.id, e.centre_id as centre from persons p
    join episodes e on e.mission_id = p.mission_id and e.person_id = p.id and e.ended_on is null
    where p.mission_id = ${missionId} and not exists (
      select 1 from distribution_lines l where l.mission_id = p.mission_id and l.person_id = p.id)
    order by p.id`);
  type Plan = { event: string; person: string; item: string; store: string; warn: boolean };
  // [0] the first events, [1] the second ones; [2] more of the second's, written without HTTP
  const plan: Plan[][] = [[], [], []];
  const centresWith = [...new Set(stores.map((s) => s.centre))];
  const perCentre = Math.ceil(LINES / Math.max(1, centresWith.length));
  for (const centre of centresWith) {
    const s = stores.find((x) => x.centre === centre) as (typeof stores)[number];
    const people = fresh.filter((p) => p.centre === centre).map((p) => p.id);
    const first = Math.ceil(perCentre * 0.6);
    const events: string[] = [];
    for (const on of [addDays(today, -8), addDays(today, -1)]) {
      const res = await post('/api/v1/distributions', caseworkerH, {
        centreId: centre,
        stockPointId: s.point,
        occurredOn: on,
        kind: 'individual',
        itemIds: [s.item],
      });
      events.push((JSON.parse(res.body) as { id: string }).id);
    }
    const direct = Math.ceil(perCentre / 4);
    for (let i = 0; i < perCentre + direct && i < people.length; i++) {
      const again = i >= first && i < perCentre && i % 2 === 0;
      plan[i < first ? 0 : i < perCentre ? 1 : 2]?.push({
        event: events[i < first ? 0 : 1] as string,
        person: (again ? people[i - first] : people[i]) as string,
        item: s.item,
        store: s.point,
        warn: again,
      });
    }
  }
  const lines: number[] = [];
  const keySum: number[] = [];
  let warned = 0;
  let n = 0;
  let lineCount = 0;
  for (const l of [...(plan[0] ?? []), ...(plan[1] ?? [])].slice(0, LINES + WARMUP)) {
    const [ms, res] = await timed(() =>
      post(`/api/v1/distributions/${l.event}/recipients`, caseworkerH, {
        personId: l.person,
        lines: [{ itemId: l.item, quantity: 1 }],
        ...(l.warn ? { overrideReason: 'Bench: the set given last week was torn' } : {}),
      }),
    );
    const body = JSON.parse(res.body) as {
      lines: { personId: string; lotId: string; overridden: boolean }[];
    };
    const mine = body.lines.filter((x) => x.personId === l.person).at(-1);
    const [base] = await bare(sql`select sum(quantity) from stock_movements where mission_id = ${missionId}
      and stock_point_id = ${l.store} and item_id = ${l.item} and lot_id = ${mine?.lotId ?? l.item}`);
    if (n++ < WARMUP) continue;
    lines.push(ms);
    keySum.push(base);
    lineCount += body.lines.length;
    if (mine?.overridden) warned++;
  }

  // the same write without HTTP and without the answer (the whole event read again)
  const writeOnly: number[] = [];
  for (const l of plan[2] ?? []) {
    const actor = run.caseworker;
    writeOnly.push(
      (
        await timed(() =>
          asActor(ctx, actor, async (w) =>
            recordRecipient(w, await loadDistribution(w, l.event, true), {
              personId: l.person,
              lines: [{ itemId: l.item, quantity: 1 }],
            }),
          ),
        )
      )[0],
    );
  }

  // 3. backdated entries: the keys with most entries, a year back, a loss of one unit
  const keys = await q<Key & { n: number; onHand: number }>(sql`
    select m.stock_point_id as "stockPointId", m.item_id as "itemId", m.lot_id as "lotId", count(*)::int as n,
      min(b.on_hand)::int as "onHand"
    from stock_movements m join stock_balances b on b.mission_id = m.mission_id
      and b.stock_point_id = m.stock_point_id and b.item_id = m.item_id and b.lot_id = m.lot_id
    where m.mission_id = ${missionId} and b.on_hand > ${CHECKS}
    group by 1, 2, 3 order by 4 desc limit 50`);
  const check: number[] = [];
  const checkTx: number[] = [];
  const perDay: number[] = [];
  const issue: number[] = [];
  let later = 0;
  let shortFound = 0;
  for (let i = -WARMUP; i < CHECKS; i++) {
    const k = keys[(i + WARMUP) % keys.length] as Key & { n: number };
    const on = addDays(yearAgo, (i + WARMUP) % 7);
    const [tx, [ms, short]] = await timed(() =>
      asActor(ctx, officer, async (w) => {
        const [b] = await rows<{ onHand: number }>(
          w.tx.execute(sql`select on_hand as "onHand" from stock_balances where mission_id = ${missionId}
            and stock_point_id = ${k.stockPointId} and item_id = ${k.itemId} and lot_id = ${k.lotId}`),
        );
        const onHand = Number(b?.onHand ?? 0);
        // every other check asks for more than the lot holds: found, with its date and shortfall
        return timed(() => firstShortfall(w, k, onHand, on, i % 2 ? -(onHand + 1) : -1));
      }),
    );
    const [base, days] = await bare(sql`select occurred_on, sum(quantity) from stock_movements
      where mission_id = ${missionId} and stock_point_id = ${k.stockPointId} and item_id = ${k.itemId}
        and lot_id = ${k.lotId} and occurred_on >= ${on} group by occurred_on order by occurred_on`);
    let ims = 0;
    if (hasIssues)
      [ims] = await timed(() =>
        post('/api/v1/stock-movements/issues', officerH, {
          stockPointId: k.stockPointId,
          occurredOn: on,
          reason: 'damaged',
          lines: [{ itemId: k.itemId, lotId: k.lotId, quantity: 1 }],
        }),
      );
    if (i < 0) continue;
    check.push(ms);
    checkTx.push(tx);
    perDay.push(base);
    if (hasIssues) issue.push(ims);
    later += (days as unknown as { rows: unknown[] }).rows.length;
    if (short) shortFound++;
  }

  const rss = process.resourceUsage().maxRSS / 1024;
  const [l1, l5] = loadavg();
  console.log(
    `\nEngine: ${ctx.database.kind}, ${run.entries.toLocaleString('en')} ledger entries${run.loadS ? `, loaded in ${run.loadS.toFixed(0)} s` : ''} (machine load ${l1?.toFixed(1)} / ${l5?.toFixed(1)} over 1 / 5 min)`,
  );
  console.log(
    `  on hand, all items at one point: GET /stock/report?stockPointId= (${report.length}, ${points.length} points in turn, median ${pct(reportRows, 50)} rows)  ${fmt(report)}   target p95 ≤ ${TARGET_ON_HAND} ms: ${verdict(report, TARGET_ON_HAND)}`,
  );
  if (hasStockList)
    console.log(
      `    GET /stock?stockPointId=&limit=200 (the on-hand list)     ${fmt(list)}   target p95 ≤ ${TARGET_ON_HAND} ms: ${verdict(list, TARGET_ON_HAND)}`,
    );
  else
    console.log(
      '    GET /stock?stockPointId=&limit=200: not in this build (the ledger routes are not merged)',
    );
  console.log(
    `    GET /stock/report?asOf=a year ago (the ledger summed)     ${fmt(reportAsOf)}   (${reportAsOf.length})`,
  );
  console.log(`    bare sum of the point's ledger by item                    ${fmt(sumByItem)}`);
  console.log(
    `  one distribution line: POST /distributions/:id/recipients (${lines.length}, ${warned} overriding the 30-day rule; mean ${(lineCount / Math.max(1, lines.length)).toFixed(0)} lines in the answer)  ${fmt(lines)}   target p95 ≤ ${TARGET_LINE} ms: ${verdict(lines, TARGET_LINE)}`,
  );
  console.log(
    `    the write alone (recordRecipient in asActor, no HTTP, no answer)  ${fmt(writeOnly)}   (${writeOnly.length} more lines)`,
  );
  console.log(`    bare sum of the line's key (point, item, lot)             ${fmt(keySum)}`);
  console.log(
    `  backdated entry's forward check: firstShortfall a year back (${check.length} over the ${keys.length} keys with most entries, ${pct(
      keys.map((k) => k.n),
      50,
    )} entries per key, ${(later / Math.max(1, check.length)).toFixed(0)} days after the date; ${shortFound} found short)  ${fmt(check)}   target p95 ≤ ${TARGET_BACKDATED} ms: ${verdict(check, TARGET_BACKDATED)}`,
  );
  console.log(`    with its transaction (asActor, reading on hand)           ${fmt(checkTx)}`);
  if (hasIssues)
    console.log(
      `    POST /stock-movements/issues, a loss a year back          ${fmt(issue)}   target p95 ≤ ${TARGET_BACKDATED} ms: ${verdict(issue, TARGET_BACKDATED)}`,
    );
  else console.log('    POST /stock-movements/issues: not in this build (the ledger routes are not merged)');
  console.log(`    bare per-day sum of the key from that date                ${fmt(perDay)}`);
  console.log('  ratios to the bare sums of this run (endpoint ÷ bare):');
  console.log(
    `    on hand at a point  ÷ sum by item ${ratio(report, sumByItem)}${hasStockList ? `   GET /stock ÷ sum by item ${ratio(list, sumByItem)}` : ''}`,
  );
  console.log(`    distribution line   ÷ key's sum   ${ratio(lines, keySum)}`);
  console.log(
    `    forward check       ÷ per-day sum ${ratio(check, perDay)}${hasIssues ? `   backdated loss ÷ per-day sum ${ratio(issue, perDay)}` : ''}`,
  );
  console.log(
    `  peak RSS of this process: ${rss.toFixed(0)} MB${ctx.database.kind === 'postgres' ? ' (the PostgreSQL server not included)' : ' (includes the embedded database)'}`,
  );
  await app.close();
  await ctx.database.close();
}

const file = new URL(import.meta.url).pathname;
if (args.includes('--child')) {
  const dataDir = KEEP
    ? join(tmpdir(), `sanad-bench-supplies-${KEEP}`)
    : mkdtempSync(join(tmpdir(), 'sanad-bench-supplies-'));
  try {
    await measure(
      await loadSupplies(process.env.BENCH_DATABASE_URL ?? '', dataDir, {
        entries: ENTRIES,
        people: PEOPLE,
        password: PASSWORD,
      }),
    );
  } finally {
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
const pgUrl = opt('pg', process.env.DATABASE_URL ?? '');
console.log(
  `Supplies benchmark: ${ENTRIES.toLocaleString('en')} ledger entries, ${PEOPLE.toLocaleString('en')} people; ${REPORTS} on-hand reports, ${LINES} distribution lines, ${CHECKS} backdated checks`,
);
if (!args.includes('--pg-only')) await runChild(file, args, '');
if (pgUrl) await withFreshPg(pgUrl, KEEP, (url) => runChild(file, args, url));
else console.log('\n(PostgreSQL: pass --pg postgres://… or set DATABASE_URL to measure it too)');
