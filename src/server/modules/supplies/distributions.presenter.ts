import type { z } from 'zod';
import type { distribution, distributionLine } from '../../../domain/supplies/distributions';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { type Header, type LineJoined, recordOf } from './distributions.queries';
import { distributionPolicy } from './stock.policy';

type DistributionOut = z.infer<typeof distribution>;
type LineOut = z.infer<typeof distributionLine>;

/** The event without its lines (the list's row). */
export function presentHeader(w: Work, h: Header): Omit<DistributionOut, 'lines'> {
  const { d } = h;
  return {
    id: d.id,
    reference: d.reference,
    centreId: d.centreId,
    centreName: h.centreName,
    stockPointId: d.stockPointId,
    stockPointName: h.stockPointName,
    occurredOn: d.occurredOn,
    kind: d.kind as DistributionOut['kind'],
    status: d.status as DistributionOut['status'],
    itemIds: d.itemIds,
    note: d.note,
    recipients: h.recipients,
    version: d.version,
    allowedActions: allowedActions(w.actor, distributionPolicy, recordOf(h)),
  };
}

/** A line, with its person (bulk lines name no one). */
function presentLine(j: LineJoined, mayCancel: boolean): LineOut {
  const { l } = j;
  const seen = j.givenName !== null;
  return {
    id: l.id,
    personId: seen ? l.personId : null,
    personName: seen ? `${j.givenName} ${j.familyName}` : null,
    registrationNumber: seen ? j.registrationNumber : null,
    itemId: l.itemId,
    itemCode: j.itemCode,
    itemName: j.itemName,
    baseUnit: j.baseUnit,
    packSize: j.packSize,
    lotId: l.lotId,
    lotNumber: j.lotNumber,
    quantity: l.quantity,
    projectId: l.projectId,
    overridden: l.overrideReason !== null,
    cancelled: l.cancelledAt !== null,
    allowedActions: mayCancel && !l.cancelledAt ? ['cancel_line'] : [],
  };
}

export function presentDistribution(w: Work, h: Header, lines: LineJoined[]): DistributionOut {
  const mayCancel = distributionPolicy.can(w.actor, 'cancel_line', recordOf(h));
  return { ...presentHeader(w, h), lines: lines.map((l) => presentLine(l, mayCancel)) };
}
