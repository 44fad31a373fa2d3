// The health benchmark's setting: the 12 centres with their clinic pharmacies, medicines and
// lots, and the people held in them (health-load.ts). Also the set-based insert it writes with.
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/common/dates';
import { EPISODE_END_REASONS } from '../src/domain/registry/schemas';
import { centres, counters, episodes, missions, persons } from '../src/server/db/schema/index';
import { progress } from '../src/server/modules/registry/demo/demo';
import { int, mulberry32, personFactory, pick } from '../src/server/modules/registry/demo/demo-people';
import { nameKeyOf } from '../src/server/modules/registry/registration';
import type { Actor } from '../src/server/platform/actor';
import { asActor, asSystem, type Work } from '../src/server/platform/http';
import { newId } from '../src/server/platform/ids';
import { created } from '../src/server/platform/records';
import type { openRuntime } from '../src/server/runtime';
import { MEDICINES, MORE_CENTRES } from './health-morbidity';

export type Ctx = Awaited<ReturnType<typeof openRuntime>>;
export type Row = Record<string, unknown>;
export const YEARS_DAYS = 730;
export const QUARTERS = 8;
export const QUARTER_DAYS = 92; // 8 × 92 > 730: every day of the two years has its quarter's lot
export const CHUNK = 4000;
/** Sunday to Thursday (JS getUTCDay), the clinic's days */
export const clinicDay = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() <= 4;

