import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveillanceRow, SurveillanceWeek } from '../../../domain/health/surveillance';
import { asSystem } from '../../platform/http';
import { exportEvents, xlsxRows } from '../../test/exports';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { admit, type Clinic, consult, seedClinic, stay } from './surveillance.fixtures';
import { populationByWeek } from './surveillance.queries';

// The weekly surveillance table and the epidemic curve over the API: figures from the records
// (unique people, consultations, the registry's population), the reader's scope, the XLSX export.
// The clock is Monday 2026-11-02 (2026-W45).

let t: TestApp;
let doctor: Client;
let a: Clinic;
let b: Clinic;
beforeAll(async () => {
  t = await testApp();
  doctor = await t.signIn({ role: 'doctor' });
  a = await seedClinic(t);
  b = await seedClinic(t);
  // 2026-W43 runs from Monday 19 to Sunday 25 October: held at any time in it counts
  const [p1, p2, p3, p4, p5] = await admit(t, a.centreId, 38, { admittedOn: '2026-01-01' });
  await admit(t, a.centreId, 1, { admittedOn: '2026-10-25' }); // the Sunday: counted
  await admit(t, a.centreId, 1, { admittedOn: '2026-01-01', endedOn: '2026-10-19' }); // the Monday: counted
  await admit(t, a.centreId, 2, { admittedOn: '2026-10-26' }); // after the week
  await admit(t, a.centreId, 3, { admittedOn: '2026-01-01', endedOn: '2026-10-18' }); // before it
  const at = (personId: string, on: string, codes: string[]) => consult(t, a, { personId, on, codes });
  await at(p1!, '2026-10-20', ['B86']); // seen twice for scabies in the week: one case
  await at(p1!, '2026-10-22', ['B86']);
  await at(p2!, '2026-10-21', ['B86']);
  await at(p3!, '2026-10-21', ['A09.0']);
  await at(p4!, '2026-10-23', ['K29.7']); // counts as a consultation, for no syndrome
  await at(p5!, '2026-10-12', ['B05.9']); // the week before
  // B: everyone left before the week; a former detainee seen there that week has no denominator
  const [gone] = await admit(t, b.centreId, 4, { admittedOn: '2026-01-01', endedOn: '2026-10-18' });
  await consult(t, b, { personId: gone!, on: '2026-10-20', codes: ['B86'] });
});
afterAll(() => t.close());

const table = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/surveillance?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<SurveillanceWeek>(res);
};
const rowOf = (w: SurveillanceWeek, centreId: string) => w.rows.find((r) => r.centreId === centreId);

