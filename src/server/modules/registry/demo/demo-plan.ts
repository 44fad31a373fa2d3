// The demo caseload as a plan: who arrives where and when, with whom, and how each stay ends —
// over the year before `today`. Pure and deterministic (seeded); demo.ts writes it to the database.
//
// Shape of the year: people arrive all year (more in recent months), singly, as brothers, couples
// or families, after interceptions at sea, city arrests or checkpoints. Four boats landed at
// Janzour in one fortnight about 170 days ago fill Al-Bahr beyond its capacity for some weeks,
// until transfers and returns thin it out. West Africans and South Asians mostly go home on
// return flights, Egyptians are deported, Sudanese, Eritreans, Ethiopians, Somalis and Syrians
// stay long or are released to UNHCR; a few escape; some are detained again later (the same
// record), and a handful are registered a second time under other spellings (the duplicates).

import type {
  ADMISSION_CIRCUMSTANCES,
  EPISODE_END_REASONS,
  RELATIONSHIPS,
} from '../../../../domain/registry/schemas';
import {
  addDays,
  bookOf,
  type DemoIdentity,
  type DemoPerson,
  int,
  type NameEntry,
  personFactory,
  pick,
  respell,
  weighted,
} from './demo-people';

export type Circumstances = (typeof ADMISSION_CIRCUMSTANCES)[number];
export type EndReason = (typeof EPISODE_END_REASONS)[number];
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The directory demo's centres (src/server/modules/directory/demo.ts), by name. */
export const DEMO_CENTRES = [
  { name: 'Al-Nakheel Detention Centre', capacity: 400 },
  { name: 'Al-Waha Reception Centre', capacity: 250 },
  { name: 'Al-Bahr Holding Centre', capacity: 150 },
  { name: 'Wadi Al-Rabie Detention Centre', capacity: 300 },
] as const;
const [NAKHEEL, WAHA, BAHR, WADI] = [0, 1, 2, 3];

export interface Stay {
  centre: number;
  from: number;
  /** day the stay ended (exclusive), or null if the person is still there */
  to: number | null;
  reason?: EndReason;
  circumstances: Circumstances;
}

export interface PlanPerson {
  identity: DemoIdentity;
  /** relatives registered before this person: index and how they are related to this person */
  family: { person: number; relationship: Relationship }[];
  /** detentions, each a run of stays joined by transfers; days are offsets from today (< 0) */
  detentions: Stay[][];
}

export interface Plan {
  today: string;
  people: PlanPerson[];
  /** [original, duplicate, merged] */
  duplicates: { original: number; duplicate: number; merged: boolean }[];
}

type Exit = readonly [EndReason | 'long', number, number, number];
const RETURNABLE: Exit[] = [
  ['return', 60, 25, 120],
  ['release', 20, 10, 90],
  ['deportation', 7, 15, 60],
  ['escape', 2, 5, 60],
  ['long', 11, 150, 320],
];
const EXITS: Record<string, Exit[]> = {
  EGY: [
    ['deportation', 55, 10, 50],
    ['release', 20, 5, 40],
    ['return', 15, 20, 60],
    ['escape', 3, 5, 30],
    ['long', 7, 90, 200],
  ],
  TCD: [
    ['deportation', 25, 15, 60],
    ['return', 40, 25, 110],
    ['release', 22, 10, 80],
    ['escape', 2, 5, 60],
    ['long', 8, 120, 300],
  ],
  PROTECTION: [
    ['release', 50, 30, 200],
    ['escape', 3, 10, 120],
    ['return', 4, 60, 200],
    ['long', 40, 180, 420],
  ],
};
const PROTECTION = new Set(['SDN', 'ERI', 'ETH', 'SOM', 'SYR']);
const exitsOf = (nat: string) =>
  PROTECTION.has(nat) ? EXITS.PROTECTION! : (EXITS[nat] ?? (nat === 'NER' ? EXITS.TCD! : RETURNABLE));

const ONWARD: Record<number, readonly (readonly [number, number])[]> = {
  [NAKHEEL]: [
    [WADI, 5],
    [WAHA, 3],
    [BAHR, 1],
  ],
  [WAHA]: [
    [NAKHEEL, 7],
    [WADI, 3],
  ],
  [BAHR]: [
    [NAKHEEL, 55],
    [WADI, 45],
  ],
  [WADI]: [
    [NAKHEEL, 7],
    [WAHA, 3],
  ],
};

/**
 * One detention from `start` at `centre`: how long, whether and where the person is transferred
 * (a family goes to the reception centre), and how it ends; stays past today remain open.
 */
