import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populationOn, type Stay } from '../../../domain/registry/population';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let cw: Client;
let centreIds: string[];
beforeAll(async () => {
  t = await testApp();
  centreIds = [];
  for (let i = 0; i < 3; i++)
    centreIds.push(json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id);
  cw = await t.signIn({ role: 'caseworker' });
});
afterAll(() => t.close());

type P = { id: string; registrationNumber: string; current: { centreId: string } | null; version: number };
const register = async (o = {}) => {
  const res = await cw.post('/api/v1/persons', buildPerson(centreIds[0]!, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<P>(res);
};
const move = (id: string, body: object) => cw.post(`/api/v1/persons/${id}/episodes`, body);

describe('registration and episodes', () => {
  it('registers a person with a readable number and their first episode', async () => {
    const p = await register();
    expect(p.registrationNumber).toMatch(/^TST-2026-\d{6}$/);
    expect(p.current?.centreId).toBe(centreIds[0]);
    const q = await register();
    expect(Number(q.registrationNumber.slice(-6))).toBe(Number(p.registrationNumber.slice(-6)) + 1);
  });

  it('refuses a second open episode with a clear message', async () => {
    const p = await register();
    const res = await move(p.id, { type: 'admission', centreId: centreIds[1], date: '2026-10-05' });
    expect(res.statusCode).toBe(409);
    expect(json(res).code).toBe('episode_already_open');
    expect(json(res).detail).toMatch(/already has an open detention episode/);
  });

  it('lets only one of two simultaneous admissions succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const p = await register();
      expect((await move(p.id, { type: 'release', date: '2026-10-10' })).statusCode).toBe(201);
      const results = await Promise.all([
        move(p.id, { type: 'admission', centreId: centreIds[1], date: '2026-10-20' }),
        move(p.id, { type: 'admission', centreId: centreIds[2], date: '2026-10-21' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const eps = json<{ items: { endedOn: string | null }[] }>(
        await cw.get(`/api/v1/persons/${p.id}/episodes`),
      ).items;
      expect(eps.filter((e) => e.endedOn === null)).toHaveLength(1);
    }
  });

  it('transfers (closing one episode and opening the next), accepts backdated entries and refuses overlaps', async () => {
    const p = await register({ admittedOn: '2026-09-01' });
    const moved = await move(p.id, { type: 'transfer', centreId: centreIds[1], date: '2026-09-10' });
    expect(moved.statusCode).toBe(201);
    const after = json<{
      person: P;
      episodes: { centreId: string; endReason: string | null; admittedOn: string }[];
    }>(moved);
    expect(after.person.current?.centreId).toBe(centreIds[1]);
    expect(after.episodes.map((e) => [e.centreId, e.endReason])).toEqual([
      [centreIds[0], 'transfer'],
      [centreIds[1], null],
    ]);
    expect((await move(p.id, { type: 'release', date: '2026-09-20' })).statusCode).toBe(201);
    // backdated: an earlier stay that ended before this one began
    const early = await move(p.id, {
      type: 'admission',
      centreId: centreIds[2],
      date: '2026-08-01',
      endedOn: '2026-08-15',
      endReason: 'release',
    });
    expect(early.statusCode).toBe(201);
    // overlapping: admitted on a day they were in centre 2
    const overlap = await move(p.id, { type: 'admission', centreId: centreIds[0], date: '2026-09-05' });
    expect(overlap.statusCode).toBe(409);
    expect(json(overlap).code).toBe('episode_overlap');
    const halfPast = await move(p.id, {
      type: 'admission',
      centreId: centreIds[0],
      date: '2026-07-01',
      endedOn: '2026-07-05',
    });
    expect(halfPast.statusCode).toBe(422);
    const badEnd = await move(p.id, { type: 'admission', centreId: centreIds[0], date: '2026-10-01' });
    expect(badEnd.statusCode).toBe(201);
    const tooEarly = await move(p.id, { type: 'release', date: '2026-09-30' });
    expect(tooEarly.statusCode).toBe(422);
  });

  it('refuses movements of someone not in a centre, and future dates', async () => {
    const p = await register();
    expect((await move(p.id, { type: 'release', date: '2026-10-02' })).statusCode).toBe(201);
    const again = await move(p.id, { type: 'transfer', centreId: centreIds[1], date: '2026-10-03' });
    expect(json(again).code).toBe('no_open_episode');
    // tomorrow by the server's clock (the schema's own bound is the wall clock's tomorrow)
    const future = await move(p.id, { type: 'admission', centreId: centreIds[1], date: '2026-11-03' });
    expect(future.statusCode).toBe(422);
    const farFuture = await move(p.id, { type: 'admission', centreId: centreIds[1], date: '9999-01-01' });
    expect(farFuture.statusCode).toBe(400);
  });
});

describe('centre populations', () => {
  it('on every date equal the open episodes on that date, over random movements', async () => {
    // centres of its own, so that only these people are counted
    const own: string[] = [];
    for (let i = 0; i < 3; i++)
      own.push(json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id);
    const people: P[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await cw.post('/api/v1/persons', buildPerson(own[i % 3]!, { admittedOn: '2026-06-01' }));
      people.push(json<P>(res));
    }
    const op = fc.record({
      who: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('transfer', 'release', 'admission', 'deportation'),
      centre: fc.integer({ min: 0, max: 2 }),
      days: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 12 }), async (ops) => {
        let day = Date.parse('2026-06-02T00:00:00Z');
        for (const o of ops) {
          day += o.days * 86_400_000;
          const date = new Date(day).toISOString().slice(0, 10);
          if (date > '2026-11-01') break;
          const p = people[o.who]!;
          const body =
            o.kind === 'release' || o.kind === 'deportation'
              ? { type: o.kind, date }
              : { type: o.kind, date, centreId: own[o.centre] };
          const res = await move(p.id, body);
          expect([201, 409, 422]).toContain(res.statusCode); // refusals are part of the game
        }
        const stays: Stay[] = [];
        for (const p of people) {
          const eps = json<{ items: Stay[] }>(await cw.get(`/api/v1/persons/${p.id}/episodes`)).items;
          stays.push(...eps);
        }
        for (const c of own) {
          const pop = json<{ history: { date: string; count: number }[]; total: number }>(
            await cw.get(`/api/v1/centres/${c}/population?from=2026-05-30&to=2026-11-02`),
          );
          for (const h of pop.history)
            expect(h.count, `${c} on ${h.date}`).toBe(populationOn(stays, c, h.date));
        }
      }),
      { numRuns: 6 },
    );
  });
});
