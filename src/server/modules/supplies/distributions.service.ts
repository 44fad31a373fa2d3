import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../../domain/common/dates';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import {
  type distributionCreate,
  type distributionLineCreate,
  type EligibilityWarning,
  eligibilityWarnings,
} from '../../../domain/supplies/distributions';
import { ITEM_CATEGORY_LABELS } from '../../../domain/supplies/labels';
import {
  centres,
  distributionLines,
  distributions,
  eligibilityRules,
  type supplyItems,
} from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { today } from '../../platform/dates';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created, updateVersioned } from '../../platform/records';
import {
  earlierOf,
  type Header,
  itemsAndRules,
  type LineJoined,
  loadLine,
  loadPoint,
  recordOf,
} from './distributions.queries';
import { type Entry, post } from './ledger.service';
import { itemOf, lotsToIssue } from './lots.service';
import { lockRecipient } from './recipients.queries';
import { distributionPolicy } from './stock.policy';
import { pointReach } from './stock.scope';

// Distributions: the event, then its lines, each moving stock out of the event's point (FEFO,
// possibly over several lots) through the ledger service, attributed to the project of the lot
// it consumed. Eligibility rules (data, per item category) warn; a reason overrides them.

type Line = Omit<z.infer<typeof distributionLineCreate>, 'personId'>;
type Item = typeof supplyItems.$inferSelect;
/** The lines a write made, joined as `linesOf` joins them, and the event's header after it. */
export interface Recorded {
  header: Header;
  lines: LineJoined[];
}

/** Refuses (422 on `path`) anything but an active item. */
function active(item: Item, path: string) {
  if (!item.active)
    throw unprocessable('This item is no longer distributed', [{ path, message: 'Inactive item' }]);
  return item;
}
const activeItem = async (w: Work, itemId: string, path: string) =>
  active(await itemOf(w, itemId, path), path);

export async function createDistribution(w: Work, body: z.infer<typeof distributionCreate>): Promise<string> {
  authorize(w.actor, distributionPolicy, 'create'); // may write assistance somewhere at all?
  const [centre] = await w.tx
    .select()
    .from(centres)
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.id, body.centreId)));
  if (!centre?.active)
    throw unprocessable('No such active centre', [{ path: 'centreId', message: 'Unknown or closed centre' }]);
  if (body.occurredOn > addDays(today(w), 1))
    throw unprocessable('A distribution is recorded once it has happened', [
      { path: 'occurredOn', message: `Not after ${today(w)}` },
    ]);
  const point = await loadPoint(w, body.stockPointId);
  // the centre's own store or pharmacy, or a warehouse serving no centre
  const fits = point?.active && (point.centreId === body.centreId || point.kind === 'warehouse');
  if (!point || !fits)
    throw unprocessable('Distribute from the centre’s own store or pharmacy, or from a warehouse', [
      { path: 'stockPointId', message: 'Not a stock point of this centre' },
    ]);
  authorize(w.actor, distributionPolicy, 'create', {
    centre: [body.centreId],
    point: pointReach(point),
    status: 'open',
  });
  const itemIds = [...new Set(body.itemIds)];
  for (const [i, id] of itemIds.entries()) await activeItem(w, id, `itemIds.${i}`);
  const year = Number(body.occurredOn.slice(0, 4));
  const reference = `DS-${year}-${String(await nextNumber(w, 'distribution', year)).padStart(6, '0')}`;
  const id = newId();
  await w.tx.insert(distributions).values({
    ...created(w),
    id,
    reference,
    centreId: body.centreId,
    stockPointId: body.stockPointId,
    occurredOn: body.occurredOn,
    kind: body.kind,
    status: 'open',
    itemIds,
    note: body.note ?? null,
    createdByOrganisationId: w.actor.organisationId,
  });
  await w.audit({
    action: 'create',
    entityType: 'distribution',
    entityId: id,
    changedFields: Object.keys(body),
  });
  return id;
}

/** The rules a person's new lines on `on` would cross (rules are the mission's, lines every centre's). */
export async function warningsFor(
  w: Work,
  personId: string,
  on: string,
  categories: readonly ItemCategory[],
): Promise<EligibilityWarning[]> {
  const rules = await w.tx
    .select()
    .from(eligibilityRules)
    .where(eq(eligibilityRules.missionId, w.actor.missionId));
  return eligibilityWarnings(
    rules.map((r) => ({ ...r, category: r.category as ItemCategory })),
    categories,
    on,
    await earlierOf(w, personId),
  );
}

const warningText = (x: EligibilityWarning) =>
  `${ITEM_CATEGORY_LABELS[x.category].en}: already received on ${x.previous
    .map((p) => p.occurredOn)
    .sort()
    .join(', ')} (${x.allowed} per ${x.intervalDays} days)`;

