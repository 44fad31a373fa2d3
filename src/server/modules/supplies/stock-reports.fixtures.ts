import type { ReasonCode } from '../../../domain/supplies/reasons';
import { stockLevels, stockTransferLines, stockTransfers } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import type { TestApp } from '../../test/harness';
import { post } from './ledger.service';

// Small builders for the stock reports' tests: ledger entries through post(), and the rows other
// helpers' routes will write (levels, transfers), inserted directly.

let n = 0;

/** One ledger entry through the ledger service; returns its id. */
export async function entry(
  t: TestApp,
  e: {
    stockPointId: string;
    itemId: string;
    lotId: string;
    quantity: number;
    occurredOn: string;
    reason: ReasonCode;
    reasonText?: string;
    transferId?: string;
    reversesId?: string;
  },
): Promise<string> {
  const [row] = await asSystem(t.ctx, t.missionId, (w) => post(w, [e]));
  return row!.id;
}

export async function setLevel(
  t: TestApp,
  stockPointId: string,
  itemId: string,
  minimum: number,
  maximum: number,
) {
  await asSystem(t.ctx, t.missionId, (w) =>
    w.tx.insert(stockLevels).values({ stockPointId, itemId, minimum, maximum, ...created(w) }),
  );
}

/**
 * A transfer as the transfers routes write it: the header, one line, and the dispatch (a
 * transfer_out debit at the source); a received one gets its transfer_in credit too.
 */
export async function transfer(
  t: TestApp,
  x: {
    from: string;
    to: string;
    itemId: string;
    lotId: string;
    quantity: number;
    dispatchedOn: string;
    receivedOn?: string;
  },
): Promise<string> {
  const id = newId();
  await asSystem(t.ctx, t.missionId, async (w) => {
    await w.tx.insert(stockTransfers).values({
      id,
      reference: `TR-TEST-${++n}-${id.slice(-6)}`,
      fromStockPointId: x.from,
      toStockPointId: x.to,
      status: x.receivedOn ? 'received' : 'dispatched',
      dispatchedOn: x.dispatchedOn,
      receivedOn: x.receivedOn ?? null,
      ...created(w),
    });
    await w.tx.insert(stockTransferLines).values({
      missionId: w.actor.missionId,
      id: newId(),
      transferId: id,
      position: 1,
      itemId: x.itemId,
      lotId: x.lotId,
      quantity: x.quantity,
      receivedQuantity: x.receivedOn ? x.quantity : null,
    });
    const line = { itemId: x.itemId, lotId: x.lotId, transferId: id };
    await post(w, [
      {
        ...line,
        stockPointId: x.from,
        quantity: -x.quantity,
        occurredOn: x.dispatchedOn,
        reason: 'transfer_dispatched',
      },
      ...(x.receivedOn
        ? [
            {
              ...line,
              stockPointId: x.to,
              quantity: x.quantity,
              occurredOn: x.receivedOn,
              reason: 'transfer_received' as const,
            },
          ]
        : []),
    ]);
  });
  return id;
}
