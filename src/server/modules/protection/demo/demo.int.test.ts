import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '../../../../domain/protection/records';
import { notes, persons, referrals, screenings, tasks } from '../../../db/schema/index';
import { asSystem } from '../../../platform/http';
import { json, type TestApp, testApp } from '../../../test/harness';
import { loadDemo } from '../../directory/demo/demo';
import { loadRegistryDemo } from '../../registry/demo/demo';
import { loadProtectionDemo, type ProtectionDemoSummary } from './demo';

let t: TestApp;
let first: ProtectionDemoSummary;
beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  await loadRegistryDemo(t.ctx, t.missionId);
  first = await loadProtectionDemo(t.ctx, t.missionId);
}, 400_000);
afterAll(() => t.close());

const tally = (table: typeof screenings | typeof referrals | typeof notes | typeof tasks) =>
  asSystem(
    t.ctx,
    t.missionId,
    async (w) =>
      (await w.tx.select({ n: count() }).from(table).where(eq(table.missionId, t.missionId)))[0]?.n ?? 0,
  );

describe('protection demo', () => {
  it('screens most people, flags about 15 %, and refers to UNHCR in every state', async () => {
    const people = await asSystem(
      t.ctx,
      t.missionId,
      async (w) =>
        (
          await w.tx
            .select({ n: count() })
            .from(persons)
            .where(and(eq(persons.missionId, t.missionId), eq(persons.status, 'active')))
        )[0]?.n ?? 0,
    );
    expect(first.screened).toBe(await tally(screenings));
    expect(first.screened).toBeGreaterThan(40);
    expect(first.flagged / first.screened).toBeGreaterThan(0.08);
    expect(first.flagged / first.screened).toBeLessThan(0.25);
    expect(people).toBeGreaterThan(0);
    const statuses = await asSystem(t.ctx, t.missionId, (w) =>
      w.tx
        .selectDistinct({ s: referrals.status })
        .from(referrals)
        .where(eq(referrals.missionId, t.missionId)),
    );
    expect(statuses.map((s) => s.s).sort()).toEqual([...REFERRAL_STATUSES].sort());
    expect(await tally(notes)).toBeGreaterThan(0);
    expect(await tally(tasks)).toBeGreaterThan(0);
  });

  it('has overdue referrals to show, and changes nothing when loaded again', async () => {
    const po = await t.signIn({ role: 'protection_officer' });
    expect(
      json<{ items: unknown[] }>(await po.get('/api/v1/referrals?overdue=true')).items.length,
    ).toBeGreaterThan(0);
    const before = [await tally(screenings), await tally(referrals)];
    expect((await loadProtectionDemo(t.ctx, t.missionId)).skipped).toBe(true);
    expect([await tally(screenings), await tally(referrals)]).toEqual(before);
  });
});
