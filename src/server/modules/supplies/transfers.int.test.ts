import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockPoints } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import {
  auditOf,
  type Line,
  movementsAt,
  onHand,
  type Transfer,
  traces,
  transferCalls,
} from './transfers.fixtures';

// Transfers: dispatched stock leaves the source and is in transit, at neither point, until the
// destination receives it; what did not arrive is a loss there, with its reason.

let t: TestApp;
let s: SuppliesWorld;
let officer: Client; // stock officer, mission-wide
let officerA: Client; // stock officer of centre A

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  officer = await t.signIn({ role: 'stock_officer' });
  officerA = await t.signIn({ role: 'stock_officer', centreIds: [s.centreA] });
}, 120_000);
afterAll(() => t.close());

const { dispatch, dispatched, receive, all, inTransit } = transferCalls(() => s);

describe('dispatch and receipt', () => {
  it('counts a transfer dispatched and not yet received as in transit, at neither point', async () => {
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 100 });
    const tr = await dispatched(officer, { lines: [{ itemId: s.clothing, quantity: 30 }] });
    expect(tr).toMatchObject({
      status: 'dispatched',
      receivedOn: null,
      lines: [{ lotId: lot, quantity: 30 }],
    });
    expect(tr.reference).toMatch(/^TR-2026-\d{6}$/);
    expect(tr.allowedActions).toContain('receive');
    expect(await onHand(t, s.warehouse, lot)).toBe(70);
    expect(await onHand(t, s.storeA, lot)).toBe(0);
    expect(await inTransit(officer)).toContainEqual(
      expect.objectContaining({ transferId: tr.id, lotId: lot, quantity: 30, toStockPointId: s.storeA }),
    );
    const [out] = await movementsAt(t, s.warehouse, lot).then((m) => m.slice(-1));
    expect(out).toMatchObject({ quantity: -30, reason: 'transfer_dispatched', transferId: tr.id });

    // received in full: now at the destination, no longer in transit
    const res = await receive(officerA, tr, all(tr));
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Transfer>(res)).toMatchObject({
      status: 'received',
      receivedOn: '2026-10-12',
      lines: [{ receivedQuantity: 30, shortfallReason: null }],
    });
    expect(json<Transfer>(res).allowedActions).not.toContain('receive');
    expect(await onHand(t, s.storeA, lot)).toBe(30);
    expect(await onHand(t, s.warehouse, lot)).toBe(70);
    expect((await inTransit(officer)).map((l) => l.transferId)).not.toContain(tr.id);
    expect((await auditOf(t, 'stock_transfer')).filter((e) => e.entityId === tr.id)).toMatchObject([
      { action: 'create', actorUsername: officer.username },
      { action: 'transition', actorUsername: officerA.username, detail: { to: 'received', shortfall: 0 } },
    ]);
  });

  it('records a partial receipt: the full quantity arrives in the ledger, the shortfall leaves as a loss with its reason', async () => {
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.medicine, quantity: 200 });
    const tr = await dispatched(officer, { lines: [{ itemId: s.medicine, lotId: lot, quantity: 120 }] });
    const [line] = tr.lines as [Line];

    const before = await traces(t);
    const noReason = await receive(officerA, tr, [{ lineId: line.id, receivedQuantity: 100 }]);
    expect(noReason.statusCode).toBe(422);
    expect(json(noReason)).toMatchObject({ errors: [{ path: 'lines.0.shortfallReason' }] });
    const noText = await receive(officerA, tr, [
      { lineId: line.id, receivedQuantity: 100, shortfallReason: 'loss_other' },
    ]);
    expect(json(noText)).toMatchObject({ status: 422, errors: [{ path: 'lines.0.shortfallText' }] });
    expect(await traces(t)).toEqual(before);

    const res = await receive(officerA, tr, [
      { lineId: line.id, receivedQuantity: 100, shortfallReason: 'damaged', shortfallText: 'Crushed boxes' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Transfer>(res).lines).toMatchObject([
      { quantity: 120, receivedQuantity: 100, shortfallReason: 'damaged' },
    ]);
    expect(await onHand(t, s.storeA, lot)).toBe(100);
    expect(await movementsAt(t, s.storeA, lot)).toMatchObject([
      {
        quantity: 120,
        reason: 'transfer_received',
        kind: 'transfer_in',
        occurredOn: '2026-10-12',
        transferId: tr.id,
      },
      {
        quantity: -20,
        reason: 'damaged',
        kind: 'loss',
        reasonText: 'Crushed boxes',
        occurredOn: '2026-10-12',
        transferId: tr.id,
      },
    ]);
  });

  it('refuses a second receipt (409), and a receipt dated before the dispatch (422)', async () => {
    await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 10 });
    const tr = await dispatched(officer, { lines: [{ itemId: s.clothing, quantity: 5 }] });
    const early = await receive(officerA, tr, all(tr), { receivedOn: '2026-10-09' });
    expect(json(early)).toMatchObject({ status: 422, errors: [{ path: 'receivedOn' }] });

    const first = await receive(officerA, tr, all(tr));
    expect(first.statusCode, first.body).toBe(200);
    const before = await traces(t);
    const again = await receive(officerA, tr, all(tr));
    expect(json(again)).toMatchObject({ status: 409, code: 'transfer_received' });
    const fresh = await receive(officerA, json<Transfer>(first), all(tr));
    expect(fresh.statusCode).toBe(409);
    expect(await traces(t)).toEqual(before);
  });

  it('receives once when two receipts arrive at once', async () => {
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 10 });
    const tr = await dispatched(officer, { lines: [{ itemId: s.clothing, lotId: lot, quantity: 4 }] });
    const before = await onHand(t, s.storeA, lot);
    const answers = await Promise.all([receive(officerA, tr, all(tr)), receive(officer, tr, all(tr))]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await onHand(t, s.storeA, lot)).toBe(before + 4);
  });

  it('receives every line once, never more than dispatched', async () => {
    await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 10 });
    await stockUp(t, { stockPointId: s.warehouse, itemId: s.medicine, quantity: 10 });
    const tr = await dispatched(officer, {
      lines: [
        { itemId: s.clothing, quantity: 2 },
        { itemId: s.medicine, quantity: 3 },
      ],
    });
    const [a, b] = tr.lines as [Line, Line];
    const missing = await receive(officerA, tr, [{ lineId: a.id, receivedQuantity: 2 }]);
    expect(json(missing)).toMatchObject({ status: 422, errors: [{ path: 'lines' }] });
    const twice = await receive(officerA, tr, [
      { lineId: a.id, receivedQuantity: 2 },
      { lineId: a.id, receivedQuantity: 2 },
      { lineId: b.id, receivedQuantity: 3 },
    ]);
    expect(json(twice)).toMatchObject({ status: 422, errors: [{ path: 'lines.1.lineId' }] });
    const more = await receive(officerA, tr, [
      { lineId: a.id, receivedQuantity: 2 },
      { lineId: b.id, receivedQuantity: 4 },
    ]);
    expect(json(more)).toMatchObject({ status: 422, errors: [{ path: 'lines.1.receivedQuantity' }] });
    const stray = await receive(officerA, tr, [
      { lineId: a.id, receivedQuantity: 2, shortfallReason: 'stolen' },
      { lineId: b.id, receivedQuantity: 3 },
    ]);
    expect(json(stray)).toMatchObject({ status: 422, errors: [{ path: 'lines.0.shortfallReason' }] });
    const unknown = await receive(officerA, tr, [
      { lineId: a.id, receivedQuantity: 2 },
      { lineId: b.id, receivedQuantity: 3 },
      { lineId: s.project, receivedQuantity: 1 },
    ]);
    expect(json(unknown)).toMatchObject({ status: 422, errors: [{ path: 'lines.2.lineId' }] });
  });
});

