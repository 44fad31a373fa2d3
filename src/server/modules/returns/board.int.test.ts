import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, Figures } from '../../../domain/returns/board';
import { RETURN_STATES } from '../../../domain/returns/states';
import { returnCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { caseIn, type ReturnsWorld, returnee, returnsWorld } from './returns.fixtures';

// The board and the headline figures against fixtures whose numbers are counted by hand below:
// cases are opened with `caseIn`, then put in their state, their `state_since`, departure and
// destination directly (set up here, not under test).

let t: TestApp;
let w: ReturnsWorld;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
}, 120_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(t.now().getTime() - n * DAY);

type Patch = Partial<typeof returnCases.$inferInsert>;
const set = (id: string, v: Patch) =>
  asSystem(t.ctx, t.missionId, (x) =>
    x.tx
      .update(returnCases)
      .set(v)
      .where(and(eq(returnCases.missionId, t.missionId), eq(returnCases.id, id))),
  );

/** A new case of `personId` (opened as requested), then set as given. */
const aCase = async (personId: string, v: Patch) => {
  const id = await caseIn(t, w, personId);
  await set(id, v);
  return id;
};

const boardOf = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/returns/board${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Board>(res);
};
const stateOf = (b: Board, state: string) => b.states.find((s) => s.state === state);

describe('the pipeline board', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // at centre A (Sudanese, project P): requested since 10, 20 and 40 days; counselled since
    // 5 and 8 days; booked since 60 days; closed since 300 days; withdrawn since 200 days.
    // At centre B (Nigerian, no project): requested since 15 days.
    const at = async (key: string, state: string, days: number, o: Patch = {}) => {
      const person = await returnee(w);
      ids[key] = await aCase(person, { state, stateSince: daysAgo(days), ...o });
      ids[`${key}person`] = person;
    };
    await at('a1', 'requested', 10);
    await at('a2', 'requested', 20);
    await at('a3', 'requested', 40);
    await at('c1', 'counselled', 5);
    await at('c2', 'counselled', 8);
    await at('b1', 'booked', 60);
    await at('x1', 'closed', 300);
    await at('w1', 'withdrawn', 200);
    const res = await t.admin.post('/api/v1/persons', buildPerson(w.centreB, { nationality: 'NGA' }));
    expect(res.statusCode, res.body).toBe(201);
    ids.bB = await aCase(json<{ id: string }>(res).id, {
      stateSince: daysAgo(15),
      centreId: w.centreB,
      projectId: null,
    });
  }, 120_000);

  it('counts every state (all 17) with the median days in it', async () => {
    const b = await boardOf(w.returnOfficerAll);
    expect(b.states.map((s) => s.state)).toEqual([...RETURN_STATES]);
    // requested: 10, 15, 20, 40 days → median 17.5
    expect(stateOf(b, 'requested')).toEqual({ state: 'requested', count: 4, medianDays: 17.5 });
    // counselled: 5 and 8 → 6.5
    expect(stateOf(b, 'counselled')).toEqual({ state: 'counselled', count: 2, medianDays: 6.5 });
    expect(stateOf(b, 'booked')).toEqual({ state: 'booked', count: 1, medianDays: 60 });
    expect(stateOf(b, 'closed')).toEqual({ state: 'closed', count: 1, medianDays: 300 });
    expect(stateOf(b, 'withdrawn')).toEqual({ state: 'withdrawn', count: 1, medianDays: 200 });
    expect(stateOf(b, 'departed')).toEqual({ state: 'departed', count: 0, medianDays: null });
    expect(b.states.reduce((s, x) => s + x.count, 0)).toBe(9);
  });

  it('lists the open cases longest in their state, closed and withdrawn ones left out', async () => {
    const b = await boardOf(w.returnOfficerAll);
    expect(b.stuck.map((s) => [s.id, s.daysInState])).toEqual([
      [ids.b1, 60],
      [ids.a3, 40],
      [ids.a2, 20],
      [ids.bB, 15],
      [ids.a1, 10],
      [ids.c2, 8],
      [ids.c1, 5],
    ]);
    const p = json<{ givenName: string; familyName: string }>(
      await t.admin.get(`/api/v1/persons/${ids.b1person}`),
    );
    expect(b.stuck[0]).toMatchObject({ personName: `${p.givenName} ${p.familyName}`, state: 'booked' });
    expect(b.stuck[0]?.reference).toMatch(/^TST-RET-/);
  });

  it('filters by nationality, centre and project', async () => {
    const nga = await boardOf(w.returnOfficerAll, '?nationality=NGA');
    expect(stateOf(nga, 'requested')).toEqual({ state: 'requested', count: 1, medianDays: 15 });
    expect(nga.states.reduce((s, x) => s + x.count, 0)).toBe(1);
    expect(nga.stuck.map((s) => s.id)).toEqual([ids.bB]);

    const atB = await boardOf(w.returnOfficerAll, `?centreId=${w.centreB}`);
    expect(atB.states.reduce((s, x) => s + x.count, 0)).toBe(1);
    expect(atB.stuck.map((s) => s.id)).toEqual([ids.bB]);

    // project P: everything at A (the case at B has none) — requested 10, 20, 40 → 20
    const p = await boardOf(w.returnOfficerAll, `?projectId=${w.project}`);
    expect(stateOf(p, 'requested')).toEqual({ state: 'requested', count: 3, medianDays: 20 });
    expect(p.states.reduce((s, x) => s + x.count, 0)).toBe(8);
    expect(p.stuck.map((s) => s.id)).not.toContain(ids.bB);

    const none = await boardOf(w.returnOfficerAll, `?nationality=NGA&projectId=${w.project}`);
    expect(none.states.every((s) => s.count === 0 && s.medianDays === null)).toBe(true);
    expect(none.stuck).toEqual([]);
  });

  it('is scoped like the case list: the officer of centre B sees only the case of B', async () => {
    const b = await boardOf(w.returnOfficerB);
    expect(b.states.reduce((s, x) => s + x.count, 0)).toBe(1);
    expect(stateOf(b, 'requested')).toEqual({ state: 'requested', count: 1, medianDays: 15 });
    expect(b.stuck.map((s) => s.id)).toEqual([ids.bB]);
    // and the officer of A does not see it
    const a = await boardOf(w.returnOfficer);
    expect(a.stuck.map((s) => s.id)).not.toContain(ids.bB);
    expect(stateOf(a, 'requested')?.count).toBe(3);
  });

  it('refuses bad filters with the field named', async () => {
    const res = await w.returnOfficerAll.get('/api/v1/returns/board?centreId=nope');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(json(res))).toContain('centreId');
  });
});

