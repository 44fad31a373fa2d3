import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let a: string;
let b: string;
let c: string;
let cwA: Client;
let cwB: Client;
let wide: Client;
beforeAll(async () => {
  t = await testApp();
  a = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Centre A' }))).id;
  b = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Centre B' }))).id;
  c = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Centre C' }))).id;
  const orgA = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const orgB = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  cwA = await t.signIn({ role: 'caseworker', centreIds: [a], organisationId: orgA });
  cwB = await t.signIn({ role: 'caseworker', centreIds: [b], organisationId: orgB });
  wide = await t.signIn({ role: 'caseworker' });
});
afterAll(() => t.close());

type P = { id: string; registrationNumber: string; givenName: string; current: { centreId: string } | null };
const ids = (res: Parameters<typeof json>[0]) => json<{ items: P[] }>(res).items.map((p) => p.id);

describe('who sees whom', () => {
  it('a caseworker at A finds people in A, not people only ever in B; after a transfer A keeps what A recorded', async () => {
    const inA = json<P>(
      await cwA.post(
        '/api/v1/persons',
        buildPerson(a, { givenName: 'Yohannes', familyName: 'Tesfay', nationality: 'ERI' }),
      ),
    );
    const inB = json<P>(
      await cwB.post(
        '/api/v1/persons',
        buildPerson(b, { givenName: 'Yonas', familyName: 'Tesfaye', nationality: 'ERI' }),
      ),
    );
    expect(ids(await cwA.get('/api/v1/persons?limit=200'))).toContain(inA.id);
    expect(ids(await cwA.get('/api/v1/persons?limit=200'))).not.toContain(inB.id);
    expect((await cwA.get(`/api/v1/persons/${inB.id}`)).statusCode).toBe(404);
    expect(ids(await cwA.get(`/api/v1/persons?q=${inB.registrationNumber}`))).toEqual([]);
    expect(ids(await cwA.get('/api/v1/persons?q=Tesfay'))).toEqual([inA.id]);

    // A sends the person to B; B then moves them on to C
    const moved = await cwA.post(`/api/v1/persons/${inA.id}/episodes`, {
      type: 'transfer',
      centreId: b,
      date: '2026-10-05',
    });
    expect(moved.statusCode).toBe(201);
    expect(json<P>(await cwB.get(`/api/v1/persons/${inA.id}`)).current?.centreId).toBe(b);
    const onward = await cwB.post(`/api/v1/persons/${inA.id}/episodes`, {
      type: 'transfer',
      centreId: c,
      date: '2026-10-09',
    });
    expect(onward.statusCode).toBe(201);
    // A registered the person: A still reads the record and what A recorded, not what B recorded
    const seen = json<P>(await cwA.get(`/api/v1/persons/${inA.id}`));
    expect(seen.current).toBeNull();
    const episodes = json<{ items: { centreId: string }[] }>(
      await cwA.get(`/api/v1/persons/${inA.id}/episodes`),
    ).items;
    expect(episodes.map((e) => e.centreId)).toEqual([a, b]);
    const timeline = json<{ items: { detail: { centreId?: string } }[] }>(
      await cwA.get(`/api/v1/persons/${inA.id}/timeline`),
    ).items;
    expect(timeline.some((i) => i.detail.centreId === c)).toBe(false);
    // B no longer holds the person and did not register them: B has lost sight of them
    expect((await cwB.get(`/api/v1/persons/${inA.id}`)).statusCode).toBe(404);
    // B's own registration never shows to A, even after A's person joined B
    expect((await cwA.get(`/api/v1/persons/${inB.id}`)).statusCode).toBe(404);
    // a mission-wide caseworker sees everything
    expect(
      json<{ items: unknown[] }>(await wide.get(`/api/v1/persons/${inA.id}/episodes`)).items,
    ).toHaveLength(3);
  });

  it('a viewer reads no one, and a stock officer neither', async () => {
    const viewer = await t.signIn({ role: 'viewer' });
    expect((await viewer.get('/api/v1/persons')).statusCode).toBe(403);
    const stock = await t.signIn({ role: 'stock_officer' });
    expect((await stock.get('/api/v1/persons')).statusCode).toBe(403);
    expect((await stock.post('/api/v1/persons', buildPerson(a))).statusCode).toBe(403);
  });

  it('a doctor reads but does not register; a caseworker cannot register into another centre', async () => {
    const doctor = await t.signIn({ role: 'doctor' });
    expect((await doctor.get('/api/v1/persons')).statusCode).toBe(200);
    expect((await doctor.post('/api/v1/persons', buildPerson(a))).statusCode).toBe(403);
    expect((await cwA.post('/api/v1/persons', buildPerson(b))).statusCode).toBe(403);
  });
});

