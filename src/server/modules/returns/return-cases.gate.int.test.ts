import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, referrals, returnCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf, expectFields } from '../supplies/catalogue.fixtures';
import { blockersOf, getCase as get, move, ok, url } from './return-cases.fixtures';
import {
  caseIn,
  certifyFitness,
  flagProtectionNeed,
  type ReturnsWorld,
  returnee,
  returnsWorld,
  TODAY,
} from './returns.fixtures';

// The return cases API, continued: the protection gate (a protection officer's clearance,
// UNHCR's outcome), travel documents (from an embassy only, and never while the gate is
// blocked), exit visas and fitness to travel, each checked by the next step.

let t: TestApp;
let w: ReturnsWorld;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
}, 180_000);
afterAll(() => t.close());

describe('the protection gate', () => {
  it('blocks a flagged person until a protection officer documents the clearance', async () => {
    const personId = await returnee(w);
    await flagProtectionNeed(w, personId);
    const id = await caseIn(t, w, personId, { state: 'consented' });
    let r = await get(w.returnOfficer, id);
    expect(r.protection).toBe('blocked');
    expect(blockersOf(r, 'protection_cleared')).toEqual(['protection_not_cleared']);
    expect(r.allowedActions).not.toContain('clear_protection');
    expect(json(await move(w.returnOfficer, r, 'protection_cleared'))).toMatchObject({
      code: 'return_protection_not_cleared',
    });
    // nothing goes to the embassy meanwhile
    const doc = await w.returnOfficer.post(`${url(id)}/travel-documents`, {
      type: 'emergency_travel_document',
      issuingOrganisationId: w.embassy,
      number: 'ETD-1',
      issuedOn: TODAY,
      expiresOn: '2027-01-01',
    });
    expectFields(doc, 422, ['issuingOrganisationId']);
    // the return officer may not clear
    const reason = 'UNHCR declined to register; the person insists on returning, risk assessed as low.';
    expect(
      (await w.returnOfficer.post(`${url(id)}/protection-clearance`, { version: r.version, reason }))
        .statusCode,
    ).toBe(403);
    // the protection officer may, with a reason
    const po = await get(w.protectionOfficer, id);
    expect(po.allowedActions).toContain('clear_protection');
    expectFields(
      await w.protectionOfficer.post(`${url(id)}/protection-clearance`, { version: r.version }),
      400,
      ['reason'],
    );
    r = ok(await w.protectionOfficer.post(`${url(id)}/protection-clearance`, { version: r.version, reason }));
    expect(r).toMatchObject({
      protection: 'officer_cleared',
      clearanceReason: reason,
      clearedAt: t.now().toISOString(),
    });
    expect(r.clearedByName).toEqual(expect.any(String));
    expect(r.allowedActions).not.toContain('clear_protection');
    // stored encrypted; shown to the return officer, who reads protection data
    const [row] = await asSystem(t.ctx, t.missionId, (x) =>
      x.tx
        .select()
        .from(returnCases)
        .where(and(eq(returnCases.missionId, t.missionId), eq(returnCases.id, id))),
    );
    expect(row?.clearanceReason).not.toContain('UNHCR');
    expect((await get(w.returnOfficer, id)).clearanceReason).toBe(reason);
    const event = (await auditOf(t, 'return_case', id)).find((e) => e.action === 'update');
    expect(event?.changedFields).toEqual(['clearanceReason', 'clearedBy', 'clearedAt']);
    // cleared once: not again
    expect(
      (await w.protectionOfficer.post(`${url(id)}/protection-clearance`, { version: r.version, reason }))
        .statusCode,
    ).toBe(403);
    ok(await move(w.returnOfficer, r, 'protection_cleared'));
  });

  it('opens when UNHCR’s outcome is recorded on a protection referral (not while it is only sent)', async () => {
    const personId = await returnee(w);
    await flagProtectionNeed(w, personId);
    const id = await caseIn(t, w, personId, { state: 'consented' });
    // the referral to UNHCR (set up directly: the referral workflow is protection's, tested there)
    const referralId = newId();
    await asSystem(t.ctx, t.missionId, async (x) => {
      const [open] = await x.tx.select({ id: cases.id }).from(cases).where(eq(cases.personId, personId));
      const caseId = open?.id ?? newId();
      if (!open)
        await x.tx.insert(cases).values({
          missionId: t.missionId,
          id: caseId,
          personId,
          status: 'open',
          organisationId: w.org,
          openedOn: TODAY,
          createdByOrganisationId: w.org,
        });
      await x.tx.insert(referrals).values({
        missionId: t.missionId,
        id: referralId,
        reference: `TST-REF-${referralId.slice(-8)}`,
        personId,
        caseId,
        recipientOrganisationId: w.unhcr,
        service: 'international_protection',
        urgency: 'priority',
        reason: x.ctx.cipher.encrypt('Fears persecution'),
        linkedFlags: ['international_protection_need'],
        status: 'sent',
        createdByOrganisationId: w.org,
      });
    });
    expect((await get(w.returnOfficer, id)).protection).toBe('blocked');
    await asSystem(t.ctx, t.missionId, (x) =>
      x.tx.update(referrals).set({ status: 'declined' }).where(eq(referrals.id, referralId)),
    );
    const r = await get(w.returnOfficer, id);
    expect(r.protection).toBe('unhcr_outcome');
    expect(blockersOf(r, 'protection_cleared')).toEqual([]);
    ok(await move(w.returnOfficer, r, 'protection_cleared'));
  });
});