/** insert … select … from jsonb_to_recordset: rows keyed by column name, `cols` as [column, type]. */
export async function bulk(
  w: Work,
  table: string,
  cols: readonly (readonly [string, string])[],
  data: readonly Row[],
) {
  const names = cols.map(([c]) => c).join(', ');
  const defs = cols.map(([c, t]) => `${c} ${t}`).join(', ');
  for (let s = 0; s < data.length; s += CHUNK)
    await w.tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)}
        from jsonb_to_recordset(${JSON.stringify(data.slice(s, s + CHUNK))}::jsonb) as x(${sql.raw(defs)})`,
    );
}
export const U = 'uuid';
export const T = 'text';
export const D = 'date';
export const I = 'int';
export const TS = 'timestamptz';
export const TRACKED = [
  ['created_at', TS],
  ['created_by', U],
  ['updated_at', TS],
  ['updated_by', U],
] as const;
export const tracked = (w: Work, at: string) => ({
  created_at: at,
  created_by: w.actor.userId,
  updated_at: at,
  updated_by: w.actor.userId,
});

/** The demo's 4 centres and 8 more, with a clinic pharmacy and a weekly schedule each. */
export async function centresAndPharmacies(ctx: Ctx, missionId: string, nurse: Actor, today: string) {
  await asSystem(ctx, missionId, async (w) => {
    const have = new Set((await w.tx.select({ name: centres.name }).from(centres)).map((c) => c.name));
    const add = MORE_CENTRES.filter(([name]) => !have.has(name));
    if (add.length)
      await w.tx.insert(centres).values(
        add.map(([name, nameAr, nameFr, location, capacity]) => ({
          ...created(w),
          id: newId(),
          name,
          nameAr,
          nameFr,
          type: name.includes('Detention')
            ? 'detention'
            : name.includes('Reception')
              ? 'reception'
              : 'holding',
          location,
          capacity,
        })),
      );
    await w.audit({
      action: 'create',
      entityType: 'centre',
      changedFields: ['bulk'],
      detail: { count: add.length },
    });
  });
  return asActor(ctx, nurse, async (w) => {
    const cs = await w.tx.select({ id: centres.id, name: centres.name }).from(centres).orderBy(centres.name);
    const at = w.now.toISOString();
    const items = MEDICINES.map(([code, name, baseUnit, form, strength, atcCode]) => ({
      mission_id: w.actor.missionId,
      id: newId(),
      code,
      name,
      category: 'medicine',
      base_unit: baseUnit,
      pack_size: baseUnit === 'tablet' || baseUnit === 'capsule' ? 100 : 1,
      active_ingredient: name.split(/ \d/)[0],
      strength,
      form,
      atc_code: atcCode,
      ...tracked(w, at),
    }));
    await bulk(
      w,
      'supply_items',
      [
        ['mission_id', U],
        ['id', U],
        ['code', T],
        ['name', T],
        ['category', T],
        ['base_unit', T],
        ['pack_size', I],
        ['active_ingredient', T],
        ['strength', T],
        ['form', T],
        ['atc_code', T],
        ...TRACKED,
      ],
      items,
    );
    const points = cs.map((c) => ({
      mission_id: w.actor.missionId,
      id: newId(),
      name: `${c.name} clinic pharmacy`,
      kind: 'clinic_pharmacy',
      centre_id: c.id,
      ...tracked(w, at),
    }));
    await bulk(
      w,
      'stock_points',
      [['mission_id', U], ['id', U], ['name', T], ['kind', T], ['centre_id', U], ...TRACKED],
      points,
    );
    const schedules = points.flatMap((p) =>
      [7, 1, 2, 3, 4].map((weekday) => ({
        mission_id: w.actor.missionId,
        id: newId(),
        centre_id: p.centre_id,
        weekday,
        starts_at: '09:00',
        stock_point_id: p.id,
        ...tracked(w, at),
      })),
    );
    await bulk(
      w,
      'clinic_schedules',
      [
        ['mission_id', U],
        ['id', U],
        ['centre_id', U],
        ['weekday', I],
        ['starts_at', T],
        ['stock_point_id', U],
        ...TRACKED,
      ],
      schedules,
    );
    // a lot per medicine and quarter (the older ones expired by now) and a fresh one
    const start = addDays(today, -YEARS_DAYS);
    const lots = items.flatMap((it) =>
      [
        ...Array.from({ length: QUARTERS }, (_, k) => ({
          k,
          lot_number: `Q${k + 1}-${it.code}`,
          expiry_on: addDays(start, QUARTER_DAYS * (k + 1) + 540),
        })),
        { k: QUARTERS, lot_number: `F-${it.code}`, expiry_on: addDays(today, 400) },
      ].map((l) => ({
        mission_id: w.actor.missionId,
        id: newId(),
        item_id: it.id,
        code: it.code,
        created_at: at,
        ...l,
      })),
    );
    await bulk(
      w,
      'stock_lots',
      [
        ['mission_id', U],
        ['id', U],
        ['item_id', U],
        ['lot_number', T],
        ['expiry_on', D],
        ['created_at', TS],
      ],
      lots,
    );
    await w.audit({
      action: 'create',
      entityType: 'supply_item',
      changedFields: ['bulk'],
      detail: { items: items.length, points: points.length, lots: lots.length },
    });
    return { centres: cs, items, points, lots };
  });
}
export type Setup = Awaited<ReturnType<typeof centresAndPharmacies>>;

/** ~n people, each held once in one centre for 3 weeks to a year, admitted over the two years and the season before. */
export async function people(ctx: Ctx, caseworker: Actor, s: Setup, n: number, today: string) {
  const code = (await asActor(ctx, caseworker, (w) => w.tx.select({ code: missions.code }).from(missions)))[0]
    ?.code;
  const factory = personFactory(4244, today);
  const rng = mulberry32(77);
  const year = Number(today.slice(0, 4));
  const start = addDays(today, -YEARS_DAYS);
  const held: { id: string; centre: number; from: string; to: string | null; birth: string | null }[] = [];
  const bar = progress(`People: ${n.toLocaleString('en')} held in ${s.centres.length} centres`, n);
  for (let b = 0; b < n; b += 2000)
    await asActor(ctx, caseworker, async (w) => {
      const ps: (typeof persons.$inferInsert)[] = [];
      const es: (typeof episodes.$inferInsert)[] = [];
      for (let i = b + 1; i <= Math.min(n, b + 2000); i++) {
        const { name: _, age: __, ...fields } = factory.person();
        const id = newId();
        ps.push({
          ...fields,
          ...created(w),
          id,
          registrationNumber: `${code}-${year}-${String(i).padStart(6, '0')}`,
          nameKey: nameKeyOf(fields),
          createdByOrganisationId: w.actor.organisationId,
        });
        const centre = i % s.centres.length;
        const from = addDays(start, int(rng, -90, YEARS_DAYS));
        const stay = 21 + Math.floor(-Math.log(1 - rng() * 0.98) * 75);
        const to = addDays(from, Math.min(stay, 365)) < today ? addDays(from, Math.min(stay, 365)) : null;
        held.push({ id, centre, from, to, birth: fields.birthDate ?? null });
        es.push({
          ...created(w),
          id: newId(),
          personId: id,
          centreId: s.centres[centre]?.id as string,
          admittedOn: from,
          endedOn: to,
          endReason: to
            ? pick(
                rng,
                EPISODE_END_REASONS.filter((r) => r !== 'transfer' && r !== 'death'),
              )
            : null,
          circumstances: pick(rng, ['intercepted_at_sea', 'arrested_in_city', 'checkpoint'] as const),
          createdByOrganisationId: w.actor.organisationId,
        });
      }
      for (let k = 0; k < ps.length; k += 500) {
        await w.tx.insert(persons).values(ps.slice(k, k + 500));
        await w.tx.insert(episodes).values(es.slice(k, k + 500));
      }
      await w.audit({
        action: 'create',
        entityType: 'person',
        changedFields: ['bulk'],
        detail: { count: ps.length },
      });
      bar.tick(Math.min(n, b + 2000));
    });
  bar.done();
  await asActor(ctx, caseworker, (w) =>
    w.tx
      .insert(counters)
      .values({ missionId: w.actor.missionId, series: 'registration', year, last: n })
      .onConflictDoNothing(),
  );
  return held;
}
