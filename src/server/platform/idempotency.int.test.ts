import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '../db/schema/index';
import { buildCentre, buildOrganisation, buildPerson } from '../test/factories';
import { type Client, json, type TestApp, testApp } from '../test/harness';
import { inSystem } from './tx';

let t: TestApp;
let personId: string;
beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const po = await t.signIn({ role: 'protection_officer' });
  personId = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
});
afterAll(() => t.close());

const SECRET = 'Told us about the smuggler in Sabha.';
const key = (n: string): Record<string, string> => ({ 'idempotency-key': `idem-${n}-0001` });
const storedKeys = () => inSystem(t.database, (tx) => tx.select().from(idempotencyKeys));

async function setRoles(c: Client, role: string) {
  const user = json<{ version: number }>(await t.admin.get(`/api/v1/users/${c.userId}`));
  const res = await t.admin.patch(`/api/v1/users/${c.userId}`, {
    version: user.version,
    roles: [{ role, centreIds: [] }],
  });
  expect(res.statusCode).toBe(200);
}

describe('Idempotency-Key replays', () => {
  it('re-authorise: a user who lost the role gets no note text by replaying an old key', async () => {
    const cw = await t.signIn({ role: 'caseworker' });
    const body = { personId, category: 'protection', body: SECRET };
    const first = await cw.post('/api/v1/notes', body, key('note'));
    expect(first.statusCode).toBe(201);
    const again = await cw.post('/api/v1/notes', body, key('note'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json(again)).toEqual(json(first));

    await setRoles(cw, 'viewer');
    const replay = await cw.post('/api/v1/notes', body, key('note'));
    expect(replay.statusCode).toBe(403);
    expect(replay.body).not.toContain(SECRET);
  });

  it('keep no answer: the key table holds no note text', async () => {
    const cw = await t.signIn({ role: 'caseworker' });
    await cw.post(
      '/api/v1/notes',
      { personId, category: 'protection', body: `${SECRET} (2)` },
      key('stored'),
    );
    const rows = await storedKeys();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('smuggler');
  });

  it('refuse the same key with another body with a 422, and make nothing', async () => {
    const body = buildOrganisation();
    expect((await t.admin.post('/api/v1/organisations', body, key('body'))).statusCode).toBe(201);
    const other = buildOrganisation();
    const res = await t.admin.post('/api/v1/organisations', other, key('body'));
    expect(res.statusCode).toBe(422);
    expect(json(res).code).toBe('idempotency_key_reused');
    const found = json<{ items: unknown[] }>(
      await t.admin.get(`/api/v1/organisations?q=${encodeURIComponent(other.name)}`),
    );
    expect(found.items).toEqual([]);
  });

  it('expire after the mission setting (24 h by default): an expired key is a new request, and is purged', async () => {
    // one session that outlives the day, so the same user replays
    Object.assign(t.ctx.config, { idleTimeout: 7 * 86_400, absoluteTimeout: 7 * 86_400 });
    const admin = await t.signIn({ role: 'admin' });
    const admin2 = admin;
    const body = buildOrganisation();
    const first = json<{ id: string }>(await admin.post('/api/v1/organisations', body, key('expiry')));
    t.advance(23 * 3_600_000);
    const within = await admin.post('/api/v1/organisations', body, key('expiry'));
    expect(json<{ id: string }>(within).id).toBe(first.id);

    t.advance(2 * 3_600_000);
    const later = buildOrganisation();
    const res = await admin2.post('/api/v1/organisations', later, key('expiry'));
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replay']).toBeUndefined();
    expect(json<{ id: string }>(res).id).not.toBe(first.id);
    // the purge took every expired key of the mission, and kept only fresh ones
    const oldest = Math.min(...(await storedKeys()).map((r) => r.createdAt.getTime()));
    expect(t.now().getTime() - oldest).toBeLessThanOrEqual(24 * 3_600_000);

    const mission = json<{ version: number; idempotencyKeyHours: number }>(
      await admin2.get('/api/v1/mission'),
    );
    expect(mission.idempotencyKeyHours).toBe(24);
    const patched = await admin2.patch('/api/v1/mission', {
      version: mission.version,
      idempotencyKeyHours: 1,
    });
    expect(json<{ idempotencyKeyHours: number }>(patched).idempotencyKeyHours).toBe(1);
    const short = buildOrganisation();
    const a = json<{ id: string }>(await admin2.post('/api/v1/organisations', short, key('short')));
    t.advance(61 * 60_000);
    const b = await admin2.post(
      '/api/v1/organisations',
      { ...short, name: `${short.name} bis` },
      key('short'),
    );
    expect(b.statusCode).toBe(201);
    expect(json<{ id: string }>(b).id).not.toBe(a.id);
  });
});
