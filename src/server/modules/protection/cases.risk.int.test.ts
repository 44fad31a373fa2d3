import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// The cases list carries each person's latest screening risk and flags, so the home page needs no
// request per case (issue 9 §4).

let t: TestApp;
let cw: Client;
let po: Client;
const ids: Record<'rescreened' | 'trafficked' | 'unscreened', string> = {
  rescreened: '',
  trafficked: '',
  unscreened: '',
};
const trafficked = patch(BASE, { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' });

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
  for (const k of Object.keys(ids) as (keyof typeof ids)[])
    ids[k] = json<{ id: string }>(await cw.post('/api/v1/persons', buildPerson(centre))).id;
  const screen = async (personId: string, screenedOn: string, answers: typeof BASE) => {
    const r = await cw.post('/api/v1/screenings', { personId, screenedOn, answers });
    expect(r.statusCode, r.body).toBe(201);
  };
  // the later screening wins, even when recorded first
  await screen(ids.rescreened, '2026-11-02', BASE);
  await screen(ids.rescreened, '2026-10-20', trafficked);
  await screen(ids.trafficked, '2026-11-01', trafficked);
  await po.post('/api/v1/notes', { personId: ids.unscreened, category: 'follow_up', body: 'Opened' });
});
afterAll(() => t.close());

type Case = { personId: string; riskLevel: string | null; flags: string[] };
type Summary = { riskLevel: string | null; flags: string[] };

describe('cases carry the latest risk level and flags', () => {
  it('lists each case with its person’s latest screening, as the protection summary says', async () => {
    const items = json<{ items: Case[] }>(await po.get('/api/v1/cases?limit=200')).items;
    expect(items).toHaveLength(3);
    for (const c of items) {
      const s = json<Summary>(await po.get(`/api/v1/persons/${c.personId}/protection`));
      expect({ riskLevel: c.riskLevel, flags: c.flags }).toEqual({ riskLevel: s.riskLevel, flags: s.flags });
    }
    const by = new Map(items.map((c) => [c.personId, c]));
    expect(['high', 'critical']).toContain(by.get(ids.trafficked)?.riskLevel);
    expect(by.get(ids.trafficked)?.flags).toContain('trafficking_victim_suspected');
    expect(['high', 'critical']).not.toContain(by.get(ids.rescreened)?.riskLevel);
    expect(by.get(ids.rescreened)?.flags).not.toContain('trafficking_victim_suspected');
    expect(by.get(ids.unscreened)).toMatchObject({ riskLevel: null, flags: [] });
  });

  it('gives one case the same fields', async () => {
    const [first] = json<{ items: { id: string; personId: string }[] }>(
      await po.get(`/api/v1/cases?personId=${ids.trafficked}`),
    ).items;
    const one = json<Case>(await po.get(`/api/v1/cases/${first!.id}`));
    expect(one.flags).toContain('trafficking_victim_suspected');
  });
});
