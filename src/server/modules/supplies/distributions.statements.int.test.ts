import { NodePgSession } from 'drizzle-orm/node-postgres/session';
import { PgliteSession } from 'drizzle-orm/pglite/session';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { type Dist, open, register, ruleOf } from './distributions.fixtures';

// What one quick-entry row costs the database: recording a person's line is the busiest write of
// a distribution day (benchmarked in bench/supplies.ts), so its statements are counted here, and
// a new read or a query run twice fails. Every SQL statement of the app goes through a Drizzle
// session's prepareQuery, on either engine: the test listens there. The answer is built from what
// the write loaded, so it is compared with the event read back.

let t: TestApp;
let s: SuppliesWorld;
let cw: Client;
let d: Dist;
const statements: string[] = [];

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  await ruleOf(t, 'clothing', 30);
  cw = await t.signIn({ role: 'caseworker', centreIds: [s.centreA] });
  await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 3, expiryOn: '2027-03-31' });
  await stockUp(t, {
    stockPointId: s.storeA,
    itemId: s.clothing,
    quantity: 50,
    expiryOn: '2028-06-30',
    projectId: s.project,
  });
  d = await open(cw, { centreId: s.centreA, stockPointId: s.storeA, itemIds: [s.clothing] });
  for (const Session of [PgliteSession, NodePgSession]) {
    const original = Session.prototype.prepareQuery;
    vi.spyOn(Session.prototype, 'prepareQuery').mockImplementation(function (
      this: unknown,
      ...args: Parameters<typeof original>
    ) {
      statements.push(`${args[0].sql} ${JSON.stringify(args[0].params)}`);
      return original.apply(this as never, args);
    } as typeof original);
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

/**
 * The request's own statements: not transaction control (node-postgres sends it as statements,
 * PGlite does not), nor the sign-in's session lookup (memoised for 5 s, so a slow run pays it).
 */
const own = (sql: string[]) =>
  sql.filter((q) => !/^\s*(begin|commit|rollback)\b/i.test(q) && !/\bsessions\b/.test(q));
/** The audit chain: four statements per event, by design (platform/audit.ts). */
const AUDIT = 4;

/** The statements one request issues, and its answer. */
async function during(request: () => Promise<LightMyRequestResponse>) {
  statements.length = 0;
  const res = await request();
  expect(res.statusCode, res.body).toBe(201);
  return { sql: own([...statements]), answer: json<Dist>(res) };
}

const row =
  (personId: string, quantity = 1, o: Record<string, unknown> = {}) =>
  () =>
    cw.post(`/api/v1/distributions/${d.id}/recipients`, {
      personId,
      lines: [{ itemId: s.clothing, quantity }],
      ...o,
    });

/** The event as a fresh read shows it, with only these lines. */
async function readBack(ids: string[]) {
  const full = json<Dist>(await cw.get(`/api/v1/distributions/${d.id}`));
  return { ...full, lines: full.lines.filter((l) => ids.includes(l.id)) };
}

describe('recording one person’s line', () => {
  it('takes 9 statements and one audit event for a line from one lot, none of them twice', async () => {
    const person = await register(cw, s.centreA);
    const first = await during(row(person, 2)); // the whole first lot is 3: this stays in it
    // mission and role; the event locked with its header; the person locked with whether they are
    // held that day and served already; items with their rules and the person's earlier lines;
    // usable lots with settings; the balance locked; the forward check; the entry with its
    // balance; the line
    expect(first.sql).toHaveLength(9 + AUDIT);
    expect(first.sql.filter((q, i) => first.sql.indexOf(q) !== i)).toEqual([]);
    expect(first.sql.filter((q) => /^\s*select/i.test(q) && /"supply_items"/.test(q))).toHaveLength(1);
    expect(first.sql.filter((q) => /"supplies_settings"/.test(q))).toHaveLength(1);
    expect(first.answer).toEqual(await readBack(first.answer.lines.map((l) => l.id)));
    expect(first.answer.recipients).toBe(1);
  });

  it('adds per extra lot only the ledger’s three statements, and one audit event per line', async () => {
    const person = await register(cw, s.centreA);
    const split = await during(row(person, 3)); // 1 left in the first lot, 2 from the next
    expect(split.answer.lines.map((l) => l.quantity)).toEqual([1, 2]);
    expect(split.sql).toHaveLength(9 + 3 + 2 * AUDIT);
    expect(split.answer).toEqual(await readBack(split.answer.lines.map((l) => l.id)));
    expect(split.answer.recipients).toBe(2);
  });

  it('adds only the override’s audit event when a rule is crossed, and counts the person once', async () => {
    const person = await register(cw, s.centreA);
    await during(row(person));
    const again = await during(row(person, 1, { overrideReason: 'Torn in the night' }));
    expect(again.answer.lines).toEqual([expect.objectContaining({ overridden: true, personId: person })]);
    expect(again.sql).toHaveLength(9 + 2 * AUDIT);
    expect(again.answer).toEqual(await readBack(again.answer.lines.map((l) => l.id)));
    expect(again.answer.recipients).toBe(3);
  });
});
