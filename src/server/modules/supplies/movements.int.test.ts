import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, suppliesSettings, supplyItems } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { created } from '../../platform/records';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { seedSupplies, stockUp } from '../../test/supplies-factories';
import { lotsToIssue } from './lots.service';
import { issueAs, loss, type Problem, receipt, stockAt, type Written } from './movements.fixtures';

// Receipts, losses and write-offs over HTTP. The test clock says 2026-11-02.

let t: TestApp;
let so: Client; // a mission-wide stock officer
beforeAll(async () => {
  t = await testApp();
  so = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

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
    const other = await stockUp(t, { stockPointId: s.storeA, itemId: s.medicine, quantity: 5 });
    const issueCases: [Record<string, unknown>, number, string][] = [
      [{ lines: [{ itemId: s.clothing, quantity: 0 }] }, 400, 'lines.0.quantity'],
      [{ lines: [{ itemId: s.clothing, lotId: other, quantity: 1 }] }, 422, 'lines.0.lotId'],
      [{ lines: [{ itemId: '0192a000-0000-7000-8000-000000000000', quantity: 1 }] }, 422, 'lines.0.itemId'],
      [{ lines: [{ itemId: s.clothing, quantity: 1 }] }, 422, 'lines.0.quantity'], // none in stock
      [
        { stockPointId: s.storeB, lines: [{ itemId: s.medicine, lotId: other, quantity: 1 }] },
        422,
        'lines.0.quantity',
      ],
      [{ reasonText: 'x'.repeat(501) }, 400, 'reasonText'],
    ];
    for (const [o, status, path] of issueCases) {
      const res = await issueAs(so, { ...loss(s.storeA, s.clothing, 1), ...o });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      expect(json<Problem>(res).errors?.map((e) => e.path)).toContain(path);
    }
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

  it('leaves for a later line of the same item what an earlier line took (FEFO within a request)', async () => {
    const s = await seedSupplies(t);
    const early = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 15,
      expiryOn: '2027-01-31',
    });
    const late = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 15,
      expiryOn: '2028-01-31',
    });
    const body = loss(s.storeA, s.clothing, 10);
    const res = await issueAs(so, { ...body, lines: [body.lines[0], body.lines[0]] });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Written>(res).items.map((m) => [m.lotId, m.quantity])).toEqual([
      [early, -10],
      [early, -5],
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
    const soon = (await stockAt(so, `stockPointId=${s.storeA}&includeEmpty=true&expiringWithinDays=30`))
      .items;
    expect(soon.map((l) => l.lotId)).toEqual([expired]);
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
