import { and, eq, sql } from 'drizzle-orm';
import { consultations, prescriptionLots, prescriptions } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { updateVersioned } from '../../platform/records';
import { type Entry, post } from '../supplies/ledger.service';
import { lotsToIssue } from '../supplies/lots.service';
import { loadConsultation, loadSession, prescriptionsOf, recordsOf } from './consultations.queries';
import { consultationPolicy } from './health.policy';

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

/** Dispenses what is left of the consultation's prescriptions (those asked, or all). */
export async function dispenseRemaining(
  w: Work,
  id: string,
  body: { version: number; prescriptionIds?: string[] | undefined },
): Promise<void> {
  authorize(w.actor, consultationPolicy, 'dispense'); // dispenses anywhere at all? (403 before 404)
  const h = await loadConsultation(w, id, true);
  const record = (await recordsOf(w, [h])).get(id);
  authorize(w.actor, consultationPolicy, 'dispense', record);
  const all = await prescriptionsOf(w, id);
  const ids = new Set(all.map((p) => p.p.id));
  const unknown = (body.prescriptionIds ?? []).flatMap((p, i) =>
    ids.has(p) ? [] : [{ path: `prescriptionIds.${i}`, message: 'Not a prescription of this consultation' }],
  );
  if (unknown.length) throw unprocessable('Dispense this consultation’s prescriptions only', unknown);
  await updateVersioned(w, consultations, id, body.version, {});
  const wanted = body.prescriptionIds ? new Set(body.prescriptionIds) : ids;
  const session = await loadSession(w, h.c.sessionId);
  if (!session)
    throw unprocessable('No such clinic session', [{ path: 'sessionId', message: 'Unknown clinic session' }]);
  const lines: DispenseLine[] = all.flatMap(({ p }) =>
    wanted.has(p.id) && p.quantity > p.dispensed
      ? [
          {
            prescriptionId: p.id,
            itemId: p.itemId,
            quantity: p.quantity - p.dispensed,
            path: `prescriptions.${p.position}`,
          },
        ]
      : [],
  );
  if (!lines.length)
    throw unprocessable(
      'Nothing is left to dispense',
      [{ path: 'prescriptionIds', message: 'All dispensed' }],
      'nothing_to_dispense',
    );
  await dispense(w, { consultationId: id, stockPointId: session.stockPointId, on: session.heldOn }, lines);
  await w.audit({
    action: 'update',
    entityType: 'consultation',
    entityId: id,
    changedFields: ['prescriptions.dispensed'],
    detail: { personId: h.c.personId, prescriptionIds: lines.map((l) => l.prescriptionId) },
  });
}
