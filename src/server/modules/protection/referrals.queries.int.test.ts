import { NodePgSession } from 'drizzle-orm/node-postgres/session';
import { PgliteSession } from 'drizzle-orm/pglite/session';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCentre, buildConsent, buildPerson, buildReferral, createRecipient } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Lists of referrals must cost the same number of queries whatever the page size (no query per
// row), and creating a referral must not load the same rows twice. Every SQL statement of the
// app goes through a Drizzle session's prepareQuery, on either engine: the test listens there.

let t: TestApp;
let po: Client;
let unhcr: string;
const statements: string[] = [];

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  po = await t.signIn({ role: 'protection_officer' });
  for (let i = 0; i < 20; i++) {
    const personId = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
    await po.post('/api/v1/consents', buildConsent(personId, unhcr));
    const res = await po.post('/api/v1/referrals', buildReferral(personId, unhcr));
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const Session of [PgliteSession, NodePgSession]) {
    const original = Session.prototype.prepareQuery;
    vi.spyOn(Session.prototype, 'prepareQuery').mockImplementation(function (
      this: unknown,
      ...args: Parameters<typeof original>
    ) {
      const [query] = args;
      statements.push(`${query.sql} ${JSON.stringify(query.params)}`);
      return original.apply(this as never, args);
    } as typeof original);
  }
});
afterEach(() => {
  statements.length = 0;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

/** Reads of data: the audit chain's head is locked once per audit event, by design. */
const loads = (sql: string[]) => sql.filter((s) => /^\s*select/i.test(s) && !/"audit_heads"/.test(s));

/** The statements one request issues. */
async function during(request: () => Promise<{ statusCode: number; body: string }>) {
  statements.length = 0;
  const res = await request();
  expect(res.statusCode, res.body).toBeLessThan(300);
  return [...statements];
}

describe('referral queries', () => {
  it('lists 20 referrals in as many queries as 1', async () => {
    const one = await during(() => po.get('/api/v1/referrals?limit=1'));
    const twenty = await during(() => po.get('/api/v1/referrals?limit=20'));
    expect(json<{ items: unknown[] }>(await po.get('/api/v1/referrals?limit=20')).items).toHaveLength(20);
    expect(one.length).toBeGreaterThan(0);
    expect(twenty.length).toBe(one.length);
  });

  it('creates a referral without loading the same rows twice', async () => {
    const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const personId = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
    await po.post('/api/v1/consents', buildConsent(personId, unhcr));
    const sql = await during(() => po.post('/api/v1/referrals', buildReferral(personId, unhcr)));
    const reads = loads(sql);
    expect(reads.filter((s, i) => reads.indexOf(s) !== i)).toEqual([]);
  });

  it('moves a referral on without loading it or its person twice', async () => {
    const [r] = json<{ items: { id: string; version: number }[] }>(
      await po.get('/api/v1/referrals?status=draft&limit=1'),
    ).items;
    const sql = await during(() =>
      po.post(`/api/v1/referrals/${r!.id}/transitions`, { to: 'cancelled', version: r!.version }),
    );
    const reads = loads(sql);
    expect(reads.filter((s, i) => reads.indexOf(s) !== i)).toEqual([]);
  });
});
