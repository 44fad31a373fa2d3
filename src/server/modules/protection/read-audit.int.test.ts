import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE } from '../../../domain/protection/screening.fixtures';
import { rows } from '../../platform/tx';
import { buildCentre, buildConsent, buildPerson, buildReferral, createRecipient } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { encryptClearOverrideReasons } from './backfill';

// Security regressions (DESIGN §6): reads of referrals, consents and cases are audited; override
// reasons are encrypted and kept out of the audit trail.

let t: TestApp;
let cw: Client;
let po: Client;
let unhcr: string;
let personId: string;
let referralId: string;
let consentId: string;
beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
  personId = json<{ id: string }>(await cw.post('/api/v1/persons', buildPerson(centre))).id;
  consentId = json<{ id: string }>(await cw.post('/api/v1/consents', buildConsent(personId, unhcr))).id;
  referralId = json<{ id: string }>(await cw.post('/api/v1/referrals', buildReferral(personId, unhcr))).id;
});
afterAll(() => t.close());

type Event = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorUsername: string | null;
  detail: Record<string, unknown> | null;
};
const reads = async (entityType: string) =>
  json<{ items: Event[] }>(await t.admin.get(`/api/v1/audit?action=read&entityType=${entityType}&limit=200`))
    .items;

describe('reads of protection records are audited', () => {
  it('audits a referral read (its reason is decrypted) and a referral list read, naming the ids', async () => {
    expect((await po.get(`/api/v1/referrals/${referralId}`)).statusCode).toBe(200);
    expect((await po.get(`/api/v1/referrals?personId=${personId}`)).statusCode).toBe(200);
    const events = (await reads('referral')).filter((e) => e.actorUsername === po.username);
    expect(events.find((e) => e.entityId === referralId)?.detail).toMatchObject({ personId });
    const list = events.find((e) => e.entityId === null);
    expect(list?.detail).toMatchObject({ ids: [referralId], count: 1 });
  });

  it('audits a consent list read', async () => {
    expect((await po.get(`/api/v1/consents?personId=${personId}`)).statusCode).toBe(200);
    const [e] = (await reads('consent')).filter((x) => x.actorUsername === po.username);
    expect(e?.detail).toMatchObject({ personId, ids: [consentId], count: 1 });
  });

  it('audits a case read and a case list read', async () => {
    const cases = json<{ items: { id: string }[] }>(await po.get(`/api/v1/cases?personId=${personId}`)).items;
    const caseId = cases[0]!.id;
    expect((await po.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    const events = (await reads('case')).filter((e) => e.actorUsername === po.username);
    expect(events.find((e) => e.entityId === caseId)?.detail).toMatchObject({ personId });
    expect(events.find((e) => e.entityId === null)?.detail).toMatchObject({ ids: [caseId] });
  });
});

describe('override reasons are encrypted', () => {
  const secret = 'Disclosed abuse by a guard after the interview';

  it('keeps a screening override reason encrypted and out of the audit trail', async () => {
    const res = await po.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-02',
      answers: BASE,
      override: { riskLevel: 'critical', flagsAdded: [], reason: secret },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = json<{ id: string; overrideReason: string }>(res).id;
    expect(json<{ overrideReason: string }>(res).overrideReason).toBe(secret);
    const [raw] = await rows<{ clear: string | null; enc: string | null }>(
      t.database.db.execute(
        sql`select override_reason as clear, override_reason_enc as enc from screenings where id = ${id}`,
      ),
    );
    expect(raw?.clear).toBeNull();
    expect(raw?.enc).toMatch(/^v1:/);
    expect(raw?.enc).not.toContain('abuse');
    const audit = await t.admin.get('/api/v1/audit?limit=200');
    expect(audit.body).not.toContain('abuse by a guard');
    const listed = json<{ items: { id: string; overrideReason: string | null }[] }>(
      await po.get(`/api/v1/screenings?personId=${personId}`),
    ).items;
    expect(listed.find((s) => s.id === id)?.overrideReason).toBe(secret);
  });

  it('moves reasons once stored in clear into the encrypted columns at start', async () => {
    const other = await createRecipient(t.admin);
    const res = await po.post(
      '/api/v1/referrals',
      buildReferral(personId, other, { consentOverrideReason: 'Placeholder reason for now' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = json<{ id: string }>(res).id;
    // as a row written before encryption looked
    await t.database.db.execute(
      sql`update referrals set consent_override_reason = ${secret}, consent_override_reason_enc = null where id = ${id}`,
    );
    expect(await encryptClearOverrideReasons(t.database, t.ctx.cipher)).toBeGreaterThanOrEqual(1);
    expect(await encryptClearOverrideReasons(t.database, t.ctx.cipher)).toBe(0);
    const [raw] = await rows<{ clear: string | null; enc: string | null }>(
      t.database.db.execute(
        sql`select consent_override_reason as clear, consent_override_reason_enc as enc from referrals where id = ${id}`,
      ),
    );
    expect(raw?.clear).toBeNull();
    expect(raw?.enc).toMatch(/^v1:/);
    expect(
      json<{ consentOverrideReason: string }>(await po.get(`/api/v1/referrals/${id}`)).consentOverrideReason,
    ).toBe(secret);
  });
});

describe('notes listed without their text', () => {
  it('lists note metadata with one audited list read, and audits each opened note', async () => {
    const secret = 'Told us about the smuggler';
    const ids: string[] = [];
    for (const body of [secret, 'Second note']) {
      ids.push(
        json<{ id: string }>(await po.post('/api/v1/notes', { personId, category: 'protection', body })).id,
      );
    }
    const before = (await reads('note')).length;
    const res = await po.get(`/api/v1/notes?personId=${personId}&bodies=false`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(secret);
    const items = json<{ items: Record<string, unknown>[] }>(res).items;
    expect(items.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(items.every((n) => !('body' in n) && n.category === 'protection')).toBe(true);
    const after = await reads('note');
    expect(after.length - before).toBe(1);
    expect(after[0]).toMatchObject({ entityId: null, actorUsername: po.username });
    expect(after[0]?.detail).toMatchObject({ personId, count: 2 });

    const one = json<{ body: string }>(await po.get(`/api/v1/notes/${ids[0]}`));
    expect(one.body).toBe(secret);
    const opened = await reads('note');
    expect(opened.length - after.length).toBe(1);
    expect(opened[0]).toMatchObject({ entityId: ids[0] });
  });

  it('rejects a bodies value other than true or false with a 400', async () => {
    const res = await po.get(`/api/v1/notes?personId=${personId}&bodies=maybe`);
    expect(res.statusCode).toBe(400);
  });
});
