import { and, eq } from 'drizzle-orm';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../db/schema/index';
import { asActor } from '../../platform/http';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { blockingKeys, nameCandidates } from './candidates';
import { demoActor } from './demo/demo';
import { personScope } from './persons.scope';

// Issue 9 §3: names are found through the blocking-key table (exact phonetic keys, the same for
// both scripts), and through trigram neighbours only when the keys hold no strong match.
let t: TestApp;
let cw: Client;
let centre: string;
let youssef: { id: string; version: number };

beforeAll(async () => {
  t = await testApp();
  centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  // registered in Latin letters only: the Arabic query must reach it through the keys
  const res = await cw.post(
    '/api/v1/persons',
    buildPerson(centre, { givenName: 'Youssef', familyName: 'Haroun' }),
  );
  expect(res.statusCode, res.body).toBe(201);
  youssef = json(res);
  for (const [givenName, familyName] of [
    ['Fatima', 'Haroun'],
    ['Youssef', 'Adam'],
  ] as const)
    expect(
      (await cw.post('/api/v1/persons', buildPerson(centre, { givenName, familyName }))).statusCode,
    ).toBe(201);
});
afterAll(() => t.close());

/** nameCandidates as the caseworker sees them: the rows and whether trigrams were needed. */
const candidates = async (text: string) => {
  const actor = await demoActor(t.ctx, t.missionId, cw.username);
  return asActor(t.ctx, actor, (w) => nameCandidates(w, text, personScope(w), 300));
};
const found = async (q: string) =>
  json<{ items: { id: string }[] }>(await cw.get(`/api/v1/persons?q=${encodeURIComponent(q)}`)).items.map(
    (p) => p.id,
  );

