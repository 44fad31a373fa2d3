import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicSession } from '../../../../domain/health/clinic';
import {
  alerts,
  auditEvents,
  clinicSessions,
  consultationDiagnoses,
  consultations,
  counsellingSessions,
  mhpssFollowUps,
  prescriptionLots,
  prescriptions,
  stockMovements,
  surveillanceCases,
  users,
} from '../../../db/schema/index';
import { verifyAuditChains } from '../../../platform/audit';
import { asSystem } from '../../../platform/http';
import { rows } from '../../../platform/tx';
import { json, type TestApp, testApp } from '../../../test/harness';
import { loadDemo } from '../../directory/demo/demo';
import { loadRegistryDemo } from '../../registry/demo/demo';
import { loadSuppliesDemo } from '../../supplies/demo/demo';
import { type HealthDemoSummary, loadHealthDemo } from './demo';

let t: TestApp;
let first: HealthDemoSummary;
beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  await loadRegistryDemo(t.ctx, t.missionId);
  await loadSuppliesDemo(t.ctx, t.missionId);
  first = await loadHealthDemo(t.ctx, t.missionId);
}, 600_000);
afterAll(() => t.close());

const db = <T>(fn: Parameters<typeof asSystem<T>>[2]) => asSystem(t.ctx, t.missionId, fn);
const userId = async (username: string) =>
  (await db((w) => w.tx.select({ id: users.id }).from(users).where(eq(users.username, username))))[0]?.id;