describe('lots', () => {
  it('takes the lots that expire first, and never counts one lot twice across lines', async () => {
    const item = s.medicine;
    const point = s.storeB;
    const late = await stockUp(t, {
      stockPointId: point,
      itemId: item,
      quantity: 50,
      expiryOn: '2028-06-30',
    });
    const early = await stockUp(t, {
      stockPointId: point,
      itemId: item,
      quantity: 30,
      expiryOn: '2027-03-31',
    });
    const tr = await dispatched(officer, {
      fromStockPointId: point,
      toStockPointId: s.warehouse,
      lines: [
        { itemId: item, quantity: 20 },
        { itemId: item, quantity: 20 },
      ],
    });
    expect(tr.lines.map((l) => [l.lotId, l.quantity])).toEqual([
      [early, 20],
      [early, 10],
      [late, 10],
    ]);
    expect(await onHand(t, point, early)).toBe(0);
    expect(await onHand(t, point, late)).toBe(40);
  });

  it('refuses an expired lot, and more than the usable lots hold, writing nothing', async () => {
    const expired = await stockUp(t, {
      stockPointId: s.storeB,
      itemId: s.clothing,
      quantity: 5,
      expiryOn: '2026-09-30',
      occurredOn: '2026-09-01',
    });
    const lot = await stockUp(t, { stockPointId: s.storeB, itemId: s.medicine, quantity: 5 });
    const before = await traces(t);
    const transfers = async () =>
      json<{ total: number }>(await officer.get(`/api/v1/stock-transfers?stockPointId=${s.storeB}`)).total;
    const listed = await transfers();
    const old = await dispatch(officer, {
      fromStockPointId: s.storeB,
      lines: [{ itemId: s.clothing, lotId: expired, quantity: 1 }],
    });
    expect(json(old)).toMatchObject({
      status: 422,
      code: 'lot_expired',
      errors: [{ path: 'lines.0.lotId' }],
    });
    const much = await dispatch(officer, {
      fromStockPointId: s.storeB,
      lines: [{ itemId: s.clothing, quantity: 1_000_000 }],
    });
    expect(json(much)).toMatchObject({ status: 422, errors: [{ path: 'lines.0.quantity' }] });
    const overdrawn = await dispatch(officer, {
      fromStockPointId: s.storeB,
      lines: [{ itemId: s.medicine, lotId: lot, quantity: 6 }],
    });
    expect(json(overdrawn)).toMatchObject({
      status: 422,
      code: 'stock_negative',
      errors: [{ path: 'lines.0.quantity' }],
    });
    expect(await traces(t)).toEqual(before);
    expect(await transfers()).toBe(listed);
  });
});