describe('blocking keys', () => {
  it('are the same for both scripts', () => {
    expect(blockingKeys('يوسف هارون')).toEqual(blockingKeys('Youssef Haroun'));
    expect(blockingKeys('Youssef Haroun')).toEqual(['hrn ysf']);
    expect(blockingKeys('Haroun')).toEqual(['hrn']);
  });

  it('find a Latin-only record from its name in Arabic script, without the trigram fallback', async () => {
    const { rows, fallback } = await candidates('يوسف هارون');
    expect(fallback).toBe(false);
    expect(rows.map((r) => r.id)).toEqual([youssef.id]);
    expect((await found('يوسف هارون'))[0]).toBe(youssef.id);
  });

  it('find a misspelling through the trigram fallback', async () => {
    const { rows, fallback } = await candidates('Youssef Haroum');
    expect(fallback).toBe(true);
    expect(rows.map((r) => r.id)).toContain(youssef.id);
    // narrowed (a scoped reader, a filter), the mission's nearest are filtered: still found
    const actor = await demoActor(t.ctx, t.missionId, cw.username);
    const narrowed = await asActor(t.ctx, actor, (w) =>
      nameCandidates(w, 'Youssef Haroum', personScope(w), 300, true),
    );
    expect(narrowed.fallback).toBe(true);
    expect(narrowed.rows.map((r) => r.id)).toContain(youssef.id);
    expect((await found('Youssef Haroum'))[0]).toBe(youssef.id);
  });

  it('follow a change of name in the same transaction', async () => {
    const res = await cw.patch(`/api/v1/persons/${youssef.id}`, {
      givenName: 'Ibrahim',
      version: youssef.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const now = await candidates('إبراهيم هارون');
    expect(now.fallback).toBe(false);
    expect(now.rows.map((r) => r.id)).toEqual([youssef.id]);
    // the old pair is gone: only the trigram fallback can still suggest the record
    expect((await candidates('Youssef Haroun')).fallback).toBe(true);
  });

  it('leave a merged record out of search', async () => {
    const first = json<{ id: string }>(
      await cw.post('/api/v1/persons', buildPerson(centre, { givenName: 'Amina', familyName: 'Souleymane' })),
    );
    // the duplicate's stay ended before the survivor's began, so the histories can join
    const second = json<{ id: string }>(
      await cw.post(
        '/api/v1/persons',
        buildPerson(centre, { givenName: 'Aminah', familyName: 'Souleymane', admittedOn: '2026-01-10' }),
      ),
    );
    await cw.post(`/api/v1/persons/${second.id}/episodes`, { type: 'release', date: '2026-02-01' });
    expect((await found('Amina Souleymane')).sort()).toEqual([first.id, second.id].sort());
    const manager = await t.signIn({ role: 'manager' });
    const { version } = json<{ version: number }>(await manager.get(`/api/v1/persons/${first.id}`));
    const merged = await manager.post(`/api/v1/persons/${first.id}/merges`, {
      duplicateId: second.id,
      version,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(await found('Amina Souleymane')).toEqual([first.id]);
  });

  it('read a common name newest first: the person held now is found even when a thousand older people share the name', async () => {
    const held = json<{ id: string; registrationNumber: string }>(
      await cw.post(
        '/api/v1/persons',
        buildPerson(centre, { givenName: 'Mohamed', familyName: 'Ahmed', nationality: 'SDN' }),
      ),
    );
    // 1,100 older namesakes of another nationality (more than one key slice holds), bulk-inserted
    const actor = await demoActor(t.ctx, t.missionId, cw.username);
    await asActor(t.ctx, actor, async (w) => {
      const [template] = await w.tx.select().from(persons).where(eq(persons.id, held.id));
      if (!template) throw new Error('registered person not found');
      const older = Date.now() - 86_400_000;
      await w.tx.insert(persons).values(
        Array.from({ length: 1100 }, (_, i) => ({
          ...template,
          id: v7({ msecs: older - i }),
          registrationNumber: `${template.registrationNumber}-N${i}`,
          nationality: 'EGY',
        })),
      );
    });
    // through the keys, not the (costly at scale) trigram fallback
    const { rows, fallback } = await asActor(t.ctx, actor, (w) =>
      nameCandidates(w, 'Mohamed Ahmed', and(personScope(w), eq(persons.nationality, 'SDN')), 300),
    );
    expect(fallback).toBe(false);
    expect(rows.map((r) => r.id)).toEqual([held.id]);
    const res = await cw.get(`/api/v1/persons?q=${encodeURIComponent('Mohamed Ahmed')}&nationality=SDN`);
    expect(json<{ items: { id: string }[] }>(res).items.map((p) => p.id)).toEqual([held.id]);
  });

  it('take the key slices among the people a filter or a scope admits: an older match past the newest thousand is found', async () => {
    const actor = await demoActor(t.ctx, t.missionId, cw.username);
    const oldest = await asActor(t.ctx, actor, async (w) => {
      const [template] = await w.tx
        .select()
        .from(persons)
        .where(and(eq(persons.givenName, 'Mohamed'), eq(persons.nationality, 'SDN')));
      if (!template) throw new Error('the Sudanese Mohamed Ahmed is registered above');
      const row = {
        ...template,
        id: v7({ msecs: Date.now() - 10 * 86_400_000 }),
        registrationNumber: `${template.registrationNumber}-OLD`,
        nationality: 'TCD',
      };
      await w.tx.insert(persons).values(row);
      return row;
    });
    const chadian = (narrowed: boolean) =>
      asActor(t.ctx, actor, (w) =>
        nameCandidates(
          w,
          'Mohamed Ahmed',
          and(personScope(w), eq(persons.nationality, 'TCD')),
          300,
          narrowed,
        ),
      );
    // not narrowed: the newest thousand namesakes are all Egyptian, and only the costly trigram
    // fallback reaches him; narrowed (as the search does with a filter), the keys find him
    expect((await chadian(false)).fallback).toBe(true);
    const found = await chadian(true);
    expect(found.fallback).toBe(false);
    expect(found.rows.map((r) => r.id)).toEqual([oldest.id]);
    const res = await cw.get(`/api/v1/persons?q=${encodeURIComponent('Mohamed Ahmed')}&nationality=TCD`);
    expect(json<{ items: { id: string }[] }>(res).items.map((p) => p.id)).toEqual([oldest.id]);
  });

  it("find, for a centre's caseworker, a misspelled name among the centre's people only", async () => {
    const other = json<{ id: string }>(
      await t.admin.post('/api/v1/centres', buildCentre({ name: 'Other centre' })),
    ).id;
    const here = json<{ id: string }>(
      await cw.post('/api/v1/persons', buildPerson(centre, { givenName: 'Khadija', familyName: 'Bakhit' })),
    );
    const there = json<{ id: string }>(
      await cw.post('/api/v1/persons', buildPerson(other, { givenName: 'Khadija', familyName: 'Bakhit' })),
    );
    const scoped = await t.signIn({ role: 'caseworker', centreIds: [centre] });
    const search = async (q: string) =>
      json<{ items: { id: string }[] }>(
        await scoped.get(`/api/v1/persons?q=${encodeURIComponent(q)}`),
      ).items.map((p) => p.id);
    // spelled right, through the keys taken among the centre's people; misspelled beyond its key,
    // through the trigram ranking of the centre's people — never the namesake held elsewhere
    expect(await search('Khadija Bakhit')).toEqual([here.id]);
    expect(await search('Khadija Bakhir')).toEqual([here.id]);
    expect(await search('Khadija Bakhir')).not.toContain(there.id);
  });
});
