import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { type Dist, onHand, open, register, ruleOf } from './distributions.fixtures';

let t: TestApp;
let s: SuppliesWorld;
let cwA: Client; // caseworker at centre A (a partner NGO)
let cwB: Client; // caseworker at centre B
let so: Client; // the mission's stock officer: assistance rw, sees no one's identity
beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  await ruleOf(t, 'clothing', 30);
  const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  cwA = await t.signIn({ role: 'caseworker', organisationId: org, centreIds: [s.centreA] });
  cwB = await t.signIn({ role: 'caseworker', centreIds: [s.centreB] });
  so = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

const recipient = (d: Dist, personId: string, quantity = 1, o: Record<string, unknown> = {}) =>
  cwA.post(`/api/v1/distributions/${d.id}/recipients`, {
    personId,
    lines: [{ itemId: s.clothing, quantity }],
    ...o,
  });

describe('opening a distribution', () => {
  it('numbers the event and offers recording on it', async () => {
    const d = await open(cwA, { centreId: s.centreA, stockPointId: s.storeA, itemIds: [s.clothing] });
    expect(d.reference).toMatch(/^DS-2026-\d{6}$/);
    expect(d).toMatchObject({ status: 'open', kind: 'individual', recipients: 0, lines: [] });
    expect(d.allowedActions).toEqual(expect.arrayContaining(['read', 'record', 'close']));
    const audit = json<{ items: { entityId: string }[] }>(
      await t.admin.get(`/api/v1/audit?entityType=distribution&action=create`),
    );
    expect(audit.items.map((e) => e.entityId)).toContain(d.id);
  });

  it('refuses another centre’s store, an unknown item and malformed input, field by field', async () => {
    const body = { centreId: s.centreA, occurredOn: '2026-10-15', kind: 'individual', itemIds: [s.clothing] };
    const other = await cwA.post('/api/v1/distributions', { ...body, stockPointId: s.storeB });
    expect(other.statusCode).toBe(422);
    expect(json(other)).toMatchObject({ errors: [{ path: 'stockPointId' }] });
    const unknown = await cwA.post('/api/v1/distributions', {
      ...body,
      stockPointId: s.storeA,
      itemIds: [s.clothing, '01900000-0000-7000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(json(unknown)).toMatchObject({ errors: [{ path: 'itemIds.1' }] });
    const bad = await cwA.post('/api/v1/distributions', {
      ...body,
      stockPointId: s.storeA,
      kind: 'party',
      itemIds: [],
    });
    expect(bad.statusCode).toBe(400);
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'itemIds']));
  });

  it('refuses a date after today on the server’s clock (the test clock says 2026-11-02)', async () => {
    const res = await cwA.post('/api/v1/distributions', {
      centreId: s.centreA,
      stockPointId: s.storeA,
      occurredOn: '2026-11-20',
      kind: 'individual',
      itemIds: [s.clothing],
    });
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({ errors: [{ path: 'occurredOn' }] });
  });

  it('lists counted and sorted, a page at a time', async () => {
    const made = [];
    for (const occurredOn of ['2026-09-01', '2026-09-03', '2026-09-02'])
      made.push(
        await open(cwA, { centreId: s.centreA, stockPointId: s.storeA, itemIds: [s.clothing], occurredOn }),
      );
    const q = `centreId=${s.centreA}&from=2026-09-01&to=2026-09-30&sort=occurredOn&order=asc&limit=2`;
    const first = json<{ items: { id: string }[]; nextCursor: string; total: number }>(
      await cwA.get(`/api/v1/distributions?${q}`),
    );
    expect(first.total).toBe(3);
    const rest = json<{ items: { id: string }[]; nextCursor: string | null }>(
      await cwA.get(`/api/v1/distributions?${q}&cursor=${first.nextCursor}`),
    );
    expect([...first.items, ...rest.items].map((d) => d.id)).toEqual([made[0]?.id, made[2]?.id, made[1]?.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it('lets a caseworker of centre B record neither at centre A nor from the mission’s warehouse', async () => {
    const atA = await cwB.post('/api/v1/distributions', {
      centreId: s.centreA,
      stockPointId: s.storeA,
      occurredOn: '2026-10-15',
      kind: 'individual',
      itemIds: [s.clothing],
    });
    expect(atA.statusCode).toBe(403);
    const fromWarehouse = await cwB.post('/api/v1/distributions', {
      centreId: s.centreB,
      stockPointId: s.warehouse,
      occurredOn: '2026-10-15',
      kind: 'bulk',
      itemIds: [s.clothing],
    });
    expect(fromWarehouse.statusCode).toBe(403);
  });
});

describe('recording people', () => {
  let early: string;
  let late: string;
  let first: Dist;
  let person: string;
  beforeAll(async () => {
    late = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 5,
      expiryOn: '2028-06-30',
      projectId: s.project,
    });
    early = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 3,
      expiryOn: '2027-03-31',
    });
    person = await register(cwA, s.centreA);
    first = await open(cwA, { centreId: s.centreA, stockPointId: s.storeA, itemIds: [s.clothing] });
  });

  it('takes stock first-expiry-first-out, split over lots, each line attributed to its lot’s project', async () => {
    const res = await recipient(first, person, 4);
    expect(res.statusCode, res.body).toBe(201);
    const d = json<Dist>(res);
    expect(d.recipients).toBe(1);
    expect(d.lines.map((l) => [l.lotId, l.quantity, l.projectId])).toEqual([
      [early, 3, null],
      [late, 1, s.project],
    ]);
    expect(d.lines[0]).toMatchObject({
      personId: person,
      overridden: false,
      allowedActions: ['cancel_line'],
    });
    expect(await onHand(t, s.storeA, early)).toBe(0);
    expect(await onHand(t, s.storeA, late)).toBe(4);
    const audit = json<{ items: { detail: { distributionId: string } }[] }>(
      await t.admin.get('/api/v1/audit?entityType=distribution_line&action=create'),
    );
    expect(audit.items.filter((e) => e.detail.distributionId === first.id)).toHaveLength(2);
  });

  it('refuses more than the usable stock, saving nothing of the row', async () => {
    const other = await register(cwA, s.centreA);
    const res = await recipient(first, other, 50);
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({ code: 'stock_negative', errors: [{ path: 'lines.0.quantity' }] });
    expect(await onHand(t, s.storeA, late)).toBe(4);
  });

  it('warns about a second clothing set within 30 days: 422 without a reason, saved and audited with one', async () => {
    const second = await open(cwA, {
      centreId: s.centreA,
      stockPointId: s.storeA,
      itemIds: [s.clothing],
      occurredOn: '2026-10-25',
    });
    const asked = json<{ warnings: { category: string; previous: { occurredOn: string }[] }[] }>(
      await cwA.get(
        `/api/v1/distributions/eligibility?personId=${person}&on=2026-10-25&itemIds=${s.clothing}`,
      ),
    );
    expect(asked.warnings).toEqual([
      expect.objectContaining({
        category: 'clothing',
        previous: [{ distributionId: first.id, occurredOn: '2026-10-15' }],
      }),
    ]);

    const refused = await recipient(second, person);
    expect(refused.statusCode).toBe(422);
    const problem = json<{ code: string; errors: { path: string; message: string }[] }>(refused);
    expect(problem.code).toBe('eligibility_override_needed');
    expect(problem.errors).toEqual([
      { path: 'overrideReason', message: expect.stringMatching(/Clothing.*2026-10-15/) },
    ]);
    expect(await onHand(t, s.storeA, late)).toBe(4);

    const saved = await recipient(second, person, 1, {
      overrideReason: 'Clothes lost in the flooding of block C',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(json<Dist>(saved).lines[0]).toMatchObject({ overridden: true });
    const audit = json<{ items: { entityId: string; detail: Record<string, unknown> }[] }>(
      await t.admin.get('/api/v1/audit?action=override&entityType=distribution'),
    );
    expect(audit.items).toEqual([
      expect.objectContaining({
        entityId: second.id,
        detail: { personId: person, categories: ['clothing'] },
      }),
    ]);
    expect(JSON.stringify(audit.items)).not.toContain('flooding');
  });

  it('cancels a line with a reversing entry: stock comes back, the line no longer counts', async () => {
    const other = await register(cwA, s.centreA);
    const d = json<Dist>(await recipient(first, other, 2));
    const line = d.lines.find((l) => l.personId === other);
    const before = await onHand(t, s.storeA, late);
    const res = await cwA.post(`/api/v1/distributions/${first.id}/lines/${line?.id}/cancel`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Dist>(res).lines.find((l) => l.id === line?.id)).toMatchObject({
      cancelled: true,
      allowedActions: [],
    });
    expect(await onHand(t, s.storeA, late)).toBe(before + 2);
    const again = await cwA.post(`/api/v1/distributions/${first.id}/lines/${line?.id}/cancel`, {});
    expect(again.statusCode).toBe(422);
    const eligible = json<{ warnings: unknown[] }>(
      await cwA.get(
        `/api/v1/distributions/eligibility?personId=${other}&on=2026-10-20&itemIds=${s.clothing}`,
      ),
    );
    expect(eligible.warnings).toEqual([]);
  });

  it('refuses someone not held at the centre that day, and items not handed out at the event', async () => {
    // someone the writer may not see is not found; someone admitted after the day is refused
    const elsewhere = await register(t.admin, s.centreB);
    expect((await recipient(first, elsewhere)).statusCode).toBe(404);
    const later = await register(cwA, s.centreA, { admittedOn: '2026-10-20' });
    const res = await recipient(first, later);
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({ errors: [{ path: 'personId' }] });
    const other = await register(cwA, s.centreA);
    const wrong = await cwA.post(`/api/v1/distributions/${first.id}/recipients`, {
      personId: other,
      lines: [{ itemId: s.medicine, quantity: 1 }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong)).toMatchObject({ errors: [{ path: 'lines.0.itemId' }] });
  });

  it('names the people on its lines to whoever reads the event: who received what is the assistance record', async () => {
    // the stock officer reads no identity data, yet reconciles the list handed out
    const seen = json<Dist>(await so.get(`/api/v1/distributions/${first.id}`));
    expect(seen.lines.length).toBeGreaterThan(0);
    for (const l of seen.lines) expect(l.personName).toBeTruthy();
    // …and still may not open the person's record
    expect((await so.get(`/api/v1/persons/${seen.lines[0]?.personId}`)).statusCode).toBe(403);
  });

  it('lists and shows A’s distributions only to those who read assistance at A', async () => {
    const list = json<{ items: { id: string }[]; total: number }>(
      await cwA.get(`/api/v1/distributions?centreId=${s.centreA}`),
    );
    expect(list.items.map((d) => d.id)).toContain(first.id);
    const theirs = json<{ items: { id: string }[]; total: number }>(await cwB.get('/api/v1/distributions'));
    expect(theirs.items.map((d) => d.id)).not.toContain(first.id);
    expect((await cwB.get(`/api/v1/distributions/${first.id}`)).statusCode).toBe(404);
    expect(
      (
        await cwB.post(`/api/v1/distributions/${first.id}/recipients`, {
          personId: person,
          lines: [{ itemId: s.clothing, quantity: 1 }],
        })
      ).statusCode,
    ).toBe(404);
    const byPerson = json<{ total: number }>(await cwA.get(`/api/v1/distributions?personId=${person}`));
    expect(byPerson.total).toBe(2);
  });

  it('tells what a person received, on the person’s page and timeline', async () => {
    const res = await cwA.get(`/api/v1/persons/${person}/assistance`);
    expect(res.statusCode, res.body).toBe(200);
    const got = json<{ items: { distributionId: string; quantity: number; category: string }[] }>(res);
    expect(got.items).toEqual([
      expect.objectContaining({ distributionId: first.id, quantity: 4, category: 'clothing' }),
      expect.objectContaining({ quantity: 1, category: 'clothing' }),
    ]);
    const timeline = json<{ items: { kind: string; detail: Record<string, unknown> }[] }>(
      await cwA.get(`/api/v1/persons/${person}/timeline`),
    );
    expect(timeline.items.filter((i) => i.kind === 'distribution').map((i) => i.detail.quantity)).toEqual([
      1, 4,
    ]);
    // the administrator sees people but not assistance: nothing of it on the timeline
    const admins = json<{ items: { kind: string }[] }>(
      await t.admin.get(`/api/v1/persons/${person}/timeline`),
    );
    expect(admins.items.length).toBeGreaterThan(0);
    expect(admins.items.map((i) => i.kind)).not.toContain('distribution');
    expect((await t.admin.get(`/api/v1/persons/${person}/assistance`)).statusCode).toBe(403);
    // the stock officer sees no one: the person is not found
    expect((await so.get(`/api/v1/persons/${person}/assistance`)).statusCode).toBe(404);
  });

  it('closes with the version read, after which nothing is recorded', async () => {
    const d = json<Dist>(await cwA.get(`/api/v1/distributions/${first.id}`));
    const stale = await cwA.post(`/api/v1/distributions/${first.id}/close`, { version: d.version + 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await cwA.post(`/api/v1/distributions/${first.id}/close`, { version: d.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(json<Dist>(closed)).toMatchObject({ status: 'closed', allowedActions: ['read'] });
    const other = await register(cwA, s.centreA);
    expect((await recipient(first, other)).statusCode).toBe(403);
  });
});

describe('bulk issues', () => {
  it('moves stock to the centre without names; each kind refuses the other’s lines', async () => {
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 100 });
    const bulk = await open(so, {
      centreId: s.centreB,
      stockPointId: s.warehouse,
      itemIds: [s.clothing],
      kind: 'bulk',
    });
    const res = await so.post(`/api/v1/distributions/${bulk.id}/lines`, { itemId: s.clothing, quantity: 40 });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Dist>(res)).toMatchObject({
      recipients: 0,
      lines: [{ personId: null, quantity: 40, lotId: lot }],
    });
    expect(await onHand(t, s.warehouse, lot)).toBe(60);

    const person = await register(cwB, s.centreB);
    const named = await so.post(`/api/v1/distributions/${bulk.id}/recipients`, {
      personId: person,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    expect(named.statusCode).toBe(422);
    expect(json(named)).toMatchObject({ errors: [{ path: 'personId' }] });
    const tooMuch = await so.post(`/api/v1/distributions/${bulk.id}/lines`, {
      itemId: s.clothing,
      quantity: 61,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(json(tooMuch)).toMatchObject({ errors: [{ path: 'quantity' }] });

    const individual = await open(so, {
      centreId: s.centreB,
      stockPointId: s.warehouse,
      itemIds: [s.clothing],
    });
    const nameless = await so.post(`/api/v1/distributions/${individual.id}/lines`, {
      itemId: s.clothing,
      quantity: 1,
    });
    expect(nameless.statusCode).toBe(422);
    expect(json(nameless)).toMatchObject({ errors: [{ path: 'personId' }] });
    expect(await onHand(t, s.warehouse, lot)).toBe(60);
  });
});