describe('bad input', () => {
  it('answers 400 per field for malformed bodies', async () => {
    const same = await dispatch(officer, {
      toStockPointId: s.warehouse,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(json(same)).toMatchObject({ status: 400, errors: [{ path: 'toStockPointId' }] });
    const zero = await dispatch(officer, { lines: [{ itemId: s.clothing, quantity: 0 }] });
    expect(json(zero)).toMatchObject({ status: 400, errors: [{ path: 'lines.0.quantity' }] });
    const none = await dispatch(officer, { lines: [] });
    expect(json(none)).toMatchObject({ status: 400, errors: [{ path: 'lines' }] });
    const date = await dispatch(officer, {
      dispatchedOn: '2026-02-30',
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(json(date)).toMatchObject({ status: 400, errors: [{ path: 'dispatchedOn' }] });
  });

  it('answers 422 for an unknown item, an unknown or closed destination', async () => {
    const item = await dispatch(officer, { lines: [{ itemId: s.project, quantity: 1 }] });
    expect(json(item)).toMatchObject({ status: 422, errors: [{ path: 'lines.0.itemId' }] });
    const nowhere = await dispatch(officer, {
      toStockPointId: s.project,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(json(nowhere)).toMatchObject({ status: 422, errors: [{ path: 'toStockPointId' }] });
    const closed = newId();
    await asSystem(t.ctx, t.missionId, (w) =>
      w.tx
        .insert(stockPoints)
        .values({ id: closed, name: 'Closed store', kind: 'warehouse', active: false, ...created(w) }),
    );
    const shut = await dispatch(officer, {
      toStockPointId: closed,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(json(shut)).toMatchObject({ status: 422, errors: [{ path: 'toStockPointId' }] });
  });
});
