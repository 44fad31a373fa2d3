import { and, eq, sql } from 'drizzle-orm';
import { prescriptionLots, prescriptions } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { type Entry, post } from '../supplies/ledger.service';
import { lotsToIssue } from '../supplies/lots.service';

// Dispensing is a stock movement like any other: lots are chosen by supplies (the one asked, or
// first expiry first out, never an expired one) and posted through the ledger's one writer, which
// locks the lots' balances and refuses to go below zero on any day. Any refusal throws, so the
// caller's transaction — the consultation with it — is rolled back whole.

export interface DispenseLine {
  prescriptionId: string;
  itemId: string;
  quantity: number;
  lotId?: string | undefined;
  /** where errors about this line are reported, e.g. `prescriptions.2` */
  path: string;
}

export interface DispenseAt {
  consultationId: string;
  stockPointId: string;
  /** the session's day: the ledger's date of the handover */
  on: string;
}

/** Dispenses each line from the session's pharmacy; returns the quantity dispensed per prescription. */
export async function dispense(
  w: Work,
  at: DispenseAt,
  lines: readonly DispenseLine[],
): Promise<Map<string, number>> {
  const done = new Map<string, number>();
  // one map for the whole request: two lines of one item never count the same stock twice
  const taken = new Map<string, number>();
  for (const l of lines) {
    const lots = await lotsToIssue(
      w,
      {
        stockPointId: at.stockPointId,
        itemId: l.itemId,
        lotId: l.lotId,
        quantity: l.quantity,
        on: at.on,
        kind: 'dispense',
      },
      l.path,
      taken,
    );
    const entries: Entry[] = lots.map((a) => ({
      stockPointId: at.stockPointId,
      itemId: l.itemId,
      lotId: a.lotId,
      quantity: -a.quantity,
      occurredOn: at.on,
      reason: 'dispensed',
      path: `${l.path}.quantity`,
    }));
    const moved = await post(w, entries);
    await w.tx.insert(prescriptionLots).values(
      lots.map((a, i) => ({
        missionId: w.actor.missionId,
        movementId: moved[i]?.id as string,
        prescriptionId: l.prescriptionId,
        lotId: a.lotId,
        quantity: a.quantity,
      })),
    );
    await w.tx
      .update(prescriptions)
      .set({ dispensed: sql`${prescriptions.dispensed} + ${l.quantity}` })
      .where(and(eq(prescriptions.missionId, w.actor.missionId), eq(prescriptions.id, l.prescriptionId)));
    await w.audit({
      action: 'create',
      entityType: 'dispensing',
      entityId: l.prescriptionId,
      changedFields: ['dispensed'],
      detail: {
        consultationId: at.consultationId,
        quantity: l.quantity,
        movementIds: moved.map((m) => m.id),
      },
    });
    done.set(l.prescriptionId, (done.get(l.prescriptionId) ?? 0) + l.quantity);
  }
  return done;
}
