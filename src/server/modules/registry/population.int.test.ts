import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../platform/http';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, PASSWORD, type TestApp, testApp } from '../../test/harness';
import { addAccount } from '../directory/bootstrap';

let t: TestApp;
let cw: Client;
let centre: string;
beforeAll(async () => {
  t = await testApp();
  centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ capacity: 8 }))).id;
  cw = await t.signIn({ role: 'caseworker' });
  const people = [
    { sex: 'male', nationality: 'SDN', birthDate: '1990-01-01' },
    { sex: 'male', nationality: 'SDN', birthDate: '1991-01-01' },
    { sex: 'male', nationality: 'SDN', birthDate: '1992-01-01' },
    { sex: 'male', nationality: 'SDN', birthDate: '1993-01-01' },
    { sex: 'male', nationality: 'SDN', birthDate: '1994-01-01' },
    { sex: 'female', nationality: 'ERI', birthDate: '2015-05-05' },
    { sex: 'female', nationality: 'ERI', estimatedAge: 30 },
    { sex: 'male', nationality: 'NER' },
    { sex: 'male', nationality: 'NER', birthDate: '1960-01-01' },
    { sex: 'female', nationality: 'NGA', birthDate: '2010-01-01' },
  ] as const;
  for (const p of people) {
    const res = await cw.post('/api/v1/persons', buildPerson(centre, { birthDate: undefined, ...p }));
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

type Pop = {
  total: number | null;
  capacity: number;
  occupancy: number | null;
  suppressed: boolean;
  bySex: Record<string, number | null>;
  byAgeGroup: Record<string, number | null>;
  byNationality: { nationality: string; count: number | null }[];
  history: { date: string; count: number | null }[];
  headcounts: { total: number; countedOn: string; recordedBy: string | null }[];
};

describe('centre population', () => {
  it('counts who is there now by sex, age group and nationality, against capacity', async () => {
    const pop = json<Pop>(await cw.get(`/api/v1/centres/${centre}/population`));
    expect(pop.total).toBe(10);
    expect(pop.occupancy).toBeCloseTo(10 / 8);
    expect(pop.bySex).toEqual({ female: 3, male: 7, other: 0, unknown: 0 });
    expect(pop.byAgeGroup).toEqual({ '0-4': 0, '5-11': 1, '12-17': 1, '18-59': 6, '60+': 1, unknown: 1 });
    expect(pop.byNationality).toEqual([
      { nationality: 'SDN', count: 5 },
      { nationality: 'ERI', count: 2 },
      { nationality: 'NER', count: 2 },
      { nationality: 'NGA', count: 1 },
    ]);
    expect(pop.history.at(-1)).toEqual({ date: '2026-11-02', count: 10 });
    expect(pop.history.find((h) => h.date === '2026-09-30')?.count).toBe(0);
    expect(pop.suppressed).toBe(false);
  });

  it('hides cells under 5 from roles that may not see people', async () => {
    const viewer = await t.signIn({ role: 'viewer' });
    const pop = json<Pop>(await viewer.get(`/api/v1/centres/${centre}/population`));
    expect(pop.total).toBe(10);
    expect(pop.suppressed).toBe(true);
    // female 3 is hidden, and so is male 7: otherwise 10 − 7 gives the 3 away
    expect(pop.bySex).toEqual({ female: null, male: null, other: 0, unknown: 0 });
    expect(pop.byAgeGroup).toEqual({
      '0-4': 0,
      '5-11': null,
      '12-17': null,
      '18-59': 6,
      '60+': null,
      unknown: null,
    });
    // by code, not by size: the order of hidden counts would rank them
    expect(pop.byNationality).toEqual([
      { nationality: 'ERI', count: null },
      { nationality: 'NER', count: null },
      { nationality: 'NGA', count: null },
      { nationality: 'SDN', count: 5 },
    ]);
    for (const breakdown of [
      Object.values(pop.bySex),
      Object.values(pop.byAgeGroup),
      pop.byNationality.map((n) => n.count),
    ]) {
      const hidden = breakdown.filter((n) => n === null).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    expect((await viewer.get(`/api/v1/persons?centreId=${centre}`)).statusCode).toBe(403);
  });

  it('tells a viewer a hidden cell from a zero: null and flagged, never 0', async () => {
    const viewer = await t.signIn({ role: 'viewer' });
    const shown = json<Pop>(await viewer.get(`/api/v1/centres/${centre}/population`));
    const exact = json<Pop>(await cw.get(`/api/v1/centres/${centre}/population`));
    expect(shown.suppressed).toBe(true);
    for (const [group, n] of Object.entries(exact.byAgeGroup)) {
      const seen = shown.byAgeGroup[group];
      // a real zero is published as 0; a small count as null, never as 0
      if (n === 0) expect(seen, group).toBe(0);
      else if (n !== null && n < 5) expect(seen, group).toBeNull();
      if (seen === 0) expect(n, group).toBe(0);
    }
    expect(Object.keys(shown.byAgeGroup).sort()).toEqual(Object.keys(exact.byAgeGroup).sort());
  });

  it('shows exact counts only where the reader may see people, whatever else they may do', async () => {
    // caseworker at another centre and viewer for the whole mission: sees no one at this centre
    const elsewhere = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const username = 'cw-elsewhere-viewer';
    await asSystem(t.ctx, t.missionId, (w) =>
      addAccount(w, {
        username,
        displayName: 'Two hats',
        password: PASSWORD,
        roles: [
          { role: 'caseworker', centreIds: [elsewhere] },
          { role: 'viewer', centreIds: [] },
        ],
      }),
    );
    const login = await t.login(username, PASSWORD);
    expect(login.statusCode, login.body).toBe(204);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/centres/${centre}/population`,
      headers: { cookie },
    });
    const pop = json<Pop>(res);
    expect(pop.suppressed).toBe(true);
    expect(pop.bySex.female).toBeNull();
  });

  it('hides a small total, the occupancy that gives it away, and small days of the history', async () => {
    const small = json<{ id: string }>(
      await t.admin.post('/api/v1/centres', buildCentre({ capacity: 20 })),
    ).id;
    for (const sex of ['female', 'male', 'male'] as const) {
      const res = await t.admin.post('/api/v1/persons', buildPerson(small, { sex }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const viewer = await t.signIn({ role: 'viewer' });
    const pop = json<Pop>(await viewer.get(`/api/v1/centres/${small}/population`));
    expect(pop.total).toBeNull();
    expect(pop.occupancy).toBeNull();
    expect(pop.suppressed).toBe(true);
    expect(pop.bySex).toEqual({ female: null, male: null, other: 0, unknown: 0 });
    expect(pop.history.at(-1)).toEqual({ date: '2026-11-02', count: null });
    expect(pop.history.every((h) => h.count === 0 || h.count === null)).toBe(true);
    const exact = json<Pop>(await cw.get(`/api/v1/centres/${small}/population`));
    expect(exact.total).toBe(3);
    expect(exact.history.at(-1)).toEqual({ date: '2026-11-02', count: 3 });
  });

  it('lets monitors and managers record authority headcounts, not caseworkers', async () => {
    const monitor = await t.signIn({ role: 'monitor', centreIds: [centre] });
    const count = { countedOn: '2026-11-01', total: 12, men: 8, women: 3, children: 1 };
    expect((await cw.post(`/api/v1/centres/${centre}/headcounts`, count)).statusCode).toBe(403);
    const res = await monitor.post(`/api/v1/centres/${centre}/headcounts`, count);
    expect(res.statusCode, res.body).toBe(201);
    const bad = await monitor.post(`/api/v1/centres/${centre}/headcounts`, { ...count, men: 20 });
    expect(bad.statusCode).toBe(422);
    const pop = json<Pop>(await cw.get(`/api/v1/centres/${centre}/population`));
    expect(pop.headcounts).toEqual([
      expect.objectContaining({ total: 12, countedOn: '2026-11-01', recordedBy: monitor.username }),
    ]);
    const other = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    expect((await monitor.post(`/api/v1/centres/${other}/headcounts`, count)).statusCode).toBe(404);
  });

  it('refuses a period longer than two years', async () => {
    expect(
      (await cw.get(`/api/v1/centres/${centre}/population?from=2020-01-01&to=2026-01-01`)).statusCode,
    ).toBe(422);
  });
});

describe('person timeline', () => {
  it('shows registration, admission and transfer in order, newest first', async () => {
    const other = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const p = json<{ id: string }>(
      await cw.post('/api/v1/persons', buildPerson(centre, { admittedOn: '2026-10-20' })),
    );
    await cw.post(`/api/v1/persons/${p.id}/episodes`, {
      type: 'transfer',
      centreId: other,
      date: '2026-10-25',
    });
    const items = json<{ items: { kind: string; at: string }[] }>(
      await cw.get(`/api/v1/persons/${p.id}/timeline`),
    ).items;
    expect(items.map((i) => i.kind)).toEqual(['registration', 'admission', 'transfer', 'admission']);
    expect(items.map((i) => i.at.slice(0, 10))).toEqual([
      '2026-11-02',
      '2026-10-25',
      '2026-10-25',
      '2026-10-20',
    ]);
  });
});
