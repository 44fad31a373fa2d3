import { and, count, countDistinct, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, centres, episodes, headcounts, persons } from '../../../db/schema/index';
import { asSystem } from '../../../platform/http';
import { type Client, json, type TestApp, testApp } from '../../../test/harness';
import { loadDemo } from '../../directory/demo/demo';
import { loadRegistryDemo, type RegistryDemoSummary } from './demo';

let t: TestApp;
let cw: Client;
let first: RegistryDemoSummary;

const q = <T>(fn: Parameters<typeof asSystem<T>>[2]) => asSystem(t.ctx, t.missionId, fn);
const tallies = () =>
  q(async (w) => {
    const m = eq(persons.missionId, t.missionId);
    const [p] = await w.tx.select({ n: count() }).from(persons).where(m);
    const [e] = await w.tx.select({ n: count() }).from(episodes).where(eq(episodes.missionId, t.missionId));
    const [h] = await w.tx
      .select({ n: count() })
      .from(headcounts)
      .where(eq(headcounts.missionId, t.missionId));
    const [a] = await w.tx
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.missionId, t.missionId));
    return { persons: p?.n, episodes: e?.n, headcounts: h?.n, audit: a?.n };
  });

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  first = await loadRegistryDemo(t.ctx, t.missionId);
  cw = await t.signIn({ role: 'caseworker' });
}, 400_000); // the whole registry demo through the real code, on a busy two-core machine
afterAll(() => t.close());

describe('registry demo', () => {
  it('loads about 400 people, from many nationalities, many named in their own script', async () => {
    expect(first.created).toBe(true);
    const stats = await q(async (w) => {
      const m = eq(persons.missionId, t.missionId);
      const [all] = await w.tx
        .select({ n: count(), nationalities: countDistinct(persons.nationality) })
        .from(persons)
        .where(m);
      const [scripted] = await w.tx
        .select({ n: count() })
        .from(persons)
        .where(and(m, isNotNull(persons.fullNameOriginal)));
      return { n: all?.n ?? 0, nationalities: all?.nationalities ?? 0, scripted: scripted?.n ?? 0 };
    });
    expect(stats.n).toBeGreaterThanOrEqual(380);
    expect(stats.n).toBeLessThanOrEqual(450);
    expect(stats.nationalities).toBeGreaterThanOrEqual(15);
    expect(stats.scripted / stats.n).toBeGreaterThan(0.25);
  });

  it('has people in every centre now, and transfers, releases and returns in the past', async () => {
    const here = await q((w) =>
      w.tx
        .select({ name: centres.name, n: count(episodes.id) })
        .from(centres)
        .leftJoin(
          episodes,
          and(
            eq(episodes.missionId, centres.missionId),
            eq(episodes.centreId, centres.id),
            isNull(episodes.endedOn),
          ),
        )
        .where(eq(centres.missionId, t.missionId))
        .groupBy(centres.name),
    );
    expect(here).toHaveLength(4);
    for (const c of here) expect(c.n, c.name).toBeGreaterThan(0);
    const ends = await q((w) =>
      w.tx
        .select({ reason: episodes.endReason, n: count() })
        .from(episodes)
        .where(and(eq(episodes.missionId, t.missionId), isNotNull(episodes.endReason)))
        .groupBy(episodes.endReason),
    );
    const byReason = Object.fromEntries(ends.map((e) => [e.reason, e.n]));
    for (const r of ['transfer', 'release', 'return', 'deportation', 'escape'])
      expect(byReason[r] ?? 0, r).toBeGreaterThan(0);
    const counts = await q((w) =>
      w.tx.select({ n: count() }).from(headcounts).where(eq(headcounts.missionId, t.missionId)),
    );
    expect(counts[0]?.n).toBeGreaterThan(150);
  });

  it('never has anyone in two places at once', async () => {
    const twice = await q((w) =>
      w.tx
        .select({ personId: episodes.personId })
        .from(episodes)
        .where(and(eq(episodes.missionId, t.missionId), isNull(episodes.endedOn)))
        .groupBy(episodes.personId)
        .having(sql`count(*) > 1`),
    );
    expect(twice).toEqual([]);
  });

  it('has a handful of people registered twice, each found by the duplicate check as the first candidate', async () => {
    expect(first.duplicates.length).toBeGreaterThanOrEqual(5);
    expect(first.duplicates.filter((d) => d.merged)).toHaveLength(1);
    for (const d of first.duplicates) {
      const [dup] = await q((w) =>
        w.tx
          .select()
          .from(persons)
          .where(and(eq(persons.missionId, t.missionId), eq(persons.id, d.duplicateId))),
      );
      if (!dup) throw new Error('duplicate record missing');
      expect(dup.status).toBe(d.merged ? 'merged' : 'active');
      const res = await cw.post('/api/v1/persons/duplicates', {
        givenName: dup.givenName,
        familyName: dup.familyName,
        ...(dup.fullNameOriginal ? { fullNameOriginal: dup.fullNameOriginal } : {}),
        sex: dup.sex,
        ...(dup.birthDate ? { birthDate: dup.birthDate } : {}),
        birthDateEstimated: dup.birthDateEstimated,
        nationality: dup.nationality,
      });
      expect(res.statusCode, res.body).toBe(200);
      const others = json<{ items: { person: { id: string } }[] }>(res).items.filter(
        (c) => c.person.id !== d.duplicateId,
      );
      expect(others[0]?.person.id, `${dup.givenName} ${dup.familyName}`).toBe(d.originalId);
    }
  });

  it('changes nothing when loaded again', async () => {
    const before = await tallies();
    await loadDemo(t.ctx, t.missionId);
    const again = await loadRegistryDemo(t.ctx, t.missionId);
    expect(again.created).toBe(false);
    expect(await tallies()).toEqual(before);
  });
});