describe('health demo', () => {
  it('holds a weekly clinic at every centre for a year, one open today with patients waiting', async () => {
    expect(first.skipped).toBe(false);
    const perCentre = await db((w) =>
      w.tx
        .select({ centreId: clinicSessions.centreId, n: count() })
        .from(clinicSessions)
        .groupBy(clinicSessions.centreId),
    );
    expect(perCentre).toHaveLength(4);
    for (const c of perCentre) expect(c.n).toBe(52);
    const open = await db((w) =>
      w.tx
        .select({ heldOn: clinicSessions.heldOn })
        .from(clinicSessions)
        .where(eq(clinicSessions.status, 'open')),
    );
    expect(open).toEqual([{ heldOn: '2026-11-02' }]);
    // the doctor's home: today's clinic, patients seen and waiting
    const doctor = await t.signIn({ role: 'doctor' });
    const today = json<{ sessions: Omit<ClinicSession, 'queue'>[] }>(
      await doctor.get('/api/v1/clinic-sessions/today'),
    );
    expect(today.sessions).toHaveLength(1);
    expect(today.sessions[0]?.counts.waiting).toBeGreaterThanOrEqual(2);
    expect(today.sessions[0]?.counts.seen).toBeGreaterThanOrEqual(1);
  });

  it('sees a realistic caseload, scabies the most common, no measles, a few referred and some fit to travel', async () => {
    expect(first.consultations).toBeGreaterThan(600);
    const bySyndrome = await db((w) =>
      w.tx
        .select({ syndrome: surveillanceCases.syndrome, n: count() })
        .from(surveillanceCases)
        .groupBy(surveillanceCases.syndrome)
        .orderBy(sql`count(*) desc`),
    );
    expect(bySyndrome[0]?.syndrome).toBe('scabies');
    expect(bySyndrome.map((s) => s.syndrome)).not.toContain('measles');
    expect(bySyndrome.map((s) => s.syndrome)).toEqual(
      expect.arrayContaining(['respiratory_infection_fever', 'acute_watery_diarrhoea']),
    );
    const topCode = await db((w) =>
      w.tx
        .select({ code: consultationDiagnoses.code, n: count() })
        .from(consultationDiagnoses)
        .groupBy(consultationDiagnoses.code)
        .orderBy(sql`count(*) desc`)
        .limit(1),
    );
    expect(topCode[0]?.code).toBe('B86');
    const outcomes = await db((w) =>
      w.tx
        .select({
          referred: sql<number>`count(*) filter (where ${consultations.outcome} = 'referred')::int`,
          fit: sql<number>`count(${consultations.fitness})::int`,
          total: count(),
          withVitals: sql<number>`count(*) filter (where ${consultations.vitals} ? 'temperatureC')::int`,
        })
        .from(consultations),
    );
    const o = outcomes[0]!;
    expect(o.referred).toBeGreaterThan(0);
    expect(o.referred / o.total).toBeLessThan(0.1);
    expect(o.fit).toBeGreaterThan(10);
    expect(o.withVitals).toBe(o.total);
  });

  it('dispenses through the ledger: every prescription handed over, stock never below zero on any day', async () => {
    const rx = await db((w) =>
      w.tx
        .select({
          n: count(),
          short: sql<number>`count(*) filter (where ${prescriptions.dispensed} <> ${prescriptions.quantity})::int`,
        })
        .from(prescriptions),
    );
    expect(rx[0]?.n).toBe(first.dispensed);
    expect(rx[0]?.short).toBe(0);
    const moved = await db((w) =>
      w.tx.select({ n: count() }).from(stockMovements).where(eq(stockMovements.kind, 'dispense')),
    );
    const lots = await db((w) => w.tx.select({ n: count() }).from(prescriptionLots));
    expect(moved[0]?.n).toBe(lots[0]?.n);
    expect(moved[0]?.n).toBeGreaterThanOrEqual(first.dispensed);
    const negative = await db((w) =>
      rows(
        w.tx.execute(sql`
        select * from (
          select sum(sum(quantity)) over (partition by stock_point_id, item_id, lot_id order by occurred_on) as closing
          from stock_movements group by stock_point_id, item_id, lot_id, occurred_on) d
        where closing < 0`),
      ),
    );
    expect(negative).toEqual([]);
  });

  it('raised one scabies alert, verified by the doctor and responded to by the manager, with notes', async () => {
    const all = await db((w) => w.tx.select().from(alerts));
    expect(all).toHaveLength(1);
    const a = all[0]!;
    expect(a).toMatchObject({ syndrome: 'scabies', ruleCode: 'scabies_rate', status: 'responded' });
    expect(a.actedBy).toBe(await userId('demo-manager'));
    expect(a.note).toMatch(/permethrin/);
    const moves = await db((w) =>
      w.tx
        .select({ by: auditEvents.actorUsername, detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'alert'), eq(auditEvents.action, 'transition')))
        .orderBy(auditEvents.seq),
    );
    expect(moves).toEqual([
      { by: 'demo-doctor', detail: { from: 'new', to: 'verified' } },
      { by: 'demo-manager', detail: { from: 'verified', to: 'responded' } },
    ]);
  });

  it('records counselling: K10 in every band, group sessions, the self-harm follow-up done, others open', async () => {
    const sessions = await db((w) =>
      w.tx
        .select({ kind: counsellingSessions.kind, band: counsellingSessions.band, n: count() })
        .from(counsellingSessions)
        .groupBy(counsellingSessions.kind, counsellingSessions.band),
    );
    const bands = new Set(sessions.filter((s) => s.kind === 'individual').map((s) => s.band));
    expect([...bands].sort()).toEqual(['high', 'low', 'moderate', 'very_high']);
    expect(first.group).toBeGreaterThanOrEqual(5);
    expect(first.individual).toBeGreaterThan(50);
    const followUps = await db((w) =>
      w.tx
        .select({ urgent: mhpssFollowUps.urgent, status: mhpssFollowUps.status, n: count() })
        .from(mhpssFollowUps)
        .groupBy(mhpssFollowUps.urgent, mhpssFollowUps.status),
    );
    expect(followUps.filter((f) => f.urgent)).toEqual([{ urgent: true, status: 'done', n: 1 }]);
    const open = followUps.find((f) => !f.urgent && f.status === 'open');
    expect(open?.n).toBeGreaterThan(0);
    // the counsellor's list of open follow-ups is not empty
    const counsellor = await t.signIn({ role: 'counsellor' });
    const list = json<{ items: unknown[] }>(
      await counsellor.get('/api/v1/mhpss-follow-ups?mine=false&status=open'),
    );
    expect(list.items.length).toBe(open?.n);
  });

  it('audits every write in an unbroken chain, and changes nothing when loaded again', async () => {
    const by = await db((w) =>
      w.tx
        .select({ who: auditEvents.actorUsername, n: count() })
        .from(auditEvents)
        .where(
          sql`${auditEvents.entityType} in ('consultation', 'dispensing', 'clinic_session', 'counselling_session')`,
        )
        .groupBy(auditEvents.actorUsername),
    );
    expect(Object.fromEntries(by.map((b) => [b.who, b.n]))).toMatchObject({
      'demo-doctor': first.consultations,
      'demo-counsellor': first.individual + first.group,
    });
    expect((await verifyAuditChains(t.database)).breaks).toEqual([]);
    const tally = () =>
      db(async (w) => [
        (await w.tx.select({ n: count() }).from(consultations))[0]?.n,
        (await w.tx.select({ n: count() }).from(stockMovements))[0]?.n,
        (await w.tx.select({ n: count() }).from(counsellingSessions))[0]?.n,
      ]);
    const before = await tally();
    expect((await loadHealthDemo(t.ctx, t.missionId)).skipped).toBe(true);
    expect(await tally()).toEqual(before);
  });
});
