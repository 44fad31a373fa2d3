import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { ageOn } from '../../../../domain/registry/age';
import { eligibilityRules, episodes, persons } from '../../../db/schema/index';
import type { Work } from '../../../platform/http';
import { created } from '../../../platform/records';
import { loadDistribution } from '../distributions.queries';
import {
  closeDistribution,
  createDistribution,
  recordBulkLine,
  recordRecipient,
} from '../distributions.service';
import type { DemoCentre, DemoSetup, Item } from './demo-setup';
import { at, usableAt } from './demo-stock';

// Distributions at the centres, person by person through the distributions service: each month
// a clothing set (man's, woman's or child's) and a hygiene kit to everyone held at the centre
// that day; a few replacements days later that cross the 30-day rule, saved with a reason; and
// one bulk issue of blankets to a centre, without names.

/** One clothing set and one hygiene kit per person per 30 days (the mission's rules, as data). */
const RULES = [
  { category: 'clothing', intervalDays: 30, allowed: 1 },
  { category: 'hygiene', intervalDays: 30, allowed: 1 },
] as const;

export async function setRules(w: Work): Promise<void> {
  for (const r of RULES) await w.tx.insert(eligibilityRules).values({ ...r, ...created(w) });
  await w.audit({
    action: 'update',
    entityType: 'eligibility_rules',
    entityId: w.actor.missionId,
    changedFields: RULES.map((r) => r.category),
  });
}

/** The people held at a centre on a day (an episode there covering it), by registration number. */
function heldOn(w: Work, centreId: string, on: string) {
  return w.tx
    .select({ id: persons.id, sex: persons.sex, birthDate: persons.birthDate })
    .from(persons)
    .innerJoin(episodes, and(eq(episodes.missionId, persons.missionId), eq(episodes.personId, persons.id)))
    .where(
      and(
        eq(persons.missionId, w.actor.missionId),
        eq(persons.status, 'active'),
        eq(episodes.centreId, centreId),
        lte(episodes.admittedOn, on),
        or(isNull(episodes.endedOn), gte(episodes.endedOn, on)),
      ),
    )
    .orderBy(asc(persons.registrationNumber));
}

/**
 * One event at a centre's store: each person (or the first `limit`) gets their clothing set and
 * a hygiene kit while the store has them; `overrideReason` for a replacement within the rules'
 * interval. Returns the people served. `served` keeps anyone held at two centres that day (a
 * transfer) from being served twice.
 */
export async function handOut(
  w: Work,
  s: DemoSetup,
  c: DemoCentre,
  on: string,
  opts: {
    close: boolean;
    served: Set<string>;
    limit?: number;
    overrideReason?: string;
    clothingOnly?: boolean;
  },
): Promise<number> {
  const code = (x: string) => s.items.find((i) => i.code === x) as Item;
  const sets = { man: code('CLO-SET-M'), woman: code('CLO-SET-W'), child: code('CLO-SET-C') };
  const kit = code('HYG-KIT');
  const day = at(w, on);
  const people = (await heldOn(w, c.centreId, on)).filter((p) => !opts.served.has(p.id)).slice(0, opts.limit);
  if (!people.length) return 0;
  const id = await createDistribution(day, {
    centreId: c.centreId,
    stockPointId: c.store,
    occurredOn: on,
    kind: 'individual',
    itemIds: [sets.man.id, sets.woman.id, sets.child.id, ...(opts.clothingOnly ? [] : [kit.id])],
    ...(opts.overrideReason ? { note: opts.overrideReason } : {}),
  });
  const h = await loadDistribution(w, id, true);
  const usable = await usableAt(w, c.store, on);
  const take = (item: Item) => {
    const left = usable.get(item.id) ?? 0;
    if (left < 1) return [];
    usable.set(item.id, left - 1);
    return [{ itemId: item.id, quantity: 1 }];
  };
  let served = 0;
  for (const p of people) {
    const age = ageOn(p.birthDate, on) ?? 30;
    const set = age < 14 ? sets.child : p.sex === 'female' ? sets.woman : sets.man;
    const lines = [...take(set), ...(opts.clothingOnly ? [] : take(kit))];
    if (!lines.length) continue;
    await recordRecipient(day, h, {
      personId: p.id,
      lines,
      ...(opts.overrideReason ? { overrideReason: opts.overrideReason } : {}),
    });
    opts.served.add(p.id);
    served++;
  }
  if (opts.close) await close(w, day, id);
  return served;
}

async function close(w: Work, day: Work, id: string) {
  const h = await loadDistribution(w, id, true);
  await closeDistribution(day, h, h.d.version);
}

/** Blankets handed to a centre in bulk (for its rooms, no one named). */
export async function blanketsInBulk(
  w: Work,
  s: DemoSetup,
  c: DemoCentre,
  on: string,
  quantity: number,
): Promise<boolean> {
  const blanket = s.items.find((i) => i.code === 'BED-BLANKET');
  if (!blanket) return false;
  const q = Math.min(quantity, (await usableAt(w, c.store, on)).get(blanket.id) ?? 0);
  if (q <= 0) return false;
  const day = at(w, on);
  const id = await createDistribution(day, {
    centreId: c.centreId,
    stockPointId: c.store,
    occurredOn: on,
    kind: 'bulk',
    itemIds: [blanket.id],
    note: 'Winter: blankets for the rooms',
  });
  const h = await loadDistribution(w, id, true);
  await recordBulkLine(day, h, { itemId: blanket.id, quantity: q });
  await close(w, day, id);
  return true;
}

/** The days of the monthly distributions of the last `months` months, oldest first. */
export function distributionDays(day0: string, months: number): string[] {
  return Array.from({ length: months }, (_, k) => addDays(day0, -10 - 30 * (months - 1 - k)));
}
