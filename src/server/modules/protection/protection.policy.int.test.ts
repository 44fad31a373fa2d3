import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { BASE } from '../../../domain/protection/screening.fixtures';
import { csvRows } from '../../test/exports';
import { buildCentre, buildOrganisation, buildPerson, createRecipient } from '../../test/factories';
import { json, type TestApp, testApp } from '../../test/harness';

// What each role may do with protection data (DESIGN §5), written out here rather than derived
// from the policy code, so that a change to either shows up.
const READS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITES: Role[] = ['caseworker', 'protection_officer'];
const FLAGS: Role[] = [...READS, 'doctor', 'nurse', 'counsellor'];
/** list the medical referrals and consents only (issue 12): see health/medical-referrals.int.test.ts */
const MEDICAL: Role[] = ['doctor', 'nurse'];

let t: TestApp;
let personId: string;
let screeningId: string;
let noteId: string;
let referralId: string;
let unhcr: string;
let noConsent: string;
beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  noConsent = await createRecipient(t.admin);
  const po = await t.signIn({ role: 'protection_officer' });
  personId = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
  screeningId = json<{ id: string }>(
    await po.post('/api/v1/screenings', { personId, screenedOn: '2026-11-01', answers: BASE }),
  ).id;
  noteId = json<{ id: string }>(
    await po.post('/api/v1/notes', { personId, category: 'protection', body: 'Confidential.' }),
  ).id;
  await po.post('/api/v1/consents', {
    personId,
    purpose: 'referral',
    recipientOrganisationId: unhcr,
    decision: 'given',
    method: 'verbal',
    language: 'ar',
    givenOn: '2026-11-01',
  });
  referralId = json<{ id: string }>(
    await po.post('/api/v1/referrals', {
      personId,
      recipientOrganisationId: unhcr,
      service: 'legal',
      reason: 'Needs legal counselling.',
    }),
  ).id;
});
afterAll(() => t.close());

describe.each(ROLES)('%s and protection data', (role) => {
  it('may do exactly what DESIGN §5 allows', async () => {
    const c = await t.signIn({ role });
    const reads = READS.includes(role);
    const writes = WRITES.includes(role);
    const medical = MEDICAL.includes(role);
    const checks: [string, boolean, number][] = [
      ['summary', FLAGS.includes(role), (await c.get(`/api/v1/persons/${personId}/protection`)).statusCode],
      ['list screenings', reads, (await c.get(`/api/v1/screenings?personId=${personId}`)).statusCode],
      ['list screenings in scope', reads, (await c.get('/api/v1/screenings?flag=child')).statusCode],
      [
        'export screenings',
        reads,
        (await c.get('/api/v1/screenings/export?format=csv&sort=riskLevel')).statusCode,
      ],
      [
        'flagged awaiting a referral',
        reads,
        (await c.get('/api/v1/screenings/awaiting-referral')).statusCode,
      ],
      ['protection figures', reads, (await c.get('/api/v1/protection/figures')).statusCode],
      [
        'referral recipients',
        writes,
        (await c.get(`/api/v1/referrals/recipients?personId=${personId}&service=legal`)).statusCode,
      ],
      ['read screening', reads, (await c.get(`/api/v1/screenings/${screeningId}`)).statusCode],
      ['read note', reads, (await c.get(`/api/v1/notes/${noteId}`)).statusCode],
      ['list referrals', reads || medical, (await c.get('/api/v1/referrals')).statusCode],
      ['read referral', reads, (await c.get(`/api/v1/referrals/${referralId}`)).statusCode],
      ['list consents', reads || medical, (await c.get(`/api/v1/consents?personId=${personId}`)).statusCode],
      [
        'create note',
        writes,
        (await c.post('/api/v1/notes', { personId, category: 'follow_up', body: `by ${role}` })).statusCode,
      ],
      [
        'screen',
        writes,
        (await c.post('/api/v1/screenings', { personId, screenedOn: '2026-11-02', answers: BASE }))
          .statusCode,
      ],
      [
        'consent',
        writes,
        (
          await c.post('/api/v1/consents', {
            personId,
            purpose: 'data_sharing',
            recipientOrganisationId: unhcr,
            decision: 'given',
            method: 'verbal',
            language: 'ar',
            givenOn: '2026-11-02',
          })
        ).statusCode,
      ],
      [
        'override consent',
        role === 'protection_officer',
        (
          await c.post('/api/v1/referrals', {
            personId,
            recipientOrganisationId: noConsent,
            service: 'shelter',
            reason: 'x',
            consentOverrideReason: 'Imminent risk to life',
          })
        ).statusCode,
      ],
      ['packet', writes, (await c.get(`/api/v1/referrals/${referralId}/packet?format=xlsx`)).statusCode],
      [
        'sharing profile edit',
        role === 'admin',
        (
          await c.request({
            method: 'PUT',
            url: `/api/v1/organisations/${unhcr}/sharing-profile`,
            payload: { fields: ['registrationNumber'] },
          })
        ).statusCode,
      ],
    ];
    for (const [what, allowed, status] of checks) {
      // a role that may not read people at all gets 403 before the protection check, or 404 for the person
      const refused = status === 403 || (!reads && status === 404);
      expect(allowed ? status < 300 : refused, `${role} ${what}: ${status}`).toBe(true);
    }
  });
});

describe('scope', () => {
  it('a caseworker of another centre and organisation sees none of it', async () => {
    const other = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const c = await t.signIn({ role: 'caseworker', centreIds: [other], organisationId: org });
    expect((await c.get(`/api/v1/screenings/${screeningId}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/notes/${noteId}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/referrals/${referralId}`)).statusCode).toBe(404);
    expect(json(await c.get('/api/v1/referrals'))).toMatchObject({ items: [], total: 0 });
    expect(json(await c.get('/api/v1/screenings'))).toMatchObject({ items: [], total: 0 });
    expect(csvRows(await c.get('/api/v1/screenings/export?format=csv'))).toHaveLength(1); // the header
    expect(json<{ items: unknown[] }>(await c.get('/api/v1/screenings/awaiting-referral')).items).toEqual([]);
    expect(json<{ flaggedPeople: number }>(await c.get('/api/v1/protection/figures'))).toMatchObject({
      flaggedPeople: 0,
      awaitingReferral: 0,
      overdueReferrals: 0,
    });
    expect((await c.get(`/api/v1/referrals/recipients?personId=${personId}&service=legal`)).statusCode).toBe(
      404,
    );
    expect((await c.post('/api/v1/notes', { personId, category: 'protection', body: 'x' })).statusCode).toBe(
      404,
    );
  });
});
