import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtectionFigures } from '../../../domain/protection/figures';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { buildCentre, buildConsent, buildPerson, buildReferral, createRecipient } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// GET /protection/figures: the home page's protection picture over the reader's scope.
let t: TestApp;
let centreA: string;
let centreB: string;
const people: Record<string, string> = {};

const FEAR = patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] });
const TRAFFICKED = patch(BASE, { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' });

const figures = async (c: Client) => {
  const res = await c.get('/api/v1/protection/figures');
  expect(res.statusCode, res.body).toBe(200);
  return json<ProtectionFigures>(res);
};

beforeAll(async () => {
  t = await testApp();
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  const po = await t.signIn({ role: 'protection_officer' });
  const screen = async (name: string, centre: string, answers: object) => {
    people[name] = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
    const res = await po.post('/api/v1/screenings', {
      personId: people[name],
      screenedOn: '2026-11-01',
      answers,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await screen('fearA', centreA, FEAR);
  await screen('traffickedA', centreA, TRAFFICKED);
  await screen('calmA', centreA, BASE);
  await screen('fearB', centreB, FEAR);
  // the trafficked man is referred, and nobody answers for ten days
  expect((await po.post('/api/v1/consents', buildConsent(people.traffickedA!, unhcr))).statusCode).toBe(201);
  const r = json<{ id: string; version: number }>(
    await po.post('/api/v1/referrals', buildReferral(people.traffickedA!, unhcr)),
  );
  const sent = await po.post(`/api/v1/referrals/${r.id}/transitions`, { to: 'sent', version: r.version });
  expect(sent.statusCode, sent.body).toBe(200);
  t.advance(10 * 86_400_000);
});
afterAll(() => t.close());

describe('protection figures', () => {
  it('gives a manager the mission: flagged people, those still to refer, overdue referrals, open cases', async () => {
    const manager = await t.signIn({ role: 'manager' });
    const f = await figures(manager);
    expect(f).toMatchObject({ flaggedPeople: 3, awaitingReferral: 2, overdueReferrals: 1 });
    const open = json<{ items: unknown[] }>(await manager.get('/api/v1/cases?status=open&limit=200'));
    expect(f.openCases).toBe(open.items.length);
  });

  it('counts only what a centre-scoped officer may see', async () => {
    const poB = await t.signIn({ role: 'protection_officer', centreIds: [centreB] });
    expect(await figures(poB)).toMatchObject({ flaggedPeople: 1, awaitingReferral: 1, overdueReferrals: 0 });
  });

  it('refuses roles that read no protection data', async () => {
    for (const role of ['viewer', 'stock_officer', 'doctor'] as const) {
      const c = await t.signIn({ role });
      expect((await c.get('/api/v1/protection/figures')).statusCode, role).toBe(403);
    }
  });
});
