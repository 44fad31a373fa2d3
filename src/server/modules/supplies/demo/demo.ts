import { count, eq, sql } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { stockBalances, supplyItems } from '../../../db/schema/index';
import { auditBuffer } from '../../../platform/audit';
import type { AppContext } from '../../../platform/context';
import { today } from '../../../platform/dates';
import { asActor, type Work } from '../../../platform/http';
import { demoActor } from '../../registry/demo/demo';
import { mulberry32, type Rng } from '../../registry/demo/demo-people';
import { blanketsInBulk, distributionDays, handOut, setRules } from './demo-distributions';
import { type DemoSetup, forClinic, type Item, setLevel, setUpCatalogue } from './demo-setup';
import {
  arrive,
  count as countPoint,
  dispatch,
  expiryFor,
  lotNumber,
  packs,
  receive,
  usableAt,
  writeOff,
} from './demo-stock';

// The supplies part of the demo mission (issue 11): a year of a warehouse in Tripoli feeding four
// centres' stores and clinic pharmacies. The European Union's project brings clothing, bedding,
// hygiene and food, Italy's health project medicines and disposables, in consignments every six
// weeks by turns; stock goes out to each centre monthly (one consignment still on the road, one
// that lost a few units on the way); stores are counted every quarter; one lot of syrup expired
// at a clinic and was written off. For the last three months each centre hands clothing and
// hygiene kits out person by person (30-day rules, a few overrides) and once blankets in bulk.
// Some lots expire within two months, and some items are below the minimum at some stores.
// Acting as demo-stock-officer, through the module's own services; dates
// run back from the app clock's today; seeded, so the same every time. Idempotent: nothing is
// loaded if the mission has a catalogue.

export interface SuppliesDemoSummary {
  items: number;
  stockPoints: number;
  receipts: number;
  transfers: number;
  counts: number;
  distributions: number;
  /** person-by-person lines' recipients, counted once per event */
  recipients: number;
  skipped: boolean;
}

/** Months of person-by-person distributions (the last ones: enough for consumption reports). */
const DISTRIBUTION_MONTHS = 3;

/** Share of a centre store's monthly use its clinic pharmacy gets (there is no dispensing yet). */
const CLINIC_SHARE = 0.4;
/** Months of use a consignment covers (one every 12 weeks for each donor). */
const CONSIGNMENT_MONTHS = 2.9;

/** What a point uses in a month of an item, in base units. */
const monthlyAt = (i: Item, scale: number) => i.monthlyUse * scale * (forClinic(i) ? CLINIC_SHARE : 1);

interface Event {
  day: string;
  run(): Promise<void>;
}

function receipts(w: Work, s: DemoSetup, start: string, day0: string, rng: Rng, tally: SuppliesDemoSummary) {
  const events: Event[] = [];
  for (let k = 0; k * 42 <= 364; k++) {
    const on = addDays(start, k * 42);
    const project = k % 2 === 0 ? s.eu : s.ita;
    const items = s.items.filter((i) => forClinic(i) === (project === s.ita));
    events.push({
      day: on,
      run: async () => {
        const lines = items.map((item) => {
          const need = s.centres.reduce((n, c) => n + monthlyAt(item, c.scale), 0);
          return {
            item,
            quantity: packs(need * CONSIGNMENT_MONTHS * (1 + rng() * 0.15), item.packSize),
            lotNumber: lotNumber(item, on, rng),
            expiryOn: expiryFor(item, on, day0, rng),
          };
        });
        await receive(w, {
          stockPointId: s.warehouse,
          on,
          projectId: project.id,
          supplierId: project.donorId,
          documentNumber: `${project.code}/GRN-${String(k + 1).padStart(3, '0')}`,
          lines,
        });
        tally.receipts++;
      },
    });
  }
  return events;
}

/**
 * Every how many months a point is sent an item: monthly, unless it uses less than a couple of
 * packs a month (then every two or three months, the quantity for those months).
 */
const cadence = (packsAMonth: number) => (packsAMonth < 1 ? 3 : packsAMonth < 2.5 ? 2 : 1);