describe('filters by where someone is held', () => {
  it("do not reveal a current stay outside the reader's episode scope", async () => {
    // A's organisation registered the person (so A still reads the record); another organisation
    // then moved them to B, a stay A may not see
    const p = json<P>(await cwA.post('/api/v1/persons', buildPerson(a, { admittedOn: '2026-10-01' })));
    const moved = await wide.post(`/api/v1/persons/${p.id}/episodes`, {
      type: 'transfer',
      centreId: b,
      date: '2026-10-10',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(ids(await wide.get(`/api/v1/persons?centreId=${b}&limit=200`))).toContain(p.id);
    expect(ids(await cwA.get('/api/v1/persons?limit=200'))).toContain(p.id);
    expect(ids(await cwA.get(`/api/v1/persons?centreId=${b}&limit=200`))).not.toContain(p.id);
    expect(ids(await cwA.get(`/api/v1/persons?centreId=${b}&present=true&limit=200`))).not.toContain(p.id);
    expect(ids(await cwA.get('/api/v1/persons?present=true&limit=200'))).not.toContain(p.id);
    // consistent with the record showing no current location to A
    expect(ids(await cwA.get('/api/v1/persons?present=false&limit=200'))).toContain(p.id);
    const listed = json<{ items: P[] }>(await cwA.get('/api/v1/persons?limit=200')).items;
    expect(listed.find((x) => x.id === p.id)?.current).toBeNull();
  });
});

describe('search input', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['emoji', '😀🙏🏽 محمد 👨‍👩‍👧'],
    ['SQL', "'; DROP TABLE persons; --"],
    ['SQL like', "%' OR '1'='1"],
    ['trigram operators', '% <% %> <->'],
    ['backslashes', '\\\\\\'],
    ['number-ish', 'TST-2026-'],
    ['long', 'x'.repeat(200)],
    ['10 KB', 'محمد '.repeat(2000)],
  ])('%s never causes a 5xx', async (_name, q) => {
    const res = await wide.get(`/api/v1/persons?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBeLessThan(500);
    expect([200, 400]).toContain(res.statusCode);
    const dup = await wide.post('/api/v1/persons/duplicates', {
      givenName: q.slice(0, 100) || 'x',
      familyName: q.slice(0, 100) || 'y',
    });
    expect(dup.statusCode).toBeLessThan(500);
  });

  it('finds by registration number, and validates filters', async () => {
    const p = json<P>(await wide.post('/api/v1/persons', buildPerson(a)));
    expect(ids(await wide.get(`/api/v1/persons?q=${p.registrationNumber.toLowerCase()}`))).toEqual([p.id]);
    expect((await wide.get('/api/v1/persons?ageMin=abc')).statusCode).toBe(400);
    expect((await wide.get('/api/v1/persons?nationality=Sudan')).statusCode).toBe(400);
  });
});

describe('family', () => {
  it('links people detained together both ways, listing only relatives the reader may see', async () => {
    const mother = json<P>(
      await wide.post(
        '/api/v1/persons',
        buildPerson(a, { givenName: 'Amina', familyName: 'Yusuf', sex: 'female', nationality: 'SOM' }),
      ),
    );
    const child = json<P>(
      await wide.post(
        '/api/v1/persons',
        buildPerson(a, {
          givenName: 'Hodan',
          familyName: 'Yusuf',
          sex: 'female',
          nationality: 'SOM',
          birthDate: '2016-04-02',
          family: [{ personId: mother.id, relationship: 'parent' }],
        }),
      ),
    );
    const ofChild = json<{ items: { person: { id: string }; relationship: string }[] }>(
      await wide.get(`/api/v1/persons/${child.id}/family`),
    ).items;
    expect(ofChild).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: mother.id }), relationship: 'parent' }),
    ]);
    const ofMother = json<{ items: { relationship: string }[] }>(
      await wide.get(`/api/v1/persons/${mother.id}/family`),
    ).items;
    expect(ofMother.map((f) => f.relationship)).toEqual(['child']);
    expect((await cwB.get(`/api/v1/persons/${child.id}/family`)).statusCode).toBe(404);
  });
});
