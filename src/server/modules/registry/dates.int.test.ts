import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Impossible or implausible dates are refused with a 400 naming the field, never stored, never a 500.

let t: TestApp;
let cw: Client;
let centre: string;
let personId: string;
beforeAll(async () => {
  t = await testApp();
  centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  personId = json<{ id: string }>(await cw.post('/api/v1/persons', buildPerson(centre))).id;
});
afterAll(() => t.close());

type Problem = { status: number; errors?: { path: string; message: string }[] };
const refused = (res: Awaited<ReturnType<Client['get']>>, field: string) => {
  expect(res.statusCode, res.body).toBe(400);
  const paths = (json<Problem>(res).errors ?? []).map((e) => e.path.replace(/^\/|^body\./, ''));
  expect(paths).toContain(field);
};

describe('registration dates', () => {
  it.each([
    ['birthDate', '9999-12-31'],
    ['birthDate', '1899-12-31'],
    ['birthDate', '2026-02-30'],
    ['admittedOn', '0001-01-01'],
    ['admittedOn', '1999-12-31'],
    ['admittedOn', '2026-02-30'],
    ['admittedOn', '9999-12-31'],
  ])('%s %s', async (field, value) => {
    refused(await cw.post('/api/v1/persons', buildPerson(centre, { [field]: value })), field);
  });

  it('keeps accepting a plausible old birth date and a leap day', async () => {
    const res = await cw.post('/api/v1/persons', buildPerson(centre, { birthDate: '1924-02-29' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an implausible birth date on update', async () => {
    const p = json<{ id: string; version: number }>(await cw.get(`/api/v1/persons/${personId}`));
    refused(
      await cw.patch(`/api/v1/persons/${p.id}`, { version: p.version, birthDate: '9999-12-31' }),
      'birthDate',
    );
  });
});

describe('movement and headcount dates', () => {
  it.each([
    ['release', { type: 'release', date: '0001-01-01' }, 'date'],
    [
      'transfer',
      { type: 'transfer', centreId: '00000000-0000-7000-8000-000000000000', date: '2026-02-30' },
      'date',
    ],
  ])('%s', async (_name, body, field) => {
    refused(await cw.post(`/api/v1/persons/${personId}/episodes`, body), field);
  });

  it('refuses a headcount before the mission', async () => {
    const monitor = await t.signIn({ role: 'monitor' });
    refused(
      await monitor.post(`/api/v1/centres/${centre}/headcounts`, { countedOn: '0001-01-01', total: 3 }),
      'countedOn',
    );
  });
});

describe('protection dates', () => {
  it('refuses impossible consent, screening and task dates', async () => {
    const po = await t.signIn({ role: 'protection_officer' });
    refused(
      await po.post('/api/v1/consents', {
        personId,
        purpose: 'referral',
        recipientOrganisationId: personId,
        decision: 'given',
        method: 'verbal',
        language: 'ar',
        givenOn: '0001-01-01',
      }),
      'givenOn',
    );
    refused(
      await po.post('/api/v1/screenings', { personId, screenedOn: '2026-02-30', answers: {} }),
      'screenedOn',
    );
    refused(
      await po.post('/api/v1/tasks', { title: 'Call', dueOn: '9999-12-31', assigneeUserId: po.userId }),
      'dueOn',
    );
  });
});