/** A person named on lines, as the answer shows them. */
type Named = { id: string; givenName: string; familyName: string; registrationNumber: string };

/**
 * Posts one line out of the event's point and records its rows (one per lot taken), answering
 * them as `linesOf` would read them back.
 */
async function issueLine(
  w: Work,
  h: Header,
  l: Line,
  path: string,
  person: (Named & { overrideReason: string | null }) | null,
  item: Item,
): Promise<LineJoined[]> {
  const { d } = h;
  const lots = await lotsToIssue(
    w,
    {
      stockPointId: d.stockPointId,
      itemId: l.itemId,
      lotId: l.lotId,
      quantity: l.quantity,
      on: d.occurredOn,
      kind: 'distribution',
    },
    path,
    undefined,
    item,
  );
  const entries: Entry[] = lots.map((a) => ({
    stockPointId: d.stockPointId,
    itemId: l.itemId,
    lotId: a.lotId,
    quantity: -a.quantity,
    occurredOn: d.occurredOn,
    reason: 'distributed',
    documentNumber: d.reference,
    distributionId: d.id,
    path: `${path}.quantity`,
  }));
  const moved = await post(w, entries);
  const rows = await w.tx
    .insert(distributionLines)
    .values(
      lots.map((a, i) => ({
        missionId: w.actor.missionId,
        id: newId(),
        distributionId: d.id,
        personId: person?.id ?? null,
        itemId: l.itemId,
        category: item.category,
        occurredOn: d.occurredOn,
        lotId: a.lotId,
        projectId: a.projectId,
        quantity: a.quantity,
        movementId: moved[i]?.id as string,
        overrideReason: person?.overrideReason ?? null,
        createdByOrganisationId: w.actor.organisationId,
        createdAt: w.now,
        createdBy: w.actor.userId,
      })),
    )
    .returning();
  for (const r of rows)
    await w.audit({
      action: 'create',
      entityType: 'distribution_line',
      entityId: r.id,
      changedFields: ['itemId', 'lotId', 'quantity', ...(r.personId ? ['personId'] : [])],
      detail: { distributionId: d.id, overridden: r.overrideReason !== null },
    });
  const lotNumber = new Map(lots.map((a) => [a.lotId, a.lotNumber]));
  return rows.map((r) => ({
    l: r,
    itemCode: item.code,
    itemName: item.name,
    baseUnit: item.baseUnit,
    packSize: item.packSize,
    lotNumber: lotNumber.get(r.lotId) as string,
    givenName: person?.givenName ?? null,
    familyName: person?.familyName ?? null,
    registrationNumber: person?.registrationNumber ?? null,
  }));
}

/** In the order `linesOf` reads them: as recorded (one time per request, then ids, time-ordered). */
const inOrder = (lines: LineJoined[]) =>
  lines.sort((a, b) => (a.l.id < b.l.id ? -1 : a.l.id > b.l.id ? 1 : 0));

/** The event's items only: a line for anything else is refused on its item. */
function checkItems(h: Header, lines: readonly Line[], path: (i: number) => string) {
  const errors: FieldError[] = lines.flatMap((l, i) =>
    h.d.itemIds.includes(l.itemId)
      ? []
      : [
          {
            path: [path(i), 'itemId'].filter(Boolean).join('.'),
            message: 'Not an item of this distribution',
          },
        ],
  );
  if (errors.length) throw unprocessable('These items are not handed out at this distribution', errors);
}

/**
 * One person's lines at once (the quick-entry row): all saved or none. `h` must be locked
 * (`loadDistribution(…, true)`): the answer's count of people relies on no other writer of the
 * event's lines being in flight.
 */