function detention(
  rng: () => number,
  nat: string,
  start: number,
  centre: number,
  circumstances: Circumstances,
  o: { transferAt?: number; family?: boolean } = {},
): Stay[] {
  const [reason, , lo, hi] = weighted(
    rng,
    exitsOf(nat).map((e) => [e, e[1]] as const),
  );
  const end = start + Math.max(o.transferAt !== undefined ? o.transferAt + 5 : 2, int(rng, lo, hi));
  const stays: Stay[] = [];
  let at = centre;
  let from = start;
  let transferAt =
    o.transferAt !== undefined
      ? start + o.transferAt
      : rng() < 0.2
        ? start + Math.max(1, Math.floor((end - start) * (0.2 + rng() * 0.5)))
        : null;
  while (transferAt !== null && transferAt < end && transferAt < 0) {
    const to = o.family ? (at === WAHA ? NAKHEEL : WAHA) : weighted(rng, ONWARD[at]!);
    stays.push({ centre: at, from, to: transferAt, reason: 'transfer', circumstances });
    [at, from, circumstances] = [to, transferAt, 'transferred'];
    transferAt = rng() < 0.1 ? from + Math.max(1, Math.floor((end - from) / 2)) : null;
  }
  const open = end >= 0;
  stays.push({
    centre: at,
    from,
    to: open ? null : end,
    ...(open ? {} : { reason: reason === 'long' ? 'release' : reason }),
    circumstances,
  });
  return stays;
}

/** Where a group is taken, and why. */
function arrival(rng: () => number, family: boolean): [number, Circumstances] {
  const circumstances = weighted<Circumstances>(rng, [
    ['intercepted_at_sea', 30],
    ['arrested_in_city', 42],
    ['checkpoint', 18],
    ['self_presented', 3],
    ['unknown', 7],
  ]);
  if (family) return [rng() < 0.7 ? WAHA : NAKHEEL, circumstances];
  const centre =
    circumstances === 'intercepted_at_sea'
      ? weighted(rng, [
          [BAHR, 6],
          [NAKHEEL, 4],
        ])
      : circumstances === 'checkpoint'
        ? weighted(rng, [
            [WADI, 7],
            [NAKHEEL, 3],
          ])
        : weighted(rng, [
            [NAKHEEL, 45],
            [WAHA, 25],
            [WADI, 30],
          ]);
  return [centre, circumstances];
}

const TOTAL = 413; // plus the duplicate registrations: about 420 records
const SURGE_DAY = -170;
const SURGE_BOATS = [46, 41, 44, 39];

/** The whole demo caseload for a year ending yesterday, from a seed. */
export function demoPlan(today: string, seed = 20_260_101): Plan {
  const factory = personFactory(seed, today);
  const { rng } = factory;
  const people: (PlanPerson & { person: DemoPerson; group: number })[] = [];
  let groups = 0;

  const add = (p: DemoPerson, family: PlanPerson['family'] = []) => {
    people.push({ identity: p, person: p, family, detentions: [], group: groups });
    return people.length - 1;
  };
  /** The children's family name: their father's names in patronymic cultures, else his family name. */
  const childFamily = (father: DemoPerson): NameEntry[] =>
    bookOf(father.nationality).patronymic
      ? [...father.name.given.slice(-1), ...father.name.family.slice(0, 1)]
      : father.name.family;

  /** A group of people detained together: returns their indexes, head first. */
  function group(): number[] {
    groups++;
    const kind = weighted(rng, [
      ['single', 74],
      ['siblings', 8],
      ['couple', 7],
      ['family', 9],
    ] as const);
    const head = factory.person({ sex: kind === 'single' ? undefined : 'male' });
    const nat = head.nationality;
    if (kind === 'single') {
      const minor = rng() < 0.04;
      return [add(minor ? factory.person({ nationality: nat, sex: 'male', age: int(rng, 15, 17) }) : head)];
    }
    if (kind === 'siblings') {
      const h = add(head);
      const family = head.name.family;
      const rest = Array.from({ length: int(rng, 1, 2) }, () =>
        add(factory.person({ nationality: nat, sex: rng() < 0.85 ? 'male' : 'female', family }), [
          { person: h, relationship: 'sibling' },
        ]),
      );
      return [h, ...rest];
    }
    const withFather = kind === 'couple' || rng() < 0.55;
    const mother = factory.person({
      nationality: nat,
      sex: 'female',
      age: Math.max(18, head.age - int(rng, 0, 8)),
      ...(bookOf(nat).patronymic || rng() < 0.5 ? {} : { family: head.name.family }),
    });
    const h = withFather ? add(head) : -1;
    const m = add(mother, withFather ? [{ person: h, relationship: 'spouse' }] : []);
    if (kind === 'couple') return [h, m];
    const children: number[] = [];
    for (let i = int(rng, 1, 3); i > 0; i--) {
      const age = int(rng, 0, Math.min(15, mother.age - 17));
      const kid = factory.person({ nationality: nat, age, family: childFamily(head) });
      const parents = [m, ...(withFather ? [h] : [])].map((p) => ({
        person: p,
        relationship: 'parent' as const,
      }));
      const siblings = children.map((c) => ({ person: c, relationship: 'sibling' as const }));
      children.push(add(kid, [...parents, ...siblings]));
    }
    return [...(withFather ? [h] : []), m, ...children];
  }

  const detain = (
    members: number[],
    start: number,
    centre: number,
    c: Circumstances,
    transferAt?: number,
  ) => {
    const nat = people[members[0]!]!.identity.nationality;
    const family = members.some((i) => people[i]!.person.age < 18 || people[i]!.identity.sex === 'female');
    const stays = detention(rng, nat, start, centre, c, { transferAt, family: family && members.length > 1 });
    for (const i of members) people[i]!.detentions.push(stays.map((s) => ({ ...s })));
  };

  // the landings: four boats in a fortnight, all taken to Al-Bahr, most moved on within weeks
  let aboard = 0;
  SURGE_BOATS.forEach((size, b) => {
    for (aboard += size; people.length < aboard; )
      detain(
        group(),
        SURGE_DAY + b * 4,
        BAHR,
        'intercepted_at_sea',
        rng() < 0.75 ? int(rng, 24, 75) : undefined,
      );
  });
  // the rest of the year, busier lately
  while (people.length < TOTAL) {
    const members = group();
    const [centre, c] = arrival(rng, members.length > 1);
    detain(members, -1 - Math.floor(360 * rng() ** 1.5), centre, c);
  }
  // some are detained again later, and found under their record
  for (const p of people) {
    const last = p.detentions.at(-1)?.at(-1);
    if (!last?.to || last.to > -20 || rng() >= 0.07) continue;
    if (p.family.length || people.some((q) => q.family.some((f) => people[f.person] === p))) continue;
    const start = last.to + int(rng, 10, Math.min(120, -last.to - 5));
    const centre = pick(
      rng,
      [NAKHEEL, WADI, WAHA].filter((c) => c !== last.centre),
    );
    p.detentions.push(detention(rng, p.identity.nationality, start, centre, 'arrested_in_city'));
  }
  return { today, ...withDuplicates(rng, people, today) };
}

