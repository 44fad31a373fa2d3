import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import {
  buildCentre,
  buildConsent,
  buildOrganisation,
  buildPerson,
  buildReferral,
  createRecipient,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// GET /screenings without a person: the screenings in the reader's scope, filtered and paginated;
// GET /screenings/awaiting-referral: flagged people in scope with no referral under way or done.

let t: TestApp;
let po: Client;
let centreA: string;
let centreB: string;
let unhcr: string;
const people: Record<string, string> = {};
const screening: Record<string, string> = {};

const FEAR = patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] });
const TRAFFICKED = patch(BASE, { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' });
type S = { id: string; personId: string; flags: string[]; riskLevel: string; screenedOn: string };
type Page<T> = { items: T[]; nextCursor: string | null };
type Awaiting = {
  personId: string;
  riskLevel: string;
  recommendedService: string | null;
  allowedActions: string[];
};

beforeAll(async () => {
  t = await testApp();
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  po = await t.signIn({ role: 'protection_officer' });
  const screen = async (name: string, centre: string, answers: object, screenedOn: string) => {
    people[name] = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
    const res = await po.post('/api/v1/screenings', { personId: people[name], screenedOn, answers });
    expect(res.statusCode, res.body).toBe(201);
    screening[name] = json<S>(res).id;
  };
  await screen('fearA', centreA, FEAR, '2026-10-10');
  await screen('traffickedA', centreA, TRAFFICKED, '2026-10-20');
  await screen('calmA', centreA, BASE, '2026-10-25');
  await screen('fearB', centreB, FEAR, '2026-11-01');
});
afterAll(() => t.close());

const list = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/screenings${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page<S>>(res);
};
const ids = (p: Page<S>) => p.items.map((s) => s.id);

describe('screenings in scope', () => {
  it('lists every screening in scope, newest first, a page at a time', async () => {
    const all = await list(po);
    expect(ids(all)).toEqual([screening.fearB, screening.calmA, screening.traffickedA, screening.fearA]);
    const first = await list(po, '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(po, `?limit=3&cursor=${first.nextCursor}`);
    expect(ids(rest)).toEqual([screening.fearA]);
    expect(rest.nextCursor).toBeNull();
  });

  it('filters by flag, risk level, centre and date range', async () => {
    expect(ids(await list(po, '?flag=international_protection_need'))).toEqual([
      screening.fearB,
      screening.fearA,
    ]);
    expect(ids(await list(po, '?riskLevel=low'))).toEqual([screening.calmA]);
    expect(ids(await list(po, `?centreId=${centreB}`))).toEqual([screening.fearB]);
    expect(ids(await list(po, '?from=2026-10-15&to=2026-10-31'))).toEqual([
      screening.calmA,
      screening.traffickedA,
    ]);
    expect(ids(await list(po, `?centreId=${centreA}&flag=trafficking_victim_suspected`))).toEqual([
      screening.traffickedA,
    ]);
  });

  it('refuses bad filters with field errors', async () => {
    for (const q of [
      '?flag=sad',
      '?riskLevel=extreme',
      '?from=2026-02-30',
      '?centreId=nope',
      '?from=2026-11-02&to=2026-11-01',
    ]) {
      const res = await po.get(`/api/v1/screenings${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(json<{ errors: unknown[] }>(res).errors.length, q).toBeGreaterThan(0);
    }
  });

  it('shows a user of another centre none of them, and a user of centre B only B’s', async () => {
    const elsewhere = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const stranger = await t.signIn({
      role: 'protection_officer',
      centreIds: [elsewhere],
      organisationId: org,
    });
    expect((await list(stranger)).items).toEqual([]);
    expect((await list(stranger, `?centreId=${centreA}`)).items).toEqual([]);
    const awaiting = json<Page<Awaiting>>(await stranger.get('/api/v1/screenings/awaiting-referral'));
    expect(awaiting.items).toEqual([]);
    const inB = await t.signIn({ role: 'caseworker', centreIds: [centreB], organisationId: org });
    expect(ids(await list(inB))).toEqual([screening.fearB]);
    expect(ids(await list(inB, `?centreId=${centreA}`))).toEqual([]);
  });

  it('is refused to roles that do not read protection data', async () => {
    for (const role of ['doctor', 'stock_officer', 'viewer'] as const) {
      const c = await t.signIn({ role });
      expect((await c.get('/api/v1/screenings')).statusCode, role).toBe(403);
      expect((await c.get('/api/v1/screenings/awaiting-referral')).statusCode, role).toBe(403);
    }
  });
});

describe('flagged people awaiting a referral', () => {
  it('lists flagged people without a referral, most serious first, until one is under way', async () => {
    const awaiting = async () =>
      json<Page<Awaiting>>(await po.get('/api/v1/screenings/awaiting-referral')).items.map((a) => a.personId);
    const first = json<Page<Awaiting>>(await po.get('/api/v1/screenings/awaiting-referral')).items;
    expect(first.map((a) => a.personId)).toEqual([people.traffickedA, people.fearA, people.fearB]);
    expect(first[1]).toMatchObject({
      riskLevel: 'medium',
      recommendedService: 'international_protection',
      allowedActions: ['referrals:create'],
    });
    expect(first.map((a) => a.personId)).not.toContain(people.calmA);
    // referred: off the list; the referral cancelled: back on it
    await po.post('/api/v1/consents', buildConsent(people.fearA!, unhcr));
    const r = json<{ id: string; version: number }>(
      await po.post('/api/v1/referrals', buildReferral(people.fearA!, unhcr)),
    );
    expect(await awaiting()).toEqual([people.traffickedA, people.fearB]);
    await po.post(`/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', version: r.version });
    expect(await awaiting()).toContain(people.fearA);
    // a later screening with no flag: no longer waiting
    await po.post('/api/v1/screenings', { personId: people.fearB, screenedOn: '2026-11-02', answers: BASE });
    expect(await awaiting()).not.toContain(people.fearB);
  });

  it('pages', async () => {
    const one = json<Page<Awaiting>>(await po.get('/api/v1/screenings/awaiting-referral?limit=1'));
    expect(one.items).toHaveLength(1);
    expect(one.nextCursor).toBe('1');
  });
});
