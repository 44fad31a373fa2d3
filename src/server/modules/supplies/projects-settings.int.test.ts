import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../platform/http';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { buildProject } from '../../test/supplies-factories';
import { expectProblem, ok } from '../directory/directory.policy.support';
import { auditOf, expectFields, put } from './catalogue.fixtures';
import { settingsOf } from './lots.service';

// Projects (who paid for the stock), the mission's supplies settings and its eligibility rules.

type Project = {
  id: string;
  code: string;
  name: string;
  donorOrganisationId: string | null;
  donorName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  active: boolean;
  version: number;
  allowedActions: string[];
};
type Page = { items: Project[]; nextCursor: string | null; total: number; totalCapped: boolean };
type Settings = { nearExpiryBlockDays: number; nearExpiryBlockCategories: string[]; version: number };
type Rule = { category: string; intervalDays: number; allowed: number };

let t: TestApp;
let so: Client; // the mission's stock officer
let soA: Client; // a stock officer of one centre
let cw: Client; // a caseworker (reads stock, writes assistance)
let doctor: Client;
let monitor: Client;
let eu: string;
let italy: string;
let echo: Project;

const unknown = '0190a000-0000-7000-8000-000000000000';
const donor = async (name: string) =>
  json<{ id: string }>(
    await t.admin.post('/api/v1/organisations', buildOrganisation({ name, kind: 'donor' })),
  ).id;

beforeAll(async () => {
  t = await testApp();
  const centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  eu = await donor('European Union');
  italy = await donor('Italian Agency for Development Cooperation');
  so = await t.signIn({ role: 'stock_officer' });
  soA = await t.signIn({ role: 'stock_officer', centreIds: [centreA] });
  cw = await t.signIn({ role: 'caseworker', centreIds: [centreA] });
  doctor = await t.signIn({ role: 'doctor' });
  monitor = await t.signIn({ role: 'monitor' });
  echo = ok<Project>(
    await so.post(
      '/api/v1/projects',
      buildProject({ code: 'eu-prot-2026', name: 'EU protection 2026', donorOrganisationId: eu }),
    ),
    201,
  );
  ok(
    await so.post('/api/v1/projects', { ...buildProject({ code: 'IT-HEALTH' }), startsOn: '2026-01-01' }),
    201,
  );
  ok(await so.post('/api/v1/projects', buildProject({ code: 'AAA-CORE', name: 'Core funds' })), 201);
});
afterAll(() => t.close());

const projects = async (c: Client, query = '') => ok<Page>(await c.get(`/api/v1/projects${query}`));
const codes = (p: Page) => p.items.map((x) => x.code);

