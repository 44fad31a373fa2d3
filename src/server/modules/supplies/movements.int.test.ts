import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Movement, StockLine } from '../../../domain/supplies/movements';
import { auditEvents, stockMovements, suppliesSettings, supplyItems } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { created } from '../../platform/records';
import { xlsxRows } from '../../test/exports';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { lotsToIssue, post } from './ledger.service';

// The stock ledger's HTTP surface. The test clock says 2026-11-02.

let t: TestApp;
let so: Client; // a mission-wide stock officer
beforeAll(async () => {
  t = await testApp();
  so = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

type Written = { items: Movement[] };
type Problem = { detail: string; code?: string; errors?: { path: string; message: string }[] };
type Card = { openingBalance: number; closingBalance: number; items: Movement[]; nextCursor: string | null };

const receipt = (s: SuppliesWorld, o: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
  stockPointId: s.storeA,
  occurredOn: '2026-10-01',
  reason: 'donation',
  documentNumber: 'GRN-2026-001',
  projectId: s.project,
  lines: [{ itemId: s.clothing, lotNumber: 'CL-1', expiryOn: '2030-01-01', quantity: 100, ...line }],
  ...o,
});
const loss = (stockPointId: string, itemId: string, quantity: number, o: Record<string, unknown> = {}) => ({
  stockPointId,
  occurredOn: '2026-10-10',
  reason: 'damaged',
  lines: [{ itemId, quantity, ...((o.lotId ? { lotId: o.lotId } : {}) as object) }],
  ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'lotId')),
});
const issueAs = (c: Client, body: unknown) => c.post('/api/v1/stock-movements/issues', body);
const stockAt = async (c: Client, query: string) =>
  json<{ items: StockLine[]; total: number }>(await c.get(`/api/v1/stock?${query}`));
const auditCount = () =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const [r] = await w.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'stock_movement'));
    return Number(r?.n);
  });

