import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../domain/common/schemas';
import { FLAG_LABELS, type Flag, RISK_LEVEL_LABELS, type RiskLevel } from '../../../domain/protection/flags';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { SERVICE_LABELS } from '../../../domain/protection/sharing';
import { REFERRAL_STATUS_LABELS, TASK_STATUS_LABELS } from '../../../domain/protection/status-labels';
import { EXPORT_LABELS, type ExportLabel, LIST_SEPARATOR } from '../../platform/export-labels';
import { csvRows, exportEvents, xlsxRows } from '../../test/exports';
import {
  buildCentre,
  buildConsent,
  buildOrganisation,
  buildPerson,
  buildReferral,
  buildTask,
  createRecipient,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Exports of protection's lists: scope, filters, refusals and audit (platform/export.ts does the rest).

let t: TestApp;
let cwA: Client;
let cwB: Client;
let stock: Client;
const people: Record<string, string> = {};
beforeAll(async () => {
  t = await testApp();
  const a = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const b = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const orgA = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const orgB = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const unhcr = await createRecipient(t.admin, { name: 'UNHCR Export', kind: 'un_agency' });
  cwA = await t.signIn({ role: 'caseworker', centreIds: [a], organisationId: orgA });
  cwB = await t.signIn({ role: 'caseworker', centreIds: [b], organisationId: orgB });
  stock = await t.signIn({ role: 'stock_officer' });
  const refer = async (c: Client, centre: string, givenName: string, urgency: 'priority' | 'emergency') => {
    const person = json<{ id: string }>(
      await c.post('/api/v1/persons', buildPerson(centre, { givenName, familyName: 'Export' })),
    ).id;
    people[givenName] = person;
    expect((await c.post('/api/v1/consents', buildConsent(person, unhcr))).statusCode).toBe(201);
    const res = await c.post('/api/v1/referrals', buildReferral(person, unhcr, { urgency }));
    expect(res.statusCode).toBe(201);
    expect(
      (await c.post('/api/v1/tasks', buildTask(c.userId, { personId: person, title: `Call ${givenName}` })))
        .statusCode,
    ).toBe(201);
  };
  await refer(cwA, a, 'Halima', 'emergency');
  await refer(cwA, a, 'Idris', 'priority');
  await refer(cwB, b, 'Bilal', 'priority');
});
afterAll(() => t.close());

describe('protection exports', () => {
  it('referrals: only the reader’s scope, the filter applied, the reason left out, audited', async () => {
    const rows = csvRows(await cwA.get('/api/v1/referrals/export?format=csv&lang=en'));
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['Halima Export', 'Idris Export']);
    expect(rows.flat().join(' ')).not.toMatch(/persecution/);
    const urgent = csvRows(await cwA.get('/api/v1/referrals/export?format=csv&status=draft'));
    expect(urgent.length).toBeLessThanOrEqual(rows.length);
    expect((await exportEvents(t, cwA.username))[0]).toMatchObject({
      entityType: 'referral',
      detail: { format: 'csv', filter: { status: 'draft' } },
    });
  });

  it('cases: B sees only B’s case, in Arabic headers', async () => {
    const { rows } = await xlsxRows(await cwB.get('/api/v1/cases/export?format=xlsx&lang=ar'));
    expect(rows[0]?.[1]).toBe('الشخص');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Bilal Export']);
  });

  it('tasks: the reader’s own tasks, filtered', async () => {
    const rows = csvRows(await cwA.get('/api/v1/tasks/export?format=csv&status=open'));
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['Call Halima', 'Call Idris']);
    expect((await exportEvents(t, cwA.username))[0]).toMatchObject({
      entityType: 'task',
      detail: { filter: { status: 'open' }, rows: 2 },
    });
  });

  it('is refused exactly when the list is (the same policy action)', async () => {
    const refused = [];
    for (const list of ['referrals', 'cases', 'tasks']) {
      const status = (await stock.get(`/api/v1/${list}`)).statusCode;
      expect((await stock.get(`/api/v1/${list}/export?format=csv`)).statusCode).toBe(status);
      if (status === 403) refused.push(list);
    }
    expect(refused).toEqual(['referrals', 'cases']);
    expect((await exportEvents(t, stock.username)).map((e) => e.entityType)).toEqual(['task']);
  });

  it('writes statuses, services and urgencies in the export’s language (French, Arabic), never the code', async () => {
    const fr = csvRows(await cwA.get('/api/v1/referrals/export?format=csv&lang=fr'));
    const col = (rows: string[][], h: string) => rows[0]!.indexOf(h);
    const halima = fr.find((r) => r[2] === 'Halima Export')!;
    const referral = json<{ items: { service: string; status: string }[] }>(
      await cwA.get('/api/v1/referrals'),
    ).items[0]!;
    expect(halima[col(fr, 'Urgence')]).toBe('Urgente');
    expect(halima[col(fr, 'Service')]).toBe(SERVICE_LABELS[referral.service]!.fr);
    expect(halima[col(fr, 'Statut')]).toBe(REFERRAL_STATUS_LABELS[referral.status as 'draft'].fr);
    expect(halima[col(fr, 'En retard')]).toBe('Non');
    expect(halima).not.toContain('emergency');
    expect(halima).not.toContain(referral.status);

    const { rows: ar } = await xlsxRows(await cwB.get('/api/v1/cases/export?format=xlsx&lang=ar'));
    const bilal = ar[1]!;
    expect(bilal[col(ar, 'الحالة')]).toBe('مفتوحة');
    expect(bilal).not.toContain('open');
    const { rows: arReferrals } = await xlsxRows(
      await cwB.get('/api/v1/referrals/export?format=xlsx&lang=ar'),
    );
    expect(arReferrals[1]![col(arReferrals, 'الأولوية')]).toBe('ذات أولوية');
  });

  // the column of that header in the export's language
  const at = (rows: string[][], key: ExportLabel, lang: Locale) => rows[0]!.indexOf(EXPORT_LABELS[key][lang]);

  it('tasks: the status in the export’s language (French, Arabic), never the code', async () => {
    const fr = csvRows(await cwA.get('/api/v1/tasks/export?format=csv&lang=fr'));
    const { rows: ar } = await xlsxRows(await cwA.get('/api/v1/tasks/export?format=xlsx&lang=ar'));
    for (const [rows, lang] of [
      [fr, 'fr'],
      [ar, 'ar'],
    ] as const) {
      const statuses = rows.slice(1).map((r) => r[at(rows, 'status', lang)]);
      expect(statuses).toEqual([TASK_STATUS_LABELS.open[lang], TASK_STATUS_LABELS.open[lang]]);
    }
    expect(fr[1]![at(fr, 'status', 'fr')]).toBe('Ouverte');
  });

  it('screenings: the risk level and each flag in the export’s language, never the code', async () => {
    const trafficked = patch(BASE, {
      tr_forced_labour: 'yes',
      tr_documents_taken: 'yes',
      tr_confinement: 'yes',
    });
    const res = await cwA.post('/api/v1/screenings', {
      personId: people.Halima,
      screenedOn: '2026-11-01',
      answers: trafficked,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { riskLevel, flags } = json<{ riskLevel: RiskLevel; flags: Flag[] }>(res);
    expect(flags.length).toBeGreaterThan(0);
    const fr = csvRows(await cwA.get('/api/v1/screenings/export?format=csv&lang=fr'));
    const { rows: ar } = await xlsxRows(await cwA.get('/api/v1/screenings/export?format=xlsx&lang=ar'));
    for (const [rows, lang] of [
      [fr, 'fr'],
      [ar, 'ar'],
    ] as const) {
      expect(rows.length).toBe(2);
      const row = rows[1]!;
      expect(row[at(rows, 'riskLevel', lang)]).toBe(RISK_LEVEL_LABELS[riskLevel][lang]);
      expect(row[at(rows, 'flags', lang)]).toBe(
        flags.map((f) => FLAG_LABELS[f][lang]).join(LIST_SEPARATOR[lang]),
      );
      for (const code of [riskLevel, ...flags]) expect(row.join(' ')).not.toContain(code);
    }
  });
});
