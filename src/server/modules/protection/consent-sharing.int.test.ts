import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCentre,
  buildConsent,
  buildOrganisation,
  buildPerson,
  buildReferral,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Security regressions: a refusal recorded after a consent override stops sharing; packets list
// only the relatives the sender may see.

let t: TestApp;
let cw: Client;
let po: Client;
let centreA: string;
let centreB: string;
let unhcr: string;
beforeAll(async () => {
  t = await testApp();
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = json<{ id: string }>(
    await t.admin.post('/api/v1/organisations', buildOrganisation({ kind: 'un_agency' })),
  ).id;
  const set = await t.admin.request({
    method: 'PUT',
    url: `/api/v1/organisations/${unhcr}/sharing-profile`,
    payload: {
      fields: ['registrationNumber', 'givenName', 'familyName', 'family'],
      services: ['international_protection', 'legal'],
    },
  });
  expect(set.statusCode, set.body).toBe(200);
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
});
afterAll(() => t.close());

const register = async (c: Client, centreId: string, o = {}) => {
  const res = await c.post('/api/v1/persons', buildPerson(centreId, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
};
type Ref = { id: string; version: number; status: string };
const overridden = async (personId: string) => {
  const res = await po.post(
    '/api/v1/referrals',
    buildReferral(personId, unhcr, { consentOverrideReason: 'Child at imminent risk; guardian unreachable' }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return json<Ref>(res);
};
const packet = (c: Client, id: string) =>
  c.request({ method: 'GET', url: `/api/v1/referrals/${id}/packet?format=xlsx` });
const send = (r: Ref, extra = {}) =>
  po.post(`/api/v1/referrals/${r.id}/transitions`, { to: 'sent', version: r.version, ...extra });

describe('an override covers only the absence of a decision', () => {
  it('a refusal recorded after the override stops the packet and the sending', async () => {
    const personId = await register(cw, centreA);
    const r = await overridden(personId);
    expect((await packet(po, r.id)).statusCode).toBe(200);
    const declined = await cw.post(
      '/api/v1/consents',
      buildConsent(personId, unhcr, { decision: 'declined', givenOn: '2026-11-02' }),
    );
    expect(declined.statusCode, declined.body).toBe(201);

    const refused = await packet(po, r.id);
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ code: 'consent_refused', errors: [{ path: 'consent' }] });
    const sent = await send(r);
    expect(sent.statusCode).toBe(422);
    expect(json(sent).code).toBe('consent_refused');
    // nor does a fresh override replace the person's answer
    const again = await send(r, { consentOverrideReason: 'Still urgent, sending anyway' });
    expect(again.statusCode).toBe(422);
    expect(json(await po.get(`/api/v1/referrals/${r.id}`)).status).toBe('draft');
  });

  it('a withdrawal after the override stops them too', async () => {
    const personId = await register(cw, centreA);
    const r = await overridden(personId);
    const given = json<{ id: string; version: number }>(
      await cw.post('/api/v1/consents', buildConsent(personId, unhcr, { givenOn: '2026-11-02' })),
    );
    expect((await packet(po, r.id)).statusCode).toBe(200);
    const withdrawn = await cw.post(`/api/v1/consents/${given.id}/withdraw`, {
      version: given.version,
      withdrawnOn: '2026-11-02',
      reason: 'Changed their mind',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await packet(po, r.id)).statusCode).toBe(422);
    expect(json(await send(r)).code).toBe('consent_refused');
  });

  it('an override cannot replace an earlier refusal either; with no decision at all it still works', async () => {
    const refusedPerson = await register(cw, centreA);
    await cw.post(
      '/api/v1/consents',
      buildConsent(refusedPerson, unhcr, { decision: 'declined', givenOn: '2026-10-20' }),
    );
    const res = await po.post(
      '/api/v1/referrals',
      buildReferral(refusedPerson, unhcr, { consentOverrideReason: 'Child at imminent risk, referring' }),
    );
    expect(res.statusCode).toBe(422);
    expect(json(res).code).toBe('consent_refused');

    const r = await overridden(await register(cw, centreA));
    const sent = await send(r);
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await packet(po, r.id)).statusCode).toBe(200);
  });
});

describe('referral packet relatives', () => {
  const cellsOf = async (res: { rawPayload: Buffer }) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet('Referral')?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    return cells.join('\n');
  };

  it('lists only relatives the sender may see, as /persons/{id}/family does', async () => {
    const partner = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const pcw = await t.signIn({ role: 'caseworker', organisationId: partner, centreIds: [centreA] });
    const sibling = await register(cw, centreA, { givenName: 'Hiddensibling' });
    const personId = await register(cw, centreA, {
      givenName: 'Visibleperson',
      family: [{ personId: sibling, relationship: 'sibling' }],
    });
    // the sibling moves to a centre the partner does not work in: out of its scope
    const moved = await cw.post(`/api/v1/persons/${sibling}/episodes`, {
      type: 'transfer',
      centreId: centreB,
      date: '2026-10-20',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(json<{ items: unknown[] }>(await pcw.get(`/api/v1/persons/${personId}/family`)).items).toEqual([]);

    await pcw.post('/api/v1/consents', buildConsent(personId, unhcr));
    const r = json<Ref>(await pcw.post('/api/v1/referrals', buildReferral(personId, unhcr)));
    const theirs = await packet(pcw, r.id);
    expect(theirs.statusCode, theirs.body).toBe(200);
    const text = await cellsOf(theirs);
    expect(text).toContain('Visibleperson');
    expect(text).not.toContain('Hiddensibling');
    // a mission-wide caseworker sees the sibling, so their packet names them
    expect(await cellsOf(await packet(cw, r.id))).toContain('Hiddensibling');
  });
});
