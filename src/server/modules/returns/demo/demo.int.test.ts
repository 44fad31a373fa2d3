import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTransition, FORWARD, type ReturnState } from '../../../../domain/returns/states';
import { type SurveyTemplate, scoreSurvey } from '../../../../domain/returns/sustainability';
import { verifyAuditChains } from '../../../platform/audit';
import { asActor, asSystem } from '../../../platform/http';
import { rows } from '../../../platform/tx';
import { type TestApp, testApp } from '../../../test/harness';
import { loadDemo } from '../../directory/demo/demo';
import { loadHealthDemo } from '../../health/demo/demo';
import { loadProtectionDemo } from '../../protection/demo/demo';
import { demoActor, loadRegistryDemo } from '../../registry/demo/demo';
import { loadSuppliesDemo } from '../../supplies/demo/demo';
import { caseFacts, loadReturnCase } from '../return-cases.queries';
import { loadReturnsDemo, type ReturnsDemoSummary } from './demo';

let t: TestApp;
let first: ReturnsDemoSummary;
beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  await loadRegistryDemo(t.ctx, t.missionId);
  await loadProtectionDemo(t.ctx, t.missionId);
  await loadSuppliesDemo(t.ctx, t.missionId);
  await loadHealthDemo(t.ctx, t.missionId);
  first = await loadReturnsDemo(t.ctx, t.missionId);
}, 900_000);
afterAll(() => t.close());

const q = <T>(query: ReturnType<typeof sql>) =>
  asSystem(t.ctx, t.missionId, (w) => rows<T>(w.tx.execute(query)));

describe('returns demo', () => {
  it('has return cases in every state of the way home', async () => {
    expect(first.skipped).toBe(false);
    expect(first.cases).toBeGreaterThanOrEqual(200);
    const states = (await q<{ state: string }>(sql`select distinct state from return_cases`)).map(
      (r) => r.state,
    );
    for (const s of [
      'requested',
      'consented',
      'protection_cleared',
      'exit_cleared',
      'fit_to_travel',
      'booked',
      'no_show',
      'arrived',
      'reintegration_planned',
      'reintegration_in_progress',
      'closed',
      'withdrawn',
      'ineligible',
    ])
      expect(states).toContain(s);
  });

  it('sends home everyone whose detention ended in a return, on a movement that day', async () => {
    const missing = await q<{ person_id: string }>(sql`select e.person_id from episodes e
      where e.end_reason = 'return' and e.ended_on - e.admitted_on >= 12
        and not exists (select 1 from return_cases c join movement_passengers p
          on p.mission_id = c.mission_id and p.case_id = c.id and p.status = 'departed'
          join movements m on m.mission_id = p.mission_id and m.id = p.movement_id
          where c.person_id = e.person_id and c.departed_on = e.ended_on and m.departs_on = e.ended_on)`);
    expect(missing).toEqual([]);
    const [moves] = await q<{ departed: number; planned: number; booked: number }>(sql`select
      count(*) filter (where status = 'departed')::int as departed,
      count(*) filter (where status = 'planned')::int as planned,
      (select count(*)::int from movement_passengers where status = 'booked') as booked from movements`);
    expect(moves?.departed).toBeGreaterThanOrEqual(3);
    expect(moves?.planned).toBe(1);
    expect(moves?.booked).toBeGreaterThan(0);
    const [people] = await q<{ n: number; countries: number }>(sql`select count(distinct person_id)::int as n,
      count(distinct destination_country)::int as countries from return_cases where departed_on is not null`);
    expect(people).toEqual({ n: first.departed, countries: first.countries });
  });

  it('holds, for every case on its way, the facts its state needs today', async () => {
    const officer = await demoActor(t.ctx, t.missionId, 'demo-return-officer');
    const open = await q<{ id: string; state: ReturnState }>(sql`select id, state from return_cases
      where state in ('counselled', 'consented', 'protection_cleared', 'nationality_confirmed',
        'travel_document_issued', 'exit_cleared', 'fit_to_travel', 'booked')`);
    expect(open.length).toBeGreaterThan(20);
    const refused = await asActor(t.ctx, officer, async (w) => {
      const out: string[] = [];
      for (const c of open) {
        const row = await loadReturnCase(w, c.id);
        const facts = await caseFacts(w, row);
        const before = FORWARD[FORWARD.indexOf(c.state) - 1] as ReturnState;
        const check = checkTransition(before, c.state, facts, null);
        if (!check.ok) out.push(`${c.state}: ${check.blockers.join(', ')}`);
      }
      return out;
    });
    expect(refused).toEqual([]);
  });

  it('stops a flagged person at consent until a protection officer clears them', async () => {
    const officer = await demoActor(t.ctx, t.missionId, 'demo-return-officer');
    const [cleared] = await q<{ id: string }>(sql`select id from return_cases where cleared_by is not null
      and state = 'protection_cleared'`);
    expect(cleared).toBeDefined();
    const gates = await asActor(t.ctx, officer, async (w) => {
      const row = await loadReturnCase(w, cleared!.id);
      return (await caseFacts(w, row)).protection;
    });
    expect(gates).toBe('officer_cleared');
  });

  it('follows people up after arrival with the sustainability survey, scored as the domain scores it', async () => {
    expect(first.plans).toBeGreaterThan(30);
    expect(first.followUpsDone).toBeGreaterThan(10);
    const done = await q<{ answers: Record<string, string>; composite: number; definition: SurveyTemplate }>(
      sql`select f.answers, f.composite, s.definition from reintegration_follow_ups f
        join sustainability_surveys s on s.mission_id = f.mission_id and s.id = f.survey_id where f.done_on is not null`,
    );
    expect(done).toHaveLength(first.followUpsDone);
    for (const f of done) {
      const scored = scoreSurvey(f.definition, f.answers);
      expect(scored.ok && scored.scores.composite).toBeCloseTo(f.composite, 9);
    }
    const [overdue] = await q<{ n: number }>(
      sql`select count(*)::int as n from reintegration_follow_ups where done_on is null and due_on < now()::date`,
    );
    expect(overdue?.n).toBeGreaterThan(0);
  });

  it('leaves an unbroken audit chain and loads only once', async () => {
    expect((await verifyAuditChains(t.database)).breaks).toEqual([]);
    expect((await loadReturnsDemo(t.ctx, t.missionId)).skipped).toBe(true);
  });
});
