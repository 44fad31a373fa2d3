import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// No silent duplicates: POST /persons refuses a likely duplicate until the registrar has decided.
let t: TestApp;
let cw: Client; // caseworker for the whole mission
let cwA: Client; // caseworker at centre A only
let centreA: string;
let centreB: string;

type Refusal = {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
  candidates: { id: string; registrationNumber: string; score: number }[];
  outsideScope: number;
};
type Created = { id: string; registrationNumber: string };

const egyptian = (o: object = {}) =>
  buildPerson(centreA, {
    givenName: 'Mohamed',
    familyName: 'Abdelrahman',
    birthDate: '1990-05-01',
    nationality: 'EGY',
    ...o,
  });
const decisions = async (personId: string) =>
  json<{ items: { action: string; detail: { notDuplicateOf: string[]; reason: string } }[] }>(
    await t.admin.get(`/api/v1/audit?entityId=${personId}&action=duplicate_review`),
  ).items;
const named = async (q: string) =>
  json<{ items: unknown[] }>(await cw.get(`/api/v1/persons?q=${q}`)).items.length;
async function setThreshold(value: number) {
  const m = json<{ version: number }>(await t.admin.get('/api/v1/mission'));
  const res = await t.admin.patch('/api/v1/mission', { version: m.version, duplicateThreshold: value });
  expect(res.statusCode, res.body).toBe(200);
}

let first: Created;
beforeAll(async () => {
  t = await testApp();
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  cwA = await t.signIn({ role: 'caseworker', centreIds: [centreA] });
  const res = await cw.post('/api/v1/persons', egyptian());
  expect(res.statusCode, res.body).toBe(201);
  first = json<Created>(res);
}, 120_000);
afterAll(() => t.close());

describe('registering a likely duplicate', () => {
  it('is refused without a decision, naming the candidates the caller may see, and saves nothing', async () => {
    const res = await cw.post('/api/v1/persons', egyptian({ givenName: 'Mohammed' }));
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = json<Refusal>(res);
    expect(body.code).toBe('duplicate_review_required');
    expect(body.candidates).toEqual([
      { id: first.id, registrationNumber: first.registrationNumber, score: expect.any(Number) },
    ]);
    expect(body.candidates[0]?.score).toBeGreaterThanOrEqual(0.88);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['notDuplicateOf', 'reason']);
    expect(await named('Abdelrahman')).toBe(1);
  });

  it('is refused when the decision lacks a reason or leaves a candidate out', async () => {
    const noReason = await cw.post('/api/v1/persons', egyptian({ notDuplicateOf: [first.id] }));
    expect(noReason.statusCode).toBe(409);
    expect(json<Refusal>(noReason).errors?.map((e) => e.path)).toEqual(['reason']);
    const other = await cw.post(
      '/api/v1/persons',
      egyptian({ notDuplicateOf: ['01900000-0000-7000-8000-000000000001'], reason: 'Different father' }),
    );
    expect(other.statusCode).toBe(409);
    expect(json<Refusal>(other).errors?.map((e) => e.path)).toEqual(['notDuplicateOf']);
    expect(await named('Abdelrahman')).toBe(1);
  });

  it('is accepted with a decision covering every candidate, audited with the ids and reason', async () => {
    const second = await cw.post(
      '/api/v1/persons',
      egyptian({ givenName: 'Muhammad', notDuplicateOf: [first.id], reason: 'Different mother, seen both' }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const secondId = json<Created>(second).id;
    expect(await decisions(secondId)).toMatchObject([
      {
        action: 'duplicate_review',
        detail: { notDuplicateOf: [first.id], reason: 'Different mother, seen both' },
      },
    ]);
    // now two candidates: a decision on one of them is not enough
    const third = egyptian({ givenName: 'Mohamad' });
    const partly = await cw.post('/api/v1/persons', {
      ...third,
      notDuplicateOf: [first.id],
      reason: 'Twins',
    });
    expect(partly.statusCode).toBe(409);
    const refusal = json<Refusal>(partly);
    expect(refusal.candidates.map((c) => c.id).sort()).toEqual([first.id, secondId].sort());
    expect(refusal.errors).toEqual([{ path: 'notDuplicateOf', message: `Not reviewed: ${secondId}` }]);
    const both = await cw.post('/api/v1/persons', {
      ...third,
      notDuplicateOf: [first.id, secondId],
      reason: 'Triplets',
    });
    expect(both.statusCode, both.body).toBe(201);
    expect(await named('Abdelrahman')).toBe(3);
  });

  it('is refused, without naming anyone, when the likely duplicate is outside the caller’s scope', async () => {
    const elsewhere = await cw.post(
      '/api/v1/persons',
      buildPerson(centreB, {
        givenName: 'Abdoulaye',
        familyName: 'Ouedraogo',
        birthDate: '1985-01-01',
        nationality: 'BFA',
      }),
    );
    expect(elsewhere.statusCode).toBe(201);
    const { registrationNumber } = json<Created>(elsewhere);
    const attempt = buildPerson(centreA, {
      givenName: 'Abdoulaye',
      familyName: 'Ouédraogo',
      birthDate: '1985-01-01',
      nationality: 'BFA',
    });
    const res = await cwA.post('/api/v1/persons', attempt);
    expect(res.statusCode).toBe(409);
    const body = json<Refusal>(res);
    expect(body).toMatchObject({ code: 'duplicate_outside_scope', candidates: [], outsideScope: 1 });
    expect(body.detail).toMatch(/outside your scope; ask a manager/);
    expect(res.body).not.toContain(registrationNumber);
    expect(res.body).not.toContain(json<Created>(elsewhere).id);
    // a decision cannot cover what the caller cannot see
    const decided = await cwA.post('/api/v1/persons', { ...attempt, notDuplicateOf: [], reason: 'No' });
    expect(decided.statusCode).toBe(409);
  });

  it('follows the mission’s threshold', async () => {
    const variant = buildPerson(centreA, {
      givenName: 'Ibrahim',
      familyName: 'Mahamat Saleh',
      birthDate: '1979-02-02',
      nationality: 'TCD',
    });
    expect((await cw.post('/api/v1/persons', variant)).statusCode).toBe(201);
    const spelled = { ...variant, givenName: 'Ibrahime', familyName: 'Mahamat Salih' };
    const normal = json<Refusal>(await cw.post('/api/v1/persons', spelled));
    expect(normal.status).toBe(409);
    const score = normal.candidates[0]?.score as number;
    await setThreshold(Math.min(1, Math.ceil((score + 0.001) * 1000) / 1000));
    const relaxed = await cw.post('/api/v1/persons', spelled);
    expect(relaxed.statusCode, relaxed.body).toBe(201);
    await setThreshold(0.88);
    expect(
      json<{ duplicateThreshold: number }>(await t.admin.get('/api/v1/mission')).duplicateThreshold,
    ).toBe(0.88);
    expect((await t.admin.patch('/api/v1/mission', { version: 1, duplicateThreshold: 1.5 })).statusCode).toBe(
      400,
    );
  });
});