describe('receipts', () => {
  it('receives lines into their lots under the project, with one audit event naming the entries', async () => {
    const s = await seedSupplies(t);
    const before = await auditCount();
    const res = await so.post(
      '/api/v1/stock-movements/receipts',
      receipt(s, {
        lines: [
          { itemId: s.clothing, lotNumber: 'CL-1', expiryOn: '2030-01-01', quantity: 100 },
          {
            itemId: s.medicine,
            lotNumber: 'AM-1',
            expiryOn: '2027-05-31',
            quantity: 2400,
            unitCostMinor: 3,
            currency: 'EUR',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { items } = json<Written>(res);
    expect(items.map((m) => [m.itemId, m.quantity, m.kind, m.reason, m.projectId])).toEqual([
      [s.clothing, 100, 'receipt', 'donation', s.project],
      [s.medicine, 2400, 'receipt', 'donation', s.project],
    ]);
    expect(items[1]).toMatchObject({
      unitCostMinor: 3,
      currency: 'EUR',
      lotNumber: 'AM-1',
      recordedBy: so.username,
    });
    expect(items[0]!.allowedActions).toEqual(['read', 'reverse']);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await asSystem(t.ctx, t.missionId, (w) =>
      w.tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityType, 'stock_movement'))
        .orderBy(sql`seq desc`)
        .limit(1),
    );
    expect(event?.detail).toMatchObject({ ids: items.map((m) => m.id), kind: 'receipt' });
    const stock = await stockAt(so, `stockPointId=${s.storeA}`);
    expect(stock.items.map((l) => [l.itemCode.slice(0, 3), l.onHand])).toEqual([
      ['CLO', 100],
      ['MED', 2400],
    ]);
  });

  it('answers a retried receipt (same Idempotency-Key) with the entries first written, writing no more', async () => {
    const s = await seedSupplies(t);
    const body = receipt(s, {
      lines: [
        { itemId: s.clothing, lotNumber: 'CL-9', expiryOn: '2030-01-01', quantity: 5 },
        { itemId: s.medicine, lotNumber: 'AM-9', expiryOn: '2029-01-01', quantity: 7 },
      ],
    });
    const send = () =>
      so.post('/api/v1/stock-movements/receipts', body, { 'idempotency-key': `grn-${s.storeA}` });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json<Written>(again).items).toEqual(json<Written>(first).items);
    expect((await stockAt(so, `stockPointId=${s.storeA}`)).items.map((l) => l.onHand)).toEqual([5, 7]);
  });

  it('refuses a known lot number with another expiry, on that line, and writes nothing', async () => {
    const s = await seedSupplies(t);
    expect((await so.post('/api/v1/stock-movements/receipts', receipt(s))).statusCode).toBe(201);
    const before = await auditCount();
    const res = await so.post('/api/v1/stock-movements/receipts', receipt(s, {}, { expiryOn: '2031-01-01' }));
    expect(res.statusCode).toBe(422);
    expect(json<Problem>(res).errors).toEqual([
      { path: 'lines.0.expiryOn', message: 'Lot CL-1 expires on 2030-01-01' },
    ]);
    expect(await auditCount()).toBe(before);
    expect((await stockAt(so, `stockPointId=${s.storeA}`)).items.map((l) => l.onHand)).toEqual([100]);
  });

  it('reports bad input per field', async () => {
    const s = await seedSupplies(t);
    const inactive = await asSystem(t.ctx, t.missionId, async (w) => {
      await w.tx.update(supplyItems).set({ active: false }).where(eq(supplyItems.id, s.medicine));
      return s.medicine;
    });
    const cases: [Record<string, unknown>, Record<string, unknown>, number, string][] = [
      [{}, { quantity: 0 }, 400, 'lines.0.quantity'],
      [{}, { unitCostMinor: 5 }, 400, 'lines.0.currency'],
      [{}, { unitCostMinor: 5, currency: 'eur' }, 400, 'lines.0.currency'],
      [{}, { expiryOn: '2030-02-30' }, 400, 'lines.0.expiryOn'],
      [{}, { lotNumber: '' }, 400, 'lines.0.lotNumber'],
      [{ reason: 'damaged' }, {}, 400, 'reason'],
      [{ occurredOn: '2999-01-01' }, {}, 400, 'occurredOn'],
      [{ lines: [] }, {}, 400, 'lines'],
      [{}, { itemId: '0192a000-0000-7000-8000-000000000000' }, 422, 'lines.0.itemId'],
      [{}, { itemId: inactive }, 422, 'lines.0.itemId'],
      [{ projectId: '0192a000-0000-7000-8000-000000000000' }, {}, 422, 'projectId'],
      [{ supplierOrganisationId: '0192a000-0000-7000-8000-000000000000' }, {}, 422, 'supplierOrganisationId'],
      [{ stockPointId: '0192a000-0000-7000-8000-000000000000' }, {}, 422, 'stockPointId'],
      [{ reasonText: 'from the port' }, {}, 422, 'reasonText'],
    ];
    for (const [o, line, status, path] of cases) {
      const res = await so.post('/api/v1/stock-movements/receipts', receipt(s, o, line));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      expect(
        json<Problem>(res).errors?.map((e) => e.path),
        res.body,
      ).toContain(path);
    }
    const lossOther = await issueAs(so, loss(s.storeA, s.clothing, 1, { reason: 'loss_other' }));
    expect(lossOther.statusCode).toBe(422);
    expect(json<Problem>(lossOther).errors).toEqual([
      { path: 'reasonText', message: 'This reason needs a description' },
    ]);
    const notAnIssue = await issueAs(so, loss(s.storeA, s.clothing, 1, { reason: 'donation' }));
    expect(notAnIssue.statusCode).toBe(400);
  });
});

describe('losses and write-offs', () => {
  it('refuses a backdated issue that would make a later balance negative, naming the date and the shortfall', async () => {
    const s = await seedSupplies(t);
    const lotId = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 10,
      occurredOn: '2026-10-01',
    });
    const first = await issueAs(so, loss(s.storeA, s.clothing, 8, { occurredOn: '2026-10-05', lotId }));
    expect(first.statusCode, first.body).toBe(201);
    const before = await auditCount();
    const res = await issueAs(so, loss(s.storeA, s.clothing, 5, { occurredOn: '2026-10-03', lotId }));
    expect(res.statusCode).toBe(422);
    const p = json<Problem>(res);
    expect(p.code).toBe('stock_negative');
    expect(p.detail).toBe('Not enough stock: on 2026-10-05 the balance would be 3 short');
    expect(p.errors).toEqual([
      { path: 'lines.0.quantity', message: 'On 2026-10-05 this lot would be 3 short (5 asked)' },
    ]);
    expect(await auditCount()).toBe(before);
    // 2 remain: a backdated loss of 2 fits
    expect(
      (await issueAs(so, loss(s.storeA, s.clothing, 2, { occurredOn: '2026-10-03', lotId }))).statusCode,
    ).toBe(201);
  });

  it('takes the lot that expires first when none is named, across lots', async () => {
    const s = await seedSupplies(t);
    const late = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 10,
      expiryOn: '2028-06-30',
    });
    const early = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 10,
      expiryOn: '2027-03-31',
    });
    const res = await issueAs(so, loss(s.storeA, s.clothing, 15));
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Written>(res).items.map((m) => [m.lotId, m.quantity])).toEqual([
      [early, -10],
      [late, -5],
    ]);
  });

  it('writes an expired lot off, but never issues it; an unexpired lot is not written off as expired', async () => {
    const s = await seedSupplies(t);
    const expired = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 40,
      expiryOn: '2026-10-15',
    });
    const fresh = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 40,
      expiryOn: '2027-10-15',
    });
    const transferOut = (lotId?: string) =>
      asSystem(t.ctx, t.missionId, (w) =>
        lotsToIssue(
          w,
          {
            stockPointId: s.storeA,
            itemId: s.medicine,
            lotId,
            quantity: 50,
            on: '2026-11-02',
            kind: 'transfer_out',
          },
          'lines.0',
        ),
      );
    await expect(transferOut(expired)).rejects.toMatchObject({ status: 422, extra: { code: 'lot_expired' } });
    // FEFO for a transfer skips the expired lot: only the fresh 40 are usable
    await expect(transferOut()).rejects.toThrow('Not enough usable stock');
    const proposal = json<{ lines: { lotId: string; quantity: number }[]; shortfall: number }>(
      await so.get(`/api/v1/stock/proposal?stockPointId=${s.storeA}&itemId=${s.medicine}&quantity=50`),
    );
    expect(proposal).toEqual({
      lines: [expect.objectContaining({ lotId: fresh, quantity: 40 })],
      shortfall: 10,
    });

    const notExpired = await issueAs(
      so,
      loss(s.storeA, s.medicine, 5, { reason: 'expired', occurredOn: '2026-11-01', lotId: fresh }),
    );
    expect(notExpired.statusCode).toBe(422);
    expect(json<Problem>(notExpired)).toMatchObject({
      code: 'lot_not_expired',
      errors: [{ path: 'lines.0.lotId' }],
    });
    // more than the expired stock, without a lot: FEFO would spill into the fresh lot
    const spill = await issueAs(
      so,
      loss(s.storeA, s.medicine, 45, { reason: 'expired', occurredOn: '2026-11-01' }),
    );
    expect(spill.statusCode).toBe(422);
    const written = await issueAs(
      so,
      loss(s.storeA, s.medicine, 40, { reason: 'expired', occurredOn: '2026-11-01' }),
    );
    expect(written.statusCode, written.body).toBe(201);
    expect(json<Written>(written).items).toMatchObject([
      { lotId: expired, quantity: -40, kind: 'expiry_write_off' },
    ]);
    const lines = (await stockAt(so, `stockPointId=${s.storeA}&includeEmpty=true&sort=expiry`)).items;
    expect(lines.map((l) => [l.lotId, l.onHand, l.expired, l.blocked])).toEqual([
      [expired, 0, true, true],
      [fresh, 40, false, false],
    ]);
  });

  it('blocks lots within the near-expiry setting for its categories only', async () => {
    const s = await seedSupplies(t);
    const med = await stockUp(t, {
      stockPointId: s.storeB,
      itemId: s.medicine,
      quantity: 30,
      expiryOn: '2026-12-15',
    });
    const clo = await stockUp(t, {
      stockPointId: s.storeB,
      itemId: s.clothing,
      quantity: 30,
      expiryOn: '2026-12-15',
    });
    await asSystem(t.ctx, t.missionId, (w) =>
      w.tx
        .insert(suppliesSettings)
        .values({ nearExpiryBlockDays: 90, nearExpiryBlockCategories: ['medicine'], ...created(w) }),
    );
    try {
      const lines = (await stockAt(so, `stockPointId=${s.storeB}`)).items;
      expect(Object.fromEntries(lines.map((l) => [l.lotId, l.blocked]))).toEqual({
        [med]: true,
        [clo]: false,
      });
      const proposal = (itemId: string) =>
        so.get(`/api/v1/stock/proposal?stockPointId=${s.storeB}&itemId=${itemId}&quantity=10`).then(json);
      expect(await proposal(s.medicine)).toEqual({ lines: [], shortfall: 10 });
      expect(await proposal(s.clothing)).toMatchObject({
        lines: [{ lotId: clo, quantity: 10 }],
        shortfall: 0,
      });
      await expect(
        asSystem(t.ctx, t.missionId, (w) =>
          lotsToIssue(
            w,
            {
              stockPointId: s.storeB,
              itemId: s.medicine,
              lotId: med,
              quantity: 1,
              on: '2026-11-02',
              kind: 'distribution',
            },
            'x',
          ),
        ),
      ).rejects.toMatchObject({ extra: { code: 'lot_near_expiry' } });
      // a loss is no issue: it may still take the lot
      expect((await issueAs(so, loss(s.storeB, s.medicine, 1, { lotId: med }))).statusCode).toBe(201);
    } finally {
      await asSystem(t.ctx, t.missionId, (w) =>
        w.tx.delete(suppliesSettings).where(eq(suppliesSettings.missionId, t.missionId)),
      );
    }
  });
});

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