describe('projects', () => {
  it("are created with their donor's name, codes upper-cased, and audited", async () => {
    expect(echo).toMatchObject({
      code: 'EU-PROT-2026',
      donorOrganisationId: eu,
      donorName: 'European Union',
      startsOn: null,
      active: true,
      version: 1,
      allowedActions: ['read', 'update'],
    });
    expect(await auditOf(t, 'project', echo.id)).toMatchObject([
      { action: 'create', actorUsername: so.username },
    ]);
  });

  it('refuse an unknown donor (422), dates out of order or malformed (400), a code in use (409)', async () => {
    expectFields(await so.post('/api/v1/projects', buildProject({ donorOrganisationId: unknown })), 422, [
      'donorOrganisationId',
    ]);
    expectFields(
      await so.post('/api/v1/projects', { ...buildProject(), startsOn: '2026-06-01', endsOn: '2026-05-31' }),
      400,
      ['endsOn'],
    );
    expectFields(await so.post('/api/v1/projects', { ...buildProject(), startsOn: '2026-13-01' }), 400, [
      'startsOn',
    ]);
    expectFields(await so.post('/api/v1/projects', buildProject({ code: 'it-health' })), 409, ['code']);
    expectFields(await so.post('/api/v1/projects', { code: 'X Y', name: '' }), 400, ['code', 'name']);
    expect((await projects(so)).total).toBe(3);
  });

  it('are listed by code, counted, filtered by active and by code or name', async () => {
    const all = await projects(so);
    expect(codes(all)).toEqual(['AAA-CORE', 'EU-PROT-2026', 'IT-HEALTH']);
    expect(all.total).toBe(3);
    const first = await projects(so, '?limit=2');
    const rest = await projects(so, `?limit=2&cursor=${first.nextCursor}`);
    expect([...codes(first), ...codes(rest)]).toEqual(codes(all));
    expect(rest.nextCursor).toBeNull();
    expect(codes(await projects(so, '?q=core'))).toEqual(['AAA-CORE']);
    expect(codes(await projects(so, '?q=eu-'))).toEqual(['EU-PROT-2026']);
    expect((await projects(so, '?active=false')).total).toBe(0);
  });

  it('are changed with their version: donor, dates checked as changed, deactivation audited as such', async () => {
    const p = ok<Project>(
      await so.post('/api/v1/projects', { ...buildProject(), startsOn: '2026-03-01' }),
      201,
    );
    const url = `/api/v1/projects/${p.id}`;
    // the end before the stored start
    expectFields(await so.patch(url, { version: 1, endsOn: '2026-02-01' }), 422, ['endsOn']);
    expectFields(await so.patch(url, { version: 1, donorOrganisationId: unknown }), 422, [
      'donorOrganisationId',
    ]);
    const changed = ok<Project>(
      await so.patch(url, { version: 1, donorOrganisationId: italy, endsOn: '2026-12-31' }),
    );
    expect(changed).toMatchObject({
      donorName: 'Italian Agency for Development Cooperation',
      endsOn: '2026-12-31',
      version: 2,
    });
    expect(expectProblem(await so.patch(url, { version: 1, name: 'Late' }), 409)).toMatchObject({
      code: 'stale_version',
    });
    ok(await so.patch(url, { version: 2, active: false, donorOrganisationId: null }));
    expect(codes(await projects(so, '?active=false'))).toEqual([p.code]);
    const events = await auditOf(t, 'project', p.id);
    expect(events.map((e) => [e.action, e.changedFields.sort()])).toEqual([
      ['create', ['code', 'name', 'startsOn']],
      ['update', ['donorOrganisationId', 'endsOn']],
      ['deactivate', ['active', 'donorOrganisationId']],
    ]);
    expectProblem(await so.get(`/api/v1/projects/${unknown}`), 404);
  });

  it('are read by every reader of stock or assistance; written only by a mission-wide stock writer', async () => {
    for (const c of [cw, doctor, soA])
      expect(ok<Project>(await c.get(`/api/v1/projects/${echo.id}`)).allowedActions).toEqual(['read']);
    expect((await projects(cw)).total).toBeGreaterThan(0);
    for (const c of [cw, doctor, soA]) {
      expectProblem(await c.post('/api/v1/projects', buildProject()), 403);
      expectProblem(await c.patch(`/api/v1/projects/${echo.id}`, { version: 1, name: 'X' }), 403);
    }
    expectProblem(await monitor.get('/api/v1/projects'), 403);
    expectProblem(await monitor.get(`/api/v1/projects/${echo.id}`), 403);
  });
});