function transfers(w: Work, s: DemoSetup, start: string, day0: string, rng: Rng, tally: SuppliesDemoSummary) {
  const events: Event[] = [];
  for (let m = 0; 14 + m * 30 < 364 - 14; m++) {
    const on = addDays(start, 14 + m * 30);
    events.push({
      day: on,
      run: async () => {
        const usable = await usableAt(w, s.warehouse, on);
        for (const [n, c] of s.centres.entries())
          for (const to of [c.store, c.pharmacy]) {
            const wanted = s.items.flatMap((item, i) => {
              if (forClinic(item) !== (to === c.pharmacy)) return [];
              const need = monthlyAt(item, c.scale);
              const every = cadence(need / item.packSize);
              if ((m + i) % every !== 0) return [];
              return [{ item, quantity: packs(need * every * (0.85 + rng() * 0.25), item.packSize) }];
            });
            const id = await dispatch(w, { from: s.warehouse, to, on, usable }, wanted);
            if (!id) continue;
            // mid-year, a few clothing sets went missing on the way to the first centre's store
            const short = m === 5 && n === 0 && to === c.store ? 4 : 0;
            await arrive(w, id, addDays(on, 1 + Math.floor(rng() * 3)), short);
            tally.transfers++;
          }
      },
    });
  }
  // a top-up of medicines on its way to the first clinic: in transit, at neither point
  const first = s.centres[0];
  const on = addDays(day0, -2);
  if (first)
    events.push({
      day: on,
      run: async () => {
        const wanted = s.items
          .filter((i) => i.category === 'medicine')
          .slice(0, 4)
          .map((item) => ({ item, quantity: packs(monthlyAt(item, first.scale) / 2, item.packSize) }));
        const usable = await usableAt(w, s.warehouse, on);
        if (await dispatch(w, { from: s.warehouse, to: first.pharmacy, on, usable }, wanted))
          tally.transfers++;
      },
    });
  return events;
}

/** A box of paracetamol syrup donated straight to the first clinic: expired, then written off. */
function expiredLot(w: Work, s: DemoSetup, start: string, day0: string): Event[] {
  const first = s.centres[0];
  const syrup = s.items.find((i) => i.code === 'MED-PARA-SYR');
  if (!first || !syrup) return [];
  const expiryOn = addDays(day0, -60);
  const quantity = 48;
  let lotId: string | undefined;
  return [
    {
      day: addDays(start, 20),
      run: async () => {
        const [row] = await receive(w, {
          stockPointId: first.pharmacy,
          on: addDays(start, 20),
          projectId: s.ita.id,
          supplierId: s.ita.donorId,
          documentNumber: `${s.ita.code}/DON-001`,
          lines: [{ item: syrup, quantity, lotNumber: 'PSY2407-031', expiryOn }],
        });
        lotId = row?.lotId;
      },
    },
    {
      day: addDays(day0, -57),
      run: async () => {
        if (!lotId) return;
        const on = addDays(day0, -57);
        await writeOff(w, {
          stockPointId: first.pharmacy,
          itemId: syrup.id,
          lotId,
          quantity,
          on,
        });
      },
    },
  ];
}

function counts(w: Work, s: DemoSetup, start: string, rng: Rng, tally: SuppliesDemoSummary): Event[] {
  // quarterly, clear of the days a transfer is on its way
  return [90, 181, 272, 358].map((d) => ({
    day: addDays(start, d),
    run: async () => {
      for (const c of s.centres) {
        await countPoint(w, c.store, addDays(start, d), rng);
        tally.counts++;
      }
    },
  }));
}

/**
 * Monthly clothing and hygiene for everyone at each centre, the last event still open; a few
 * replacements within the 30 days (overrides with a reason); winter blankets in bulk.
 */
