import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Movement } from '../../../domain/supplies/movements';
import { stockMovements } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { xlsxRows } from '../../test/exports';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { seedSupplies, stockUp } from '../../test/supplies-factories';
import { post } from './ledger.service';
import { type Card, issueAs, loss, type Problem, receipt, stockAt, type Written } from './movements.fixtures';

// Reversals, the stock card, the ledger list, scope and the on-hand export over HTTP.

let t: TestApp;
let so: Client; // a mission-wide stock officer
beforeAll(async () => {
  t = await testApp();
  so = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

describe('reversals', () => {
  const reverse = (c: Client, id: string, reasonText = 'Typed the wrong quantity') =>
    c.post(`/api/v1/stock-movements/${id}/reverse`, { reasonText });

  it('reverses a receipt once, on its own date; a second reversal is 409', async () => {
    const s = await seedSupplies(t);
    const [entry] = json<Written>(await so.post('/api/v1/stock-movements/receipts', receipt(s))).items;
    const res = await reverse(so, entry!.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Movement>(res)).toMatchObject({
      quantity: -100,
      occurredOn: '2026-10-01',
      kind: 'reversal',
      reason: 'reversal',
      reversesId: entry!.id,
      allowedActions: ['read'],
    });
    const original = json<Movement>(await so.get(`/api/v1/stock-movements/${entry!.id}`));
    expect(original).toMatchObject({ reversedById: json<Movement>(res).id, allowedActions: ['read'] });
    expect((await reverse(so, entry!.id)).statusCode).toBe(409);
    expect((await stockAt(so, `stockPointId=${s.storeA}`)).total).toBe(0);
  });

  it('answers a retried reversal (same Idempotency-Key) with the reversal already written', async () => {
    const s = await seedSupplies(t);
    const [entry] = json<Written>(await so.post('/api/v1/stock-movements/receipts', receipt(s))).items;
    const send = () =>
      so.post(
        `/api/v1/stock-movements/${entry!.id}/reverse`,
        { reasonText: 'Duplicate' },
        { 'idempotency-key': `rev-${entry!.id}` },
      );
    const first = await send();
    expect(first.statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json<Movement>(again).id).toBe(json<Movement>(first).id);
  });

  it('refuses a reversal that would make a balance negative, and one of a transfer entry', async () => {
    const s = await seedSupplies(t);
    const [entry] = json<Written>(await so.post('/api/v1/stock-movements/receipts', receipt(s))).items;
    expect((await issueAs(so, loss(s.storeA, s.clothing, 30, { occurredOn: '2026-10-20' }))).statusCode).toBe(
      201,
    );
    const res = await reverse(so, entry!.id);
    expect(res.statusCode).toBe(422);
    expect(json<Problem>(res).detail).toBe('Not enough stock: on 2026-10-20 the balance would be 30 short');
    const [out] = await asSystem(t.ctx, t.missionId, (w) =>
      post(w, [
        {
          stockPointId: s.storeA,
          itemId: s.clothing,
          lotId: entry!.lotId,
          quantity: -10,
          occurredOn: '2026-10-21',
          reason: 'transfer_dispatched',
        },
      ]),
    );
    const shown = json<Movement>(await so.get(`/api/v1/stock-movements/${out!.id}`));
    expect(shown.allowedActions).toEqual(['read']);
    const refused = await reverse(so, out!.id);
    expect(refused.statusCode).toBe(422);
    expect(json<Problem>(refused).code).toBe('not_reversible');
    expect((await reverse(so, entry!.id, '')).statusCode).toBe(400);
  });
});

describe('the stock card', () => {
  it('lists one item at one point in ledger order with each lot’s running balance, paged', async () => {
    const s = await seedSupplies(t);
    const a = await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.clothing,
      quantity: 10,
      occurredOn: '2026-10-01',
    });
    await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.clothing,
      quantity: 5,
      occurredOn: '2026-10-02',
    });
    await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.medicine,
      quantity: 7,
      occurredOn: '2026-10-02',
    });
    expect(
      (await issueAs(so, loss(s.warehouse, s.clothing, 3, { occurredOn: '2026-10-04', lotId: a })))
        .statusCode,
    ).toBe(201);
    // recorded later, dated earlier: it takes its place by date
    expect(
      (await issueAs(so, loss(s.warehouse, s.clothing, 2, { occurredOn: '2026-10-03', lotId: a })))
        .statusCode,
    ).toBe(201);
    const url = `/api/v1/stock-movements/card?stockPointId=${s.warehouse}&itemId=${s.clothing}`;
    const all = json<Card>(await so.get(url));
    expect(all.items.map((m) => [m.occurredOn, m.quantity, m.balance])).toEqual([
      ['2026-10-01', 10, 10],
      ['2026-10-02', 5, 5],
      ['2026-10-03', -2, 8],
      ['2026-10-04', -3, 5],
    ]);
    expect(all).toMatchObject({ openingBalance: 0, closingBalance: 10, nextCursor: null });

    const first = json<Card>(await so.get(`${url}&from=2026-10-02&limit=2`));
    expect(first).toMatchObject({ openingBalance: 10, closingBalance: 10 });
    expect(first.items.map((m) => m.balance)).toEqual([5, 8]);
    const next = json<Card>(await so.get(`${url}&from=2026-10-02&limit=2&cursor=${first.nextCursor}`));
    expect(next.items.map((m) => [m.occurredOn, m.balance])).toEqual([['2026-10-04', 5]]);
    expect(next.openingBalance).toBe(13); // 10 + 5 − 2: the item's balance before 10-04's entry
    expect(next.nextCursor).toBeNull();

    const lot = json<Card>(await so.get(`${url}&lotId=${a}&to=2026-10-03`));
    expect(lot.items.map((m) => m.balance)).toEqual([10, 8]);
    expect(lot.closingBalance).toBe(8);
    expect((await so.get(`${url}&cursor=nonsense`)).statusCode).toBe(400);

    const file = await so.get(
      `/api/v1/stock-movements/card/export?format=xlsx&lang=en&stockPointId=${s.warehouse}&itemId=${s.clothing}`,
    );
    expect(file.statusCode, file.body).toBe(200);
    const { rows } = await xlsxRows(file);
    const at = (h: string) => rows[0]!.indexOf(h);
    expect(rows.slice(1).map((r) => [r[at('Reason')], Number(r[at('Balance')])])).toEqual([
      ['Donation', 10],
      ['Donation', 5],
      ['Damaged', 8],
      ['Damaged', 5],
    ]);

    const list = json<{ items: Movement[]; total: number }>(
      await so.get(`/api/v1/stock-movements?stockPointId=${s.warehouse}&itemId=${s.clothing}&kind=loss`),
    );
    expect(list.total).toBe(2);
    expect(list.items.map((m) => m.occurredOn)).toEqual(['2026-10-04', '2026-10-03']);
    const ranged = (q: string) =>
      so
        .get(`/api/v1/stock-movements?stockPointId=${s.warehouse}&${q}`)
        .then((r) => json<{ items: Movement[] }>(r).items);
    expect((await ranged('from=2026-10-02&to=2026-10-03')).map((m) => [m.occurredOn, m.quantity])).toEqual(
      [
        ['2026-10-03', -2],
        ['2026-10-02', 7],
        ['2026-10-02', 5],
      ], // the medicine was recorded after the clothing on the same day
    );
    // newest first, paged without gaps
    const page1 = json<{ items: Movement[]; nextCursor: string }>(
      await so.get(`/api/v1/stock-movements?stockPointId=${s.warehouse}&limit=3`),
    );
    const page2 = json<{ items: Movement[]; nextCursor: null }>(
      await so.get(`/api/v1/stock-movements?stockPointId=${s.warehouse}&limit=3&cursor=${page1.nextCursor}`),
    );
    expect([...page1.items, ...page2.items].map((m) => m.occurredOn)).toEqual([
      '2026-10-04',
      '2026-10-03',
      '2026-10-02',
      '2026-10-02',
      '2026-10-01',
    ]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('scope', () => {
  it('shows a centre-scoped stock officer only their centre’s store, and lets them write only there', async () => {
    const s = await seedSupplies(t);
    await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 10 });
    await stockUp(t, { stockPointId: s.storeB, itemId: s.clothing, quantity: 20 });
    const wh = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 30 });
    const soA = await t.signIn({ role: 'stock_officer', centreIds: [s.centreA] });
    const seen = await stockAt(soA, `itemId=${s.clothing}`);
    expect(seen.items.map((l) => [l.stockPointId, l.onHand])).toEqual([[s.storeA, 10]]);
    expect(seen.total).toBe(1);
    expect((await stockAt(so, `itemId=${s.clothing}`)).total).toBe(3);
    expect(
      (await soA.get(`/api/v1/stock-movements/card?stockPointId=${s.storeB}&itemId=${s.clothing}`))
        .statusCode,
    ).toBe(404);
    const refused = await soA.post(
      '/api/v1/stock-movements/receipts',
      receipt(s, { stockPointId: s.storeB }),
    );
    expect(refused.statusCode).toBe(422);
    expect(json<Problem>(refused).errors).toEqual([{ path: 'stockPointId', message: 'Unknown stock point' }]);
    expect((await soA.post('/api/v1/stock-movements/receipts', receipt(s))).statusCode).toBe(201);
    const whEntry = json<{ items: Movement[] }>(
      await so.get(`/api/v1/stock-movements?stockPointId=${s.warehouse}`),
    ).items[0]!;
    expect(whEntry.lotId).toBe(wh);
    expect((await soA.get(`/api/v1/stock-movements/${whEntry.id}`)).statusCode).toBe(404);

    // a caseworker reads stock but writes none
    const cw = await t.signIn({ role: 'caseworker' });
    expect((await stockAt(cw, `itemId=${s.clothing}`)).total).toBe(4);
    expect((await cw.post('/api/v1/stock-movements/receipts', receipt(s))).statusCode).toBe(403);
    expect(json<Movement>(await cw.get(`/api/v1/stock-movements/${whEntry.id}`)).allowedActions).toEqual([
      'read',
    ]);
    expect(
      (await cw.post(`/api/v1/stock-movements/${whEntry.id}/reverse`, { reasonText: 'No' })).statusCode,
    ).toBe(403);
    expect(
      (await soA.post(`/api/v1/stock-movements/${whEntry.id}/reverse`, { reasonText: 'No' })).statusCode,
    ).toBe(404);
    const po = await t.signIn({ role: 'protection_officer' });
    expect((await po.get('/api/v1/stock')).statusCode).toBe(403);
  });
});

describe('the on-hand export', () => {
  it('holds the same lines and total as the list', async () => {
    const s = await seedSupplies(t);
    await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 12 });
    await stockUp(t, { stockPointId: s.storeA, itemId: s.medicine, quantity: 480 });
    const list = await stockAt(so, `stockPointId=${s.storeA}`);
    const res = await so.get(`/api/v1/stock/export?format=xlsx&lang=fr&stockPointId=${s.storeA}`);
    expect(res.statusCode).toBe(200);
    const { rows } = await xlsxRows(res);
    expect(rows[0]).toContain('En stock');
    const col = rows[0]!.indexOf('En stock');
    const body = rows.slice(1);
    expect(body.map((r) => Number(r[col]))).toEqual(list.items.map((l) => l.onHand));
    expect(body.map((r) => r[rows[0]!.indexOf('Catégorie')])).toEqual(['Vêtements', 'Médicaments']);
    const sum = await asSystem(t.ctx, t.missionId, async (w) => {
      const [r] = await w.tx
        .select({ n: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)::int` })
        .from(stockMovements)
        .where(eq(stockMovements.stockPointId, s.storeA));
      return Number(r?.n);
    });
    expect(body.reduce((n, r) => n + Number(r[col]), 0)).toBe(sum);
  });
});