const figuresOf = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/returns/figures${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Figures>(res);
};

describe('the headline figures', () => {
  beforeAll(async () => {
    // 7 departures of 6 people (p1 twice) and one withdrawn case carrying a departure date:
    //   p1 → SDN 2026-03-10 (closed), then again p1 → SDN 2026-09-01 (arrived)
    //   p2 → SDN 2026-05-05 (departed)
    //   p3 → NGA 2026-06-06 (reintegration in progress)
    //   p4 → NGA 2026-07-07 (arrived)
    //   p5 → TCD 2026-08-08 (reintegration planned)
    //   p6 → SDN 2025-12-31 (closed): outside 2026
    //   p7 → EGY 2026-04-04 but withdrawn: never left
    // So in 2026: 5 people (p1 once) in 3 countries, SDN 2, NGA 2, TCD 1; in 2025–2026: 6 people.
    const p = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => returnee(w)));
    const departed = (i: number, state: string, departedOn: string, destinationCountry: string) =>
      aCase(p[i - 1] as string, { state, departedOn, destinationCountry });
    // and in 2024, closed since (first: one case in progress a person): p1–p5 → EGY, p6 → TCD
    for (const i of [1, 2, 3, 4, 5]) await departed(i, 'closed', `2024-0${i}-15`, 'EGY');
    await departed(6, 'closed', '2024-10-01', 'TCD');
    await departed(1, 'closed', '2026-03-10', 'SDN');
    await departed(1, 'arrived', '2026-09-01', 'SDN');
    await departed(2, 'departed', '2026-05-05', 'SDN');
    await departed(3, 'reintegration_in_progress', '2026-06-06', 'NGA');
    await departed(4, 'arrived', '2026-07-07', 'NGA');
    await departed(5, 'reintegration_planned', '2026-08-08', 'TCD');
    await departed(6, 'closed', '2025-12-31', 'SDN');
    await departed(7, 'withdrawn', '2026-04-04', 'EGY');
  }, 120_000);

  it('counts unique people and their countries in a period (this year by default)', async () => {
    const f = await figuresOf(w.returnOfficerAll);
    expect(f).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      people: 5,
      countries: 3,
      byCountry: [
        { country: 'NGA', people: 2 },
        { country: 'SDN', people: 2 },
        { country: 'TCD', people: 1 },
      ],
      suppressed: false,
    });
    const two = await figuresOf(w.returnOfficerAll, '?from=2025-01-01&to=2026-12-31');
    expect([two.people, two.countries]).toEqual([6, 3]);
    expect(two.byCountry.find((c) => c.country === 'SDN')?.people).toBe(3);
    // the summer only: p3, p4, p5 (and p1's second departure on 1 September is outside)
    const summer = await figuresOf(w.returnOfficerAll, '?from=2026-06-01&to=2026-08-31');
    expect([summer.people, summer.countries]).toEqual([3, 2]);
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await w.returnOfficerAll.get('/api/v1/returns/figures?from=2026-05-01&to=2026-04-01');
    expect(res.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(res).errors[0]?.path).toBe('to');
  });

  it('hides small counts from a viewer, and their complements', async () => {
    const viewer = await t.signIn({ role: 'viewer', organisationId: w.org, centreIds: [] });
    const f = await figuresOf(viewer);
    // 2, 2 and 1 are all under 5; the total (5) is not, and is shown
    expect(f.people).toBe(5);
    expect(f.byCountry).toEqual([
      { country: 'NGA', people: null },
      { country: 'SDN', people: null },
      { country: 'TCD', people: null },
    ]);
    expect(f.suppressed).toBe(true);
    expect(f.countries).toBe(3);
  });

  it('hides the complement too: EGY (5) would give TCD (1) away from the total', async () => {
    const exact = await figuresOf(w.returnOfficerAll, '?from=2024-01-01&to=2024-12-31');
    expect(exact).toMatchObject({
      people: 6,
      countries: 2,
      byCountry: [
        { country: 'EGY', people: 5 },
        { country: 'TCD', people: 1 },
      ],
    });
    const viewer = await t.signIn({ role: 'viewer', organisationId: w.org, centreIds: [] });
    const f = await figuresOf(viewer, '?from=2024-01-01&to=2024-12-31');
    expect(f).toMatchObject({
      people: 6,
      countries: 2,
      byCountry: [
        { country: 'EGY', people: null },
        { country: 'TCD', people: null },
      ],
      suppressed: true,
    });
  });
});