function handouts(w: Work, s: DemoSetup, day0: string, tally: SuppliesDemoSummary): Event[] {
  const days = distributionDays(day0, DISTRIBUTION_MONTHS);
  const largest = [...s.centres].sort((a, b) => b.scale - a.scale)[0];
  const events: Event[] = days.map((on, k) => ({
    day: on,
    run: async () => {
      const served = new Set<string>();
      for (const c of s.centres) {
        const n = await handOut(w, s, c, on, { served, close: k < days.length - 1 });
        tally.recipients += n;
        if (n) tally.distributions++;
      }
    },
  }));
  if (!largest) return events;
  events.push(
    {
      day: addDays(day0, -25),
      run: async () => {
        if (await blanketsInBulk(w, s, largest, addDays(day0, -25), 150)) tally.distributions++;
      },
    },
    {
      day: addDays(day0, -4),
      run: async () => {
        const n = await handOut(w, s, largest, addDays(day0, -4), {
          served: new Set(),
          close: true,
          limit: 3,
          clothingOnly: true,
          overrideReason: 'Clothes ruined when the room flooded',
        });
        tally.recipients += n;
        if (n) tally.distributions++;
      },
    },
  );
  return events;
}

/**
 * Minimum and maximum of every item at the points that stock it (a month's use and three); at
 * two items of each centre store the minimum is above what is left, so they show as low.
 */
async function levels(w: Work, s: DemoSetup, rng: Rng) {
  const onHand = await w.tx
    .select({
      stockPointId: stockBalances.stockPointId,
      itemId: stockBalances.itemId,
      n: sql<number>`sum(${stockBalances.onHand})::int`,
    })
    .from(stockBalances)
    .where(eq(stockBalances.missionId, w.actor.missionId))
    .groupBy(stockBalances.stockPointId, stockBalances.itemId);
  const held = new Map(onHand.map((r) => [`${r.stockPointId}|${r.itemId}`, Number(r.n)]));
  for (const item of s.items) {
    const total = s.centres.reduce((n, c) => n + monthlyAt(item, c.scale), 0);
    await setLevel(w, s.warehouse, item.id, packs(total, item.packSize), packs(total * 4, item.packSize));
  }
  for (const c of s.centres) {
    const low = new Set<string>();
    const own = s.items.filter((i) => !forClinic(i));
    while (low.size < 2) low.add(own[Math.floor(rng() * own.length)]?.id ?? '');
    for (const to of [c.store, c.pharmacy])
      for (const item of s.items.filter((i) => forClinic(i) === (to === c.pharmacy))) {
        const use = monthlyAt(item, c.scale);
        const stock = held.get(`${to}|${item.id}`) ?? 0;
        const minimum = low.has(item.id)
          ? Math.max(packs(use, item.packSize), stock + packs(use, item.packSize))
          : packs(use, item.packSize);
        await setLevel(w, to, item.id, minimum, Math.max(minimum * 2, packs(use * 3, item.packSize)));
      }
  }
}

export async function loadSuppliesDemo(ctx: AppContext, missionId: string): Promise<SuppliesDemoSummary> {
  const officer = await demoActor(ctx, missionId, 'demo-stock-officer');
  return asActor(ctx, officer, async (direct) => {
    // thousands of audit events: appended to the chain together at the end, in the same
    // transaction (as the registry demo does)
    const buffer = auditBuffer(direct.tx, missionId);
    const w: Work = { ...direct, audit: (input) => buffer.add(officer, input, direct.now) };
    const tally: SuppliesDemoSummary = {
      items: 0,
      stockPoints: 0,
      receipts: 0,
      transfers: 0,
      counts: 0,
      distributions: 0,
      recipients: 0,
      skipped: false,
    };
    const [done] = await w.tx
      .select({ n: count() })
      .from(supplyItems)
      .where(eq(supplyItems.missionId, missionId));
    if ((done?.n ?? 0) > 0) return { ...tally, skipped: true };
    const day0 = today(w);
    const start = addDays(day0, -364);
    const rng = mulberry32(1111);
    const s = await setUpCatalogue(w, day0);
    tally.items = s.items.length;
    tally.stockPoints = 1 + 2 * s.centres.length;
    await setRules(w);
    const events = [
      ...receipts(w, s, start, day0, rng, tally),
      ...expiredLot(w, s, start, day0),
      ...transfers(w, s, start, day0, rng, tally),
      ...counts(w, s, start, rng, tally),
      ...handouts(w, s, day0, tally),
    ];
    // the year in order; on one day, in the order listed (a consignment before what it feeds)
    events.sort((a, b) => a.day.localeCompare(b.day));
    for (const e of events) await e.run();
    await levels(w, s, rng);
    await buffer.flush();
    return tally;
  });
}
