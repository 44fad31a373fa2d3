import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// POST /transfers/bulk: several people from one centre to another, one transfer each, all or none.
let t: TestApp;
let cw: Client;
let a: string;
let b: string;
let c: string;

const register = async (centreId: string) => {
  const res = await cw.post('/api/v1/persons', buildPerson(centreId, { admittedOn: '2026-10-01' }));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; registrationNumber: string }>(res);
};
const centreOf = async (id: string) =>
  json<{ current: { centreId: string } | null }>(await cw.get(`/api/v1/persons/${id}`)).current?.centreId;
const transfers = async (id: string) =>
  json<{ items: { actorUsername: string; detail: Record<string, unknown> }[] }>(
    await t.admin.get(`/api/v1/audit?entityId=${id}&action=transfer`),
  ).items;
const bulk = (personIds: string[], from: string, to: string, o: object = {}) =>
  cw.post('/api/v1/transfers/bulk', {
    personIds,
    fromCentreId: from,
    toCentreId: to,
    date: '2026-10-20',
    ...o,
  });

beforeAll(async () => {
  t = await testApp();
  const centre = async () => json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  a = await centre();
  b = await centre();
  c = await centre();
  cw = await t.signIn({ role: 'caseworker' });
}, 120_000);
afterAll(() => t.close());

describe('bulk transfer', () => {
  it('moves everyone selected, one new stay each, and audits each person', async () => {
    const people = [await register(a), await register(a), await register(a)];
    const res = await bulk(
      people.map((p) => p.id),
      a,
      b,
      { reason: 'Centre closed for repairs' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ items: unknown[] }>(res).items).toEqual(
      people.map((p) => ({ personId: p.id, registrationNumber: p.registrationNumber })),
    );
    const batches = new Set<unknown>();
    for (const p of people) {
      expect(await centreOf(p.id)).toBe(b);
      const stays = json<{ items: { centreId: string; endReason: string | null }[] }>(
        await cw.get(`/api/v1/persons/${p.id}/episodes`),
      ).items;
      expect(stays.map((s) => [s.centreId, s.endReason])).toEqual([
        [a, 'transfer'],
        [b, null],
      ]);
      const events = await transfers(p.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorUsername: cw.username,
        detail: { fromCentreId: a, toCentreId: b, date: '2026-10-20', reason: 'Centre closed for repairs' },
      });
      batches.add(events[0]?.detail.batch);
    }
    expect(batches.size).toBe(1);
  });

  it('moves nobody when one of them cannot be moved, and says which and why', async () => {
    const stays = await register(a);
    const elsewhere = await register(b);
    const also = await register(a);
    const res = await bulk([stays.id, elsewhere.id, also.id, '01900000-0000-7000-8000-0000000000ff'], a, c);
    expect(res.statusCode).toBe(422);
    const body = json<{ code: string; detail: string; errors: { path: string; message: string }[] }>(res);
    expect(body.code).toBe('bulk_transfer_refused');
    expect(body.detail).toBe('2 of 4 cannot be moved; nobody was moved');
    expect(body.errors).toEqual([
      { path: 'personIds.1', message: 'Not held in this centre now' },
      { path: 'personIds.3', message: 'Person not found' },
    ]);
    expect(await centreOf(stays.id)).toBe(a);
    expect(await centreOf(also.id)).toBe(a);
    expect(await transfers(stays.id)).toEqual([]);

    // a date before someone's admission refuses the whole group too
    const early = await bulk([stays.id, also.id], a, c, { date: '2026-09-15' });
    expect(early.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(early).errors.map((e) => e.path)).toEqual([
      'personIds.0',
      'personIds.1',
    ]);
    expect(await centreOf(stays.id)).toBe(a);
  });

  it('refuses bad input by field', async () => {
    const p = await register(a);
    const same = await bulk([p.id], a, a);
    expect(same.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(same).errors[0]?.path).toBe('toCentreId');
    const twice = await bulk([p.id, p.id], a, b);
    expect(twice.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(twice).errors[0]?.path).toBe('personIds');
    const none = await bulk([], a, b);
    expect(none.statusCode).toBe(400);
    expect(await centreOf(p.id)).toBe(a);
  });

  it('holds a caseworker of one centre to people held there, like a single transfer', async () => {
    const atA = await t.signIn({ role: 'caseworker', centreIds: [a] });
    const mine = await register(a);
    const theirs = await register(b);
    // out of sight: not found, and nobody moves
    const refused = await atA.post('/api/v1/transfers/bulk', {
      personIds: [mine.id, theirs.id],
      fromCentreId: a,
      toCentreId: c,
      date: '2026-10-20',
    });
    expect(refused.statusCode).toBe(422);
    expect(await centreOf(mine.id)).toBe(a);
    const ok = await atA.post('/api/v1/transfers/bulk', {
      personIds: [mine.id],
      fromCentreId: a,
      toCentreId: c,
      date: '2026-10-20',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await centreOf(mine.id)).toBe(c);
  });

  it('answers a replayed Idempotency-Key with the first answer, and moves nobody twice', async () => {
    const people = [await register(a), await register(a)];
    const ids = people.map((p) => p.id);
    const key = { 'idempotency-key': 'bulk-transfer-replay-1' };
    const body = { personIds: ids, fromCentreId: a, toCentreId: b, date: '2026-10-20' };
    const first = await cw.post('/api/v1/transfers/bulk', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await cw.post('/api/v1/transfers/bulk', body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json(again)).toEqual(json(first));
    for (const id of ids) {
      expect(await transfers(id)).toHaveLength(1);
      expect(await centreOf(id)).toBe(b);
    }
    // the same key with another request is still refused
    const other = await cw.post('/api/v1/transfers/bulk', { ...body, toCentreId: c }, key);
    expect(other.statusCode).toBe(422);
    expect(json<{ code: string }>(other).code).toBe('idempotency_key_reused');
  });

  it('re-reads the replay as the current reader: someone out of sight now is not answered', async () => {
    const atA = await t.signIn({ role: 'caseworker', centreIds: [a] });
    const p = await register(a);
    const key = { 'idempotency-key': 'bulk-transfer-replay-2' };
    const body = { personIds: [p.id], fromCentreId: a, toCentreId: b, date: '2026-10-20' };
    expect((await atA.post('/api/v1/transfers/bulk', body, key)).statusCode).toBe(201);
    // the caseworker now works in C only: the person, in B, is out of their sight
    const user = json<{ version: number }>(await t.admin.get(`/api/v1/users/${atA.userId}`));
    const moved = await t.admin.patch(`/api/v1/users/${atA.userId}`, {
      version: user.version,
      roles: [{ role: 'caseworker', centreIds: [c] }],
    });
    expect(moved.statusCode).toBe(200);
    expect((await atA.get(`/api/v1/persons/${p.id}`)).statusCode).toBe(404);
    const replay = await atA.post('/api/v1/transfers/bulk', body, key);
    expect(replay.statusCode).toBe(404);
    expect(replay.body).not.toContain(p.registrationNumber);
  });
});