describe('supplies settings', () => {
  const url = '/api/v1/stock/settings';

  it('are the defaults, version 0, until first saved; the first save creates them (audited)', async () => {
    expect(ok<Settings>(await so.get(url))).toEqual({
      nearExpiryBlockDays: 0,
      nearExpiryBlockCategories: [],
      version: 0,
    });
    const saved = ok<Settings>(
      await so.patch(url, {
        version: 0,
        nearExpiryBlockDays: 90,
        nearExpiryBlockCategories: ['medicine', 'food', 'medicine'],
      }),
    );
    // once each, in the catalogue's order
    expect(saved).toEqual({
      nearExpiryBlockDays: 90,
      nearExpiryBlockCategories: ['medicine', 'food'],
      version: 1,
    });
    expect(ok<Settings>(await cw.get(url))).toEqual(saved);
    // what the ledger applies when it issues
    const seen = await asSystem(t.ctx, t.missionId, (w) => settingsOf(w));
    expect(seen).toMatchObject({ nearExpiryBlockDays: 90, nearExpiryBlockCategories: ['medicine', 'food'] });

    expect(expectProblem(await so.patch(url, { version: 0, nearExpiryBlockDays: 30 }), 409)).toMatchObject({
      code: 'stale_version',
    });
    expect(ok<Settings>(await so.patch(url, { version: 1, nearExpiryBlockDays: 60 }))).toMatchObject({
      nearExpiryBlockDays: 60,
      version: 2,
    });
    const events = await auditOf(t, 'supplies_settings', t.missionId);
    expect(events.map((e) => [e.action, e.changedFields.sort()])).toEqual([
      ['create', ['nearExpiryBlockCategories', 'nearExpiryBlockDays']],
      ['update', ['nearExpiryBlockDays']],
    ]);
  });

  it('refuse bad values (400 naming the field) and change nothing', async () => {
    const before = ok<Settings>(await so.get(url));
    expectFields(await so.patch(url, { version: before.version, nearExpiryBlockDays: 400 }), 400, [
      'nearExpiryBlockDays',
    ]);
    expectFields(await so.patch(url, { version: before.version, nearExpiryBlockCategories: ['toys'] }), 400, [
      'nearExpiryBlockCategories.0',
    ]);
    expectFields(await so.patch(url, { nearExpiryBlockDays: 10 }), 400, ['version']);
    expect(ok<Settings>(await so.get(url))).toEqual(before);
  });

  it('are read by readers of stock or assistance, changed only by a mission-wide stock writer', async () => {
    ok(await doctor.get(url));
    for (const c of [cw, doctor, soA])
      expectProblem(await c.patch(url, { version: 2, nearExpiryBlockDays: 1 }), 403);
    expectProblem(await monitor.get(url), 403);
  });
});

describe('eligibility rules', () => {
  const url = '/api/v1/distributions/rules';
  const rules = async (c: Client) => ok<{ items: Rule[] }>(await c.get(url)).items;

  it("replace the mission's rules as a whole, audited with the categories changed", async () => {
    expect(await rules(so)).toEqual([]);
    const set = ok<{ items: Rule[] }>(
      await put(so, url, {
        items: [
          { category: 'hygiene', intervalDays: 14, allowed: 2 },
          { category: 'clothing', intervalDays: 30 },
        ],
      }),
    );
    expect(set.items).toEqual([
      { category: 'clothing', intervalDays: 30, allowed: 1 },
      { category: 'hygiene', intervalDays: 14, allowed: 2 },
    ]);
    ok(
      await put(so, url, {
        items: [
          { category: 'clothing', intervalDays: 30, allowed: 1 },
          { category: 'bedding', intervalDays: 180, allowed: 1 },
        ],
      }),
    );
    expect(await rules(cw)).toEqual([
      { category: 'bedding', intervalDays: 180, allowed: 1 },
      { category: 'clothing', intervalDays: 30, allowed: 1 },
    ]);
    const events = await auditOf(t, 'eligibility_rules', t.missionId);
    expect(events.map((e) => [e.action, e.changedFields])).toEqual([
      ['update', ['clothing', 'hygiene']],
      ['update', ['bedding', 'hygiene']],
    ]);
  });

  it('refuse two rules for one category (422), bad numbers or categories (400), and keep the rules', async () => {
    const before = await rules(so);
    expectFields(
      await put(so, url, {
        items: [
          { category: 'food', intervalDays: 7 },
          { category: 'food', intervalDays: 30 },
        ],
      }),
      422,
      ['items.1.category'],
    );
    expectFields(await put(so, url, { items: [{ category: 'food', intervalDays: 0 }] }), 400, [
      'items.0.intervalDays',
    ]);
    expectFields(await put(so, url, { items: [{ category: 'toys', intervalDays: 7 }] }), 400, [
      'items.0.category',
    ]);
    expectFields(await put(so, url, { items: [{ category: 'food', intervalDays: 7, allowed: 0 }] }), 400, [
      'items.0.allowed',
    ]);
    expect(await rules(so)).toEqual(before);
  });

  it('are cleared by an empty list', async () => {
    ok(await put(so, url, { items: [] }));
    expect(await rules(so)).toEqual([]);
  });

  it('are read by readers of stock or assistance, replaced only by a mission-wide stock writer', async () => {
    ok(await doctor.get(url));
    for (const c of [cw, doctor, soA]) expectProblem(await put(c, url, { items: [] }), 403);
    expectProblem(await monitor.get(url), 403);
  });
});
