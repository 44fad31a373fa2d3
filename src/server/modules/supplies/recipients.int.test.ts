import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { type Dist, open, register, ruleOf } from './distributions.fixtures';

// A stock officer reads no identity data (DESIGN §5) yet hands out items person by person: the
// recorder of an event reaches the people held at its centre on its day, and no one else.

let t: TestApp;
let s: SuppliesWorld;
let cw: Client;
let so: Client;
let d: Dist;
const ids: Record<string, string> = {};
type People = {
  items: {
    id: string;
    givenName: string;
    familyName: string;
    served: boolean;
    warnings: { category: string }[];
  }[];
  total: number;
  served: number;
};

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  await ruleOf(t, 'clothing', 30);
  cw = await t.signIn({ role: 'caseworker' });
  so = await t.signIn({ role: 'stock_officer' });
  const at = { admittedOn: '2026-10-01' };
  ids.mohamed = await register(cw, s.centreA, { givenName: 'Mohamed', familyName: 'Abdelrahman', ...at });
  ids.fatima = await register(cw, s.centreA, { givenName: 'Fatima', familyName: 'Ousmane', ...at });
  ids.elsewhere = await register(cw, s.centreB, { givenName: 'Mohamed', familyName: 'Abdelrahman', ...at });
  await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 50 });
  d = await open(so, { centreId: s.centreA, stockPointId: s.storeA, itemIds: [s.clothing] });
});
afterAll(() => t.close());

describe("an event's people", () => {
  it('finds the people held at the centre that day in another spelling, and no one elsewhere', async () => {
    // the stock officer may not search the registry…
    expect((await so.get('/api/v1/persons?q=Mohammed')).statusCode).toBe(403);
    // …but finds the centre's Mohamed among the event's people, not his namesake held at B
    const res = await so.get(
      `/api/v1/distributions/${d.id}/people?q=${encodeURIComponent('Muhammad Abdel Rahman')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const found = json<People>(res).items.map((p) => p.id);
    expect(found).toContain(ids.mohamed);
    expect(found).not.toContain(ids.elsewhere);
    const all = json<People>(await so.get(`/api/v1/distributions/${d.id}/people?limit=100`));
    expect(all.total).toBe(2);
    expect(all.items.map((p) => p.id).sort()).toEqual([ids.mohamed, ids.fatima].sort());
  });

  it('lets the stock officer record a person of the event, names them on its lines, and marks them served', async () => {
    const res = await so.post(`/api/v1/distributions/${d.id}/recipients`, {
      personId: ids.fatima,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Dist>(res).lines[0]).toMatchObject({ personId: ids.fatima, personName: 'Fatima Ousmane' });
    const all = json<People>(await so.get(`/api/v1/distributions/${d.id}/people`));
    expect(all.served).toBe(1);
    expect(all.items.find((p) => p.id === ids.fatima)?.served).toBe(true);
    // someone held elsewhere cannot be named through the event (404: no hint they exist)
    const away = await so.post(`/api/v1/distributions/${d.id}/recipients`, {
      personId: ids.elsewhere,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(away.statusCode).toBe(404);
  });

  it('answers a save with the header and only the lines it wrote; the event holds them all', async () => {
    const res = await so.post(`/api/v1/distributions/${d.id}/recipients`, {
      personId: ids.mohamed,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = json<Dist>(res);
    expect(answer.lines.map((l) => l.personId)).toEqual([ids.mohamed]);
    expect(answer.recipients).toBe(2);
    const whole = json<Dist>(await so.get(`/api/v1/distributions/${d.id}`));
    expect(whole.lines.map((l) => l.personId).sort()).toEqual([ids.fatima, ids.mohamed].sort());
  });

  it("shows a searched person's eligibility warnings before anything is saved", async () => {
    const later = await open(so, {
      centreId: s.centreA,
      stockPointId: s.storeA,
      itemIds: [s.clothing],
      occurredOn: '2026-10-20',
    });
    const res = json<People>(await so.get(`/api/v1/distributions/${later.id}/people?q=Fatima%20Ousmane`));
    const fatima = res.items.find((p) => p.id === ids.fatima);
    expect(fatima?.warnings.map((w) => w.category)).toEqual(['clothing']);
    expect(fatima?.served).toBe(false);
  });

  it('is for those who may record the event: a doctor (assistance read only) is refused', async () => {
    const doctor = await t.signIn({ role: 'doctor' });
    expect((await doctor.get(`/api/v1/distributions/${d.id}/people`)).statusCode).toBe(403);
    const other = await t.signIn({ role: 'stock_officer', centreIds: [s.centreB] });
    expect([403, 404]).toContain((await other.get(`/api/v1/distributions/${d.id}/people`)).statusCode);
  });
});
