import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '../../../domain/access/role-labels';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../domain/audit/labels';
import { countryName } from '../../../domain/common/countries';
import { LOCALE_LABELS } from '../../../domain/common/labels';
import type { Locale } from '../../../domain/common/schemas';
import { CENTRE_TYPE_LABELS, ORGANISATION_KIND_LABELS } from '../../../domain/directory/labels';
import { EXPORT_LABELS, type ExportLabel, LIST_SEPARATOR } from '../../platform/export-labels';
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
    const rows = csvRows(await t.admin.get('/api/v1/audit/export?format=csv&action=export&lang=en'));
    expect(rows.slice(1).every((r) => r[3] === 'Exported')).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    expect((await cw.get('/api/v1/audit/export?format=csv')).statusCode).toBe(403);
    expect((await exportEvents(t, cw.username)).filter((e) => e.entityType === 'audit_event')).toEqual([]);
  });

  describe('coded values in the export’s language (French, Arabic), never the code', () => {
    // each language's rows, the French as CSV and the Arabic as XLSX
    const both = async (path: string) => {
      const fr = csvRows(await t.admin.get(`/api/v1/${path}&format=csv&lang=fr`));
      const { rows: ar } = await xlsxRows(await t.admin.get(`/api/v1/${path}&format=xlsx&lang=ar`));
      return [
        [fr, 'fr'],
        [ar, 'ar'],
      ] as const;
    };
    const cell = (rows: readonly string[][], row: number, key: ExportLabel, lang: Locale) =>
      rows[row]![rows[0]!.indexOf(EXPORT_LABELS[key][lang])];

    it('centres: the type', async () => {
      for (const [rows, lang] of await both('centres/export?type=detention')) {
        expect(cell(rows, 1, 'type', lang)).toBe(CENTRE_TYPE_LABELS.detention[lang]);
        expect(rows[1]).not.toContain('detention');
      }
    });

    it('organisations: the kind and the country', async () => {
      for (const [rows, lang] of await both('organisations/export?kind=embassy')) {
        expect(cell(rows, 1, 'kind', lang)).toBe(ORGANISATION_KIND_LABELS.embassy[lang]);
        expect(cell(rows, 1, 'country', lang)).toBe(countryName('LBY', lang));
        expect(rows[1]).not.toContain('embassy');
        expect(rows[1]).not.toContain('LBY');
      }
    });

    it('users: every role once in one cell, and the interface language', async () => {
      const two = await t.signIn({
        roles: [
          { role: 'caseworker', centreIds: [a] },
          { role: 'monitor', centreIds: [] },
          { role: 'caseworker', centreIds: [] },
        ],
      });
      const { locale } = json<{ locale: Locale }>(await t.admin.get(`/api/v1/users/${two.userId}`));
      for (const [rows, lang] of await both('users/export?role=monitor')) {
        expect(rows.slice(1).map((r) => r[0])).toEqual([two.username]);
        const roles = cell(rows, 1, 'roles', lang)!.split(LIST_SEPARATOR[lang]).sort();
        expect(roles).toEqual([ROLE_LABELS.caseworker[lang], ROLE_LABELS.monitor[lang]].sort());
        expect(cell(rows, 1, 'locale', lang)).toBe(LOCALE_LABELS[locale][lang]);
        expect(rows[1]!.join(' ')).not.toMatch(/caseworker|monitor/);
        expect(rows[1]).not.toContain(locale);
      }
    });

    it('audit: the action and the record type', async () => {
      // the users' exports above wrote export events about users
      for (const [rows, lang] of await both('audit/export?action=export&entityType=user')) {
        expect(rows.length).toBeGreaterThan(1);
        for (let i = 1; i < rows.length; i++) {
          expect(cell(rows, i, 'action', lang)).toBe(AUDIT_ACTION_LABELS.export[lang]);
          expect(cell(rows, i, 'entityType', lang)).toBe(AUDIT_ENTITY_LABELS.user![lang]);
          expect(rows[i]).not.toContain('user');
        }
      }
      // the export of the trail itself, written by the first of these two
      const [, [ar]] = await both('audit/export?action=export&entityType=audit_event');
      expect(cell(ar, 1, 'entityType', 'ar')).toBe('سجل التدقيق');
    });
  });
});