export async function recordRecipient(
  w: Work,
  h: Header,
  body: { personId: string; lines: Line[]; overrideReason?: string | undefined },
  paths: { person: string; line: (i: number) => string } = { person: 'personId', line: (i) => `lines.${i}` },
): Promise<Recorded> {
  authorize(w.actor, distributionPolicy, 'record', recordOf(h));
  const { d } = h;
  if (d.kind !== 'individual')
    throw unprocessable('A bulk distribution names no one', [
      { path: paths.person, message: 'Record bulk lines without a person' },
    ]);
  checkItems(h, body.lines, paths.line);
  // 404 outside the writer's sight and the event's day; locked until the transaction ends
  const person = await lockRecipient(w, h, body.personId);
  if (!person.held)
    throw unprocessable('Recipients are the people held at the centre on the day of the distribution', [
      { path: paths.person, message: `Not held at this centre on ${d.occurredOn}` },
    ]);
  // read after the lock: a line of theirs saved by another event at once is seen here
  const found = await itemsAndRules(
    w,
    person.id,
    d.occurredOn,
    body.lines.map((l) => l.itemId),
  );
  const items = body.lines.map((l, i) => {
    const path = `${paths.line(i)}.itemId`;
    const item = found.items.get(l.itemId);
    if (!item) throw unprocessable('No such item in the catalogue', [{ path, message: 'Unknown item' }]);
    return active(item, path);
  });
  const categories = [...new Set(items.map((it) => it.category as ItemCategory))];
  const warnings = eligibilityWarnings(found.rules, categories, d.occurredOn, found.earlier);
  const reasonFor = (category: string, l: Line) =>
    warnings.some((x) => x.category === category) ? (l.overrideReason ?? body.overrideReason ?? null) : null;
  const missing = warnings.filter(
    (x) => !body.lines.some((l, i) => items[i]?.category === x.category && reasonFor(x.category, l)),
  );
  if (missing.length)
    throw unprocessable(
      'This person already received items of this kind within the set interval: give a reason to override',
      missing.map((x) => ({ path: 'overrideReason', message: warningText(x) })),
      'eligibility_override_needed',
    );
  const written: LineJoined[] = [];
  for (const [i, l] of body.lines.entries()) {
    const item = items[i] as Item;
    const overrideReason = reasonFor(item.category, l);
    written.push(...(await issueLine(w, h, l, paths.line(i), { ...person, overrideReason }, item)));
  }
  if (warnings.length)
    // the reason itself stays on the line (readable by those who see it), not in the audit trail
    await w.audit({
      action: 'override',
      entityType: 'distribution',
      entityId: d.id,
      changedFields: ['overrideReason'],
      detail: { personId: person.id, categories: warnings.map((x) => x.category) },
    });
  return {
    header: { ...h, recipients: person.recipients + (person.servedHere ? 0 : 1) },
    lines: inOrder(written),
  };
}

/** A bulk issue to the centre: no one named (so the event's count of people does not change). */
export async function recordBulkLine(w: Work, h: Header, l: Line): Promise<Recorded> {
  authorize(w.actor, distributionPolicy, 'record', recordOf(h));
  if (h.d.kind !== 'bulk')
    throw unprocessable('A distribution to people names each recipient', [
      { path: 'personId', message: 'Give the person who received it' },
    ]);
  if (l.overrideReason)
    throw unprocessable('A bulk issue has no eligibility rule to override', [
      { path: 'overrideReason', message: 'Not for a bulk issue' },
    ]);
  checkItems(h, [l], () => '');
  const item = await activeItem(w, l.itemId, 'itemId');
  return { header: h, lines: inOrder(await issueLine(w, h, l, '', null, item)) };
}

/** For a body that is one line: the errors of its fields (built as `<line>.field`) at the root. */
export async function atRoot<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HttpProblem) for (const x of e.extra.errors ?? []) x.path = x.path.replace(/^\./, '');
    throw e;
  }
}

/** Cancels a line: a reversing ledger entry on the event's date puts its stock back. */
export async function cancelLine(w: Work, h: Header, lineId: string, reason: string | undefined) {
  authorize(w.actor, distributionPolicy, 'cancel_line', recordOf(h));
  const l = await loadLine(w, h.d.id, lineId);
  if (l.cancelledAt)
    throw unprocessable('This line is already cancelled', [{ path: 'lineId', message: 'Already cancelled' }]);
  await post(w, [
    {
      stockPointId: h.d.stockPointId,
      itemId: l.itemId,
      lotId: l.lotId,
      quantity: l.quantity,
      occurredOn: l.occurredOn,
      reason: 'reversal',
      reasonText: reason ?? `Line of distribution ${h.d.reference} cancelled`,
      documentNumber: h.d.reference,
      distributionId: h.d.id,
      reversesId: l.movementId,
    },
  ]);
  await w.tx
    .update(distributionLines)
    .set({ cancelledAt: w.now })
    .where(and(eq(distributionLines.missionId, w.actor.missionId), eq(distributionLines.id, l.id)));
  await w.audit({
    action: 'update',
    entityType: 'distribution_line',
    entityId: l.id,
    changedFields: ['cancelledAt'],
    detail: { distributionId: h.d.id },
  });
}

export async function closeDistribution(w: Work, h: Header, version: number) {
  authorize(w.actor, distributionPolicy, 'close', recordOf(h));
  await updateVersioned(w, distributions, h.d.id, version, { status: 'closed' });
  await w.audit({ action: 'close', entityType: 'distribution', entityId: h.d.id, changedFields: ['status'] });
}