describe('the weekly surveillance table', () => {
  it('counts unique people per syndrome, the consultations, and the population from the registry', async () => {
    const week = await table(doctor, 'week=2026-W43');
    expect(week).toMatchObject({ week: '2026-W43', weekStart: '2026-10-19', weekEnd: '2026-10-25' });
    const row = rowOf(week, a.centreId) as SurveillanceRow;
    expect(row.population).toBe(40);
    expect(row.consultations).toBe(5);
    expect(row.counts).toMatchObject({ scabies: 2, acute_watery_diarrhoea: 1, measles: 0 });
    expect(row.rates).toMatchObject({ scabies: 50, acute_watery_diarrhoea: 25, measles: 0 });
    // the week before holds the measles case and none of these
    const before = rowOf(await table(doctor, 'week=2026-W42'), a.centreId);
    expect(before?.counts).toMatchObject({ measles: 1, scabies: 0 });
  });

  it('gives no rate for a centre with no one held that week, rather than dividing by zero', async () => {
    const row = rowOf(await table(doctor, `week=2026-W43&centreId=${b.centreId}`), b.centreId);
    expect(row?.population).toBeNull();
    expect(row?.counts.scabies).toBe(1);
    expect(Object.values(row?.rates ?? {}).every((r) => r === null)).toBe(true);
  });

  it('counts ISO week 53, whose days straddle the new year', async () => {
    const c = await seedClinic(t);
    const people = await admit(t, c.centreId, 10, { admittedOn: '2020-12-01' });
    await consult(t, c, { personId: people[0]!, on: '2020-12-28', codes: ['B86'] });
    await consult(t, c, { personId: people[1]!, on: '2021-01-03', codes: ['B05.9'] });
    await consult(t, c, { personId: people[2]!, on: '2021-01-04', codes: ['B05.9'] });
    const row = rowOf(await table(doctor, `week=2020-W53&centreId=${c.centreId}`), c.centreId);
    expect(row).toMatchObject({ population: 10, consultations: 2 });
    expect(row?.counts).toMatchObject({ scabies: 1, measles: 1 });
    expect(row?.rates.measles).toBe(100);
    const next = rowOf(await table(doctor, `week=2021-W01&centreId=${c.centreId}`), c.centreId);
    expect(next?.counts.measles).toBe(1);
    const bad = await doctor.get('/api/v1/surveillance?week=2025-W53');
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path)).toContain('week');
  });

  it('shows a centre-scoped reader their centres only, and 404 for another', async () => {
    const mine = await t.signIn({ role: 'nurse', centreIds: [a.centreId] });
    const week = await table(mine, 'week=2026-W43');
    expect(week.rows.map((r) => r.centreId)).toEqual([a.centreId]);
    expect((await mine.get(`/api/v1/surveillance?week=2026-W43&centreId=${b.centreId}`)).statusCode).toBe(
      404,
    );
    const manager = await t.signIn({ role: 'manager' });
    const all = await table(manager, 'week=2026-W43');
    expect(rowOf(all, a.centreId)?.counts.scabies).toBe(2);
    expect(rowOf(all, b.centreId)).toBeDefined();
  });

  it('refuses roles that read no medical data and do not manage (403)', async () => {
    for (const role of [
      'caseworker',
      'stock_officer',
      'counsellor',
      'protection_officer',
      'viewer',
    ] as const) {
      const c = await t.signIn({ role });
      for (const url of [
        '/api/v1/surveillance?week=2026-W43',
        '/api/v1/surveillance?week=2026-W43&format=xlsx',
        '/api/v1/surveillance/curve?syndrome=scabies&from=2026-W40&to=2026-W43',
        '/api/v1/alerts',
        '/api/v1/alert-rules',
      ])
        expect([role, url, (await c.get(url)).statusCode]).toEqual([role, url, 403]);
    }
  });

  it('as XLSX: translated headers, the API’s figures, right-to-left in Arabic, audited as an export', async () => {
    const reader = await t.signIn({ role: 'doctor', centreIds: [a.centreId] });
    const api = rowOf(await table(reader, 'week=2026-W43'), a.centreId) as SurveillanceRow;
    const fr = await reader.get('/api/v1/surveillance?week=2026-W43&format=xlsx&lang=fr');
    expect(fr.statusCode, fr.body).toBe(200);
    expect(fr.headers['content-type']).toContain('spreadsheetml');
    const sheet = await xlsxRows(fr);
    expect(sheet.rtl).toBe(false);
    const [header, ...body] = sheet.rows;
    expect(header).toEqual(
      expect.arrayContaining([
        'Centre',
        'Semaine ISO',
        'Consultations',
        'Gale suspectée',
        'Gale suspectée (pour 1 000)',
      ]),
    );
    expect(body).toHaveLength(1);
    const cell = (name: string) => body[0]![header!.indexOf(name)];
    expect(cell('Semaine ISO')).toBe('2026-W43');
    expect(Number(cell('Consultations'))).toBe(api.consultations);
    expect(Number(cell('Gale suspectée'))).toBe(api.counts.scabies);
    expect(Number(cell('Gale suspectée (pour 1 000)'))).toBe(api.rates.scabies);
    expect(Number(cell('Personnes présentes dans le centre cette semaine'))).toBe(api.population);

    const ar = await xlsxRows(await reader.get('/api/v1/surveillance?week=2026-W43&format=xlsx&lang=ar'));
    expect(ar.rtl).toBe(true);
    expect(ar.rows[0]).toEqual(expect.arrayContaining(['المركز', 'جرب مشتبه به', 'الاستشارات']));

    const events = await exportEvents(t, reader.username);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ entityType: 'surveillance', detail: { format: 'xlsx', rows: 1 } });
  });
});