/**
 * A handful of people detained again later under other spellings, registered as new records:
 * one per nationality among those with several spellings, whose name no one else shares.
 */
function withDuplicates(
  rng: () => number,
  people: (PlanPerson & { person: DemoPerson; group: number })[],
  today: string,
): Pick<Plan, 'people' | 'duplicates'> {
  const nameOf = (p: DemoPerson) =>
    `${p.nationality}:${[...p.name.given, ...p.name.family].map((e) => e.latin[0]).join(' ')}`;
  const counts = new Map<string, number>();
  for (const p of people) counts.set(nameOf(p.person), (counts.get(nameOf(p.person)) ?? 0) + 1);
  const groupSize = new Map<number, number>();
  for (const p of people) groupSize.set(p.group, (groupSize.get(p.group) ?? 0) + 1);
  const wanted = ['SDN', 'EGY', 'ERI', 'NER', 'BGD', 'TCD', 'MLI'];
  const duplicates: Plan['duplicates'] = [];
  const out: PlanPerson[] = people.map(({ identity, family, detentions }) => ({
    identity,
    family,
    detentions,
  }));
  for (const nat of wanted) {
    const variability = (p: DemoPerson) =>
      [...p.name.given, ...p.name.family].reduce((n, e) => n + e.latin.length - 1, 0);
    let i = -1;
    people.forEach((p, j) => {
      const eligible =
        p.identity.nationality === nat &&
        p.person.age >= 20 &&
        groupSize.get(p.group) === 1 &&
        p.detentions.length === 1 &&
        (p.detentions[0]!.at(-1)!.to ?? 0) < -40 &&
        counts.get(nameOf(p.person)) === 1 &&
        variability(p.person) > 0;
      if (eligible && (i < 0 || variability(p.person) > variability(people[i]!.person))) i = j;
    });
    if (i < 0) continue;
    const p = people[i]!;
    const last = p.detentions[0]!.at(-1)!;
    const start = last.to! + int(rng, 20, Math.min(90, -last.to! - 10));
    const centre = pick(
      rng,
      [NAKHEEL, WADI, WAHA].filter((c) => c !== last.centre),
    );
    const circumstances = pick(rng, ['arrested_in_city', 'checkpoint'] as const);
    out.push({
      identity: respell(rng, p.person, today),
      family: [],
      detentions: [detention(rng, nat, start, centre, circumstances)],
    });
    duplicates.push({ original: i, duplicate: out.length - 1, merged: duplicates.length === 0 });
  }
  return { people: out, duplicates };
}

/** Dates of a plan's day offsets. */
export const dayOf = (plan: Pick<Plan, 'today'>, offset: number) => addDays(plan.today, offset);
