import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../test/factories';
import { json, type TestApp, testApp } from '../test/harness';
import { auditBuffer, verifyAuditChains } from './audit';
import { asSystem } from './http';
import { inSystem } from './tx';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records each change in the same transaction, with field names but never values', async () => {
    const res = await t.admin.post('/api/v1/organisations', buildOrganisation({ name: 'Audited NGO' }));
    const org = json<{ id: string; version: number }>(res);
    await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: org.version, acronym: 'ANGO' });
    const events = json<{ items: { action: string; changedFields: string[]; entityId: string }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${org.id}`),
    ).items;
    expect(events.map((e) => e.action)).toEqual(['update', 'create']);
    expect(events[0]?.changedFields).toEqual(['acronym']);
    expect(JSON.stringify(events)).not.toContain('ANGO');
  });

  it('a failed write leaves neither the change nor an audit event', async () => {
    const before = json<{ items: unknown[] }>(
      await t.admin.get('/api/v1/audit?entityType=organisation&limit=200'),
    ).items.length;
    const dup = await t.admin.post('/api/v1/organisations', buildOrganisation({ name: 'Audited NGO' }));
    expect(dup.statusCode).toBe(409);
    const after = json<{ items: unknown[] }>(
      await t.admin.get('/api/v1/audit?entityType=organisation&limit=200'),
    ).items.length;
    expect(after).toBe(before);
  });

  it('filters by actor, action and date', async () => {
    const byActor = json<{ items: { actorUsername: string }[] }>(
      await t.admin.get('/api/v1/audit?actor=test-admin'),
    );
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorUsername === 'test-admin')).toBe(true);
    const logins = json<{ items: { action: string }[] }>(await t.admin.get('/api/v1/audit?action=login'));
    expect(logins.items.length).toBeGreaterThan(0);
    expect(logins.items.every((e) => e.action === 'login')).toBe(true);
    const future = json<{ items: unknown[] }>(await t.admin.get('/api/v1/audit?from=2030-01-01'));
    expect(future.items).toHaveLength(0);
    const today = t.now().toISOString().slice(0, 10);
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/v1/audit?from=${today}&to=${today}`)).items.length,
    ).toBeGreaterThan(0);
  });

  it('pages through events with a cursor, newest first', async () => {
    const first = json<{ items: { seq: number }[]; nextCursor: string | null }>(
      await t.admin.get('/api/v1/audit?limit=2'),
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = json<{ items: { seq: number }[] }>(
      await t.admin.get(`/api/v1/audit?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items[0]!.seq).toBeLessThan(first.items[1]!.seq);
  });

  it('appends buffered events (bulk loads) to the same chain, in order, among direct ones', async () => {
    await asSystem(t.ctx, t.missionId, async (w) => {
      const events = auditBuffer(w.tx, t.missionId);
      await w.audit({ action: 'create', entityType: 'buffer-test', entityId: null, detail: { n: 0 } });
      for (const n of [1, 2, 3])
        await events.add(w.actor, { action: 'create', entityType: 'buffer-test', detail: { n } }, w.now);
      await events.flush();
      await events.flush(); // nothing left: writes nothing
      await w.audit({ action: 'create', entityType: 'buffer-test', entityId: null, detail: { n: 4 } });
    });
    const items = json<{ items: { detail: { n: number } }[] }>(
      await t.admin.get('/api/v1/audit?entityType=buffer-test&limit=50'),
    ).items;
    expect(items.map((e) => e.detail.n)).toEqual([4, 3, 2, 1, 0]);
    expect((await verifyAuditChains(t.database)).breaks).toEqual([]);
  });

  it('verification passes on an intact chain and names the first row changed behind its back', async () => {
    expect((await verifyAuditChains(t.database)).breaks).toEqual([]);
    await inSystem(t.database, async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await tx.execute(
        sql`update audit_events set entity_type = 'tampered' where mission_id = ${t.missionId} and seq = 3`,
      );
      await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    });
    const { breaks } = await verifyAuditChains(t.database);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({
      missionId: t.missionId,
      seq: 3,
      reason: 'contents do not match their hash',
    });
  });

  it('refuses updates and deletes even to the owner while the trigger stands', async () => {
    await expect(inSystem(t.database, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
  });

  it('answers a field error, not a 500, for dates beyond the supported range', async () => {
    for (const q of ['to=9999-12-31', 'from=0001-01-01', 'to=99999-01-01']) {
      const res = await t.admin.get(`/api/v1/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      const field = q.split('=')[0];
      expect(
        json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path),
        q,
      ).toContain(field);
    }
    expect((await t.admin.get('/api/v1/audit?from=2026-01-01&to=2999-12-31')).statusCode).toBe(200);
  });
});