describe('the epidemic curve', () => {
  it('has every week of the range, weeks without cases at 0, with the population and rate', async () => {
    const c = await seedClinic(t);
    const people = await admit(t, c.centreId, 20, { admittedOn: '2026-01-01' });
    await admit(t, c.centreId, 5, { admittedOn: '2026-10-05' });
    await consult(t, c, { personId: people[0]!, on: '2026-10-06', codes: ['B86'] });
    await consult(t, c, { personId: people[1]!, on: '2026-10-08', codes: ['B86'] });
    await consult(t, c, { personId: people[2]!, on: '2026-10-20', codes: ['B86'] });
    await consult(t, c, { personId: people[2]!, on: '2026-10-22', codes: ['B86', 'J06.9'] });
    const res = await doctor.get(
      `/api/v1/surveillance/curve?syndrome=scabies&centreId=${c.centreId}&from=2026-W39&to=2026-W44`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const curve = json<{ syndrome: string; centreId: string; points: Record<string, unknown>[] }>(res);
    expect(curve).toMatchObject({ syndrome: 'scabies', centreId: c.centreId });
    expect(curve.points).toEqual([
      { week: '2026-W39', cases: 0, population: 20, rate: 0 },
      { week: '2026-W40', cases: 0, population: 20, rate: 0 },
      { week: '2026-W41', cases: 2, population: 25, rate: 80 },
      { week: '2026-W42', cases: 0, population: 25, rate: 0 },
      { week: '2026-W43', cases: 1, population: 25, rate: 40 },
      { week: '2026-W44', cases: 0, population: 25, rate: 0 },
    ]);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const res = await doctor.get('/api/v1/surveillance/curve?syndrome=scabies&from=2026-W44&to=2026-W39');
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path)).toContain('to');
  });
});

describe('the population of a week', () => {
  it('counts a person once a week, whether moved between centres or re-admitted in it', async () => {
    const c = await seedClinic(t);
    const d = await seedClinic(t);
    // X moves from C to D on Wednesday of 2026-W43; Y leaves C on Monday and is back on Thursday
    const [x] = await admit(t, c.centreId, 1, { admittedOn: '2026-01-01', endedOn: '2026-10-20' });
    await stay(t, x!, d.centreId, '2026-10-21');
    const [y] = await admit(t, c.centreId, 1, { admittedOn: '2026-01-01', endedOn: '2026-10-19' });
    await stay(t, y!, c.centreId, '2026-10-22');
    const weeks = ['2026-W42', '2026-W43', '2026-W44'];
    const [each, together] = await asSystem(t.ctx, t.missionId, async (w) => [
      await populationByWeek(w, [c.centreId, d.centreId], weeks),
      await populationByWeek(w, [c.centreId, d.centreId], weeks, true),
    ]);
    expect(Object.fromEntries(each)).toEqual({
      [`${c.centreId}|2026-W42`]: 2,
      [`${c.centreId}|2026-W43`]: 2,
      [`${d.centreId}|2026-W43`]: 1,
      [`${c.centreId}|2026-W44`]: 1,
      [`${d.centreId}|2026-W44`]: 1,
    });
    expect(Object.fromEntries(together)).toEqual({ '*|2026-W42': 2, '*|2026-W43': 2, '*|2026-W44': 2 });
  });
});

describe('/me', () => {
  it('offers surveillance and alerts to clinicians and managers, not to a caseworker', async () => {
    const caps = async (c: Client) =>
      json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(await caps(doctor)).toEqual(
      expect.arrayContaining([
        'surveillance:read',
        'surveillance:export',
        'surveillance:set_rules',
        'alerts:read',
        'alerts:verify',
      ]),
    );
    const scoped = await caps(await t.signIn({ role: 'doctor', centreIds: [a.centreId] }));
    expect(scoped).toContain('alerts:verify');
    expect(scoped).not.toContain('surveillance:set_rules');
    const manager = await caps(await t.signIn({ role: 'manager' }));
    expect(manager).toEqual(expect.arrayContaining(['surveillance:read', 'alerts:read', 'alerts:respond']));
    expect(manager).not.toContain('alerts:verify');
    const cw = await caps(await t.signIn({ role: 'caseworker' }));
    expect(cw.filter((c) => c.startsWith('surveillance') || c.startsWith('alerts'))).toEqual([]);
  });
});