describe('documents', () => {
  const doc = (o: Record<string, unknown> = {}) => ({
    type: 'emergency_travel_document',
    issuingOrganisationId: w.embassy,
    number: 'ETD-2026-0042',
    issuedOn: TODAY,
    expiresOn: '2027-01-31',
    ...o,
  });

  it('takes travel documents from an embassy only, with consistent dates; audited', async () => {
    const id = await caseIn(t, w, await returnee(w), { state: 'nationality_confirmed' });
    const path = `${url(id)}/travel-documents`;
    expectFields(await w.returnOfficer.post(path, doc({ issuingOrganisationId: w.unhcr })), 422, [
      'issuingOrganisationId',
    ]);
    expect(json(await w.returnOfficer.post(path, doc({ issuingOrganisationId: w.partner }))).code).toBe(
      'not_an_embassy',
    );
    expectFields(await w.returnOfficer.post(path, doc({ expiresOn: '2026-01-01' })), 400, ['expiresOn']);
    expect((await w.manager.post(path, doc())).statusCode).toBe(403);
    const r = ok(await w.returnOfficer.post(path, doc()), 201);
    expect(r.travelDocuments).toEqual([
      expect.objectContaining({
        number: 'ETD-2026-0042',
        issuingOrganisationName: 'Embassy of Sudan',
        expiresOn: '2027-01-31',
      }),
    ]);
    const created = (await auditOf(t, 'travel_document', r.travelDocuments[0]!.id)).map((e) => e.action);
    expect(created).toEqual(['create']);
    ok(await move(w.returnOfficer, r, 'travel_document_issued'));
  });

  it('takes exit visas, checked on their dates by the next step', async () => {
    const id = await caseIn(t, w, await returnee(w), { state: 'travel_document_issued' });
    const path = `${url(id)}/exit-clearances`;
    expectFields(
      await w.returnOfficer.post(path, { reference: 'EX-1', issuedOn: TODAY, validUntil: '2026-10-01' }),
      400,
      ['validUntil'],
    );
    let r = ok(
      await w.returnOfficer.post(path, {
        reference: 'EX-OLD',
        issuedOn: '2026-09-01',
        validUntil: '2026-10-31',
      }),
      201,
    );
    expect(blockersOf(r, 'exit_cleared')).toEqual(['exit_clearance_expired']);
    expect(json(await move(w.returnOfficer, r, 'exit_cleared'))).toMatchObject({
      code: 'return_exit_clearance_expired',
    });
    r = ok(
      await w.returnOfficer.post(path, { reference: 'EX-2', issuedOn: TODAY, validUntil: '2026-12-01' }),
      201,
    );
    expect(r.exitClearances.map((x) => x.reference)).toEqual(['EX-2', 'EX-OLD']);
    const events = await auditOf(t, 'exit_clearance', r.exitClearances[0]!.id);
    expect(events.map((e) => e.action)).toEqual(['create']);
    r = ok(await move(w.returnOfficer, r, 'exit_cleared'));
    expect(r.state).toBe('exit_cleared');
  });

  it('shows fitness to travel as a flag to return officers, and checks it', async () => {
    const personId = await returnee(w);
    const id = await caseIn(t, w, personId, { state: 'exit_cleared' });
    await certifyFitness(w, personId, 'not_fit', '2026-12-31');
    const r = await get(w.returnOfficer, id);
    expect(r.fitness).toEqual({ status: 'not_fit', validUntil: '2026-12-31' });
    expect(blockersOf(r, 'fit_to_travel')).toEqual(['not_fit_to_travel']);
    expect((await get(w.manager, id)).fitness).toBeNull();
    await certifyFitness(w, personId, 'fit_with_escort', '2026-12-31');
    ok(await move(w.returnOfficer, await get(w.returnOfficer, id), 'fit_to_travel'));
  });
});
