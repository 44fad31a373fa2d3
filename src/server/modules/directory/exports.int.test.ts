import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, exportEvents, xlsxRows } from '../../test/exports';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Exports of the directory's lists and of the audit trail (platform/export.ts does the rest).

let t: TestApp;
let cw: Client;
let a: string;
beforeAll(async () => {
  t = await testApp();
  a = json<{ id: string }>(
    await t.admin.post(
      '/api/v1/centres',
      buildCentre({ name: 'Abu Salim', nameAr: 'أبو سليم', type: 'detention' }),
    ),
  ).id;
  await t.admin.post('/api/v1/centres', buildCentre({ name: 'Zuwara Shelter', type: 'transit' }));
  await t.admin.post(
    '/api/v1/organisations',
    buildOrganisation({ name: 'Embassy of Niger', kind: 'embassy' }),
  );
  await t.admin.post(
    '/api/v1/organisations',
    buildOrganisation({ name: 'Helping Hands', kind: 'partner_ngo' }),
  );
  cw = await t.signIn({ role: 'caseworker', centreIds: [a] });
});
afterAll(() => t.close());

describe('directory and audit exports', () => {
  it('centres: the filter applies, Arabic names survive, audited with the filter', async () => {
    const rows = csvRows(await t.admin.get('/api/v1/centres/export?format=csv&type=detention&lang=en'));
    expect(rows[0]?.slice(0, 2)).toEqual(['Name', 'Name in Arabic']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['Abu Salim', 'أبو سليم']]);
    expect((await exportEvents(t, t.admin.username))[0]).toMatchObject({
      entityType: 'centre',
      detail: { filter: { type: 'detention' }, rows: 1 },
    });
  });

  it('centres: a caseworker of one centre exports only that centre', async () => {
    const { rows } = await xlsxRows(await cw.get('/api/v1/centres/export?format=xlsx'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Abu Salim']);
  });

  it('organisations: filtered by kind', async () => {
    const { rows } = await xlsxRows(
      await t.admin.get('/api/v1/organisations/export?format=xlsx&kind=embassy'),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Embassy of Niger']);
  });

  it('users: filtered by role; refused to a caseworker like the list', async () => {
    const rows = csvRows(await t.admin.get('/api/v1/users/export?format=csv&role=caseworker'));
    expect(rows.slice(1).map((r) => r[0])).toEqual([cw.username]);
    expect((await cw.get('/api/v1/users')).statusCode).toBe(403);
    expect((await cw.get('/api/v1/users/export?format=csv')).statusCode).toBe(403);
  });

  it('audit: exports the trail with its filter; a caseworker may not', async () => {
    const rows = csvRows(await t.admin.get('/api/v1/audit/export?format=csv&action=export'));
    expect(rows.slice(1).every((r) => r[3] === 'export')).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    expect((await cw.get('/api/v1/audit/export?format=csv')).statusCode).toBe(403);
    expect((await exportEvents(t, cw.username)).filter((e) => e.entityType === 'audit_event')).toEqual([]);
  });
});
