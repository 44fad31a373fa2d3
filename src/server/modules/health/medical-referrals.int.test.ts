import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSES, REFERRAL_SERVICES } from '../../../domain/protection/records';
import { buildCentre, buildConsent, buildPerson, buildReferral, createRecipient } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Medical referrals to hospitals (issue 12, scope 4) go through protection's referrals with the
// `medical` service and need the person's `medical` consent; doctors and nurses make, read and
// move them, and nothing else of protection's referrals.

type Ref = {
  id: string;
  status: string;
  version: number;
  service: string;
  reason: string;
  reasonWithheld?: boolean;
  caseId: string;
  allowedActions: string[];
};
type Page<T> = { items: T[] };

let t: TestApp;
let doctor: Client;
let nurse: Client;
let cw: Client;
let po: Client;
let hospital: string;
let unhcr: string;
let centre: string;
const MEDICAL_REASON = 'Suspected pulmonary tuberculosis: needs chest X-ray and sputum tests.';

beforeAll(async () => {
  t = await testApp();
  centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  hospital = await createRecipient(
    t.admin,
    { name: 'Test General Hospital', kind: 'other' },
    { services: ['medical'] },
  );
  unhcr = await createRecipient(t.admin, { name: 'UNHCR Medref', kind: 'un_agency' });
  doctor = await t.signIn({ role: 'doctor' });
  nurse = await t.signIn({ role: 'nurse' });
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
});
afterAll(() => t.close());

const newPerson = async () => json<{ id: string }>(await cw.post('/api/v1/persons', buildPerson(centre))).id;
const medicalConsent = (personId: string, o = {}) =>
  buildConsent(personId, hospital, { purpose: 'medical', ...o });
const medicalReferral = (personId: string, o = {}) =>
  buildReferral(personId, hospital, { service: 'medical', urgency: 'routine', reason: MEDICAL_REASON, ...o });
const move = (c: Client, r: Ref, to: string, headers?: Record<string, string>) =>
  c.post(`/api/v1/referrals/${r.id}/transitions`, { to, version: r.version }, headers);

describe('consent for a medical referral (purpose medical)', () => {
  it('refuses without a medical consent, even with a referral consent to the same hospital', async () => {
    const personId = await newPerson();
    const none = await doctor.post('/api/v1/referrals', medicalReferral(personId));
    expect(none.statusCode).toBe(422);
    expect(json(none)).toMatchObject({ code: 'consent_missing', errors: [{ path: 'consent' }] });
    expect((await cw.post('/api/v1/consents', buildConsent(personId, hospital))).statusCode).toBe(201);
    const wrongPurpose = await doctor.post('/api/v1/referrals', medicalReferral(personId));
    expect(json(wrongPurpose)).toMatchObject({ code: 'consent_missing' });
  });

  it('refers with it (201); the referral joins an unassigned case and is audited', async () => {
    const personId = await newPerson();
    const consent = await doctor.post('/api/v1/consents', medicalConsent(personId));
    expect(consent.statusCode).toBe(201);
    const res = await doctor.post('/api/v1/referrals', medicalReferral(personId));
    expect(res.statusCode).toBe(201);
    const r = json<Ref & { consentId: string }>(res);
    expect(r).toMatchObject({
      status: 'draft',
      service: 'medical',
      reason: MEDICAL_REASON,
      reasonWithheld: false,
    });
    expect(r.consentId).toBe(json<{ id: string }>(consent).id);
    const audit = json<Page<{ entityId: string; actorUsername: string; detail: { personId: string } }>>(
      await t.admin.get('/api/v1/audit?action=create&entityType=referral&limit=200'),
    ).items.find((e) => e.entityId === r.id);
    expect(audit).toMatchObject({ actorUsername: doctor.username, detail: { personId } });
    // the doctor works no protection case: the case opened for the referral is nobody's yet
    const [c] = json<Page<{ id: string; assignedUserId: string | null }>>(
      await cw.get(`/api/v1/cases?personId=${personId}`),
    ).items;
    expect(c).toMatchObject({ id: r.caseId, assignedUserId: null });
    // the doctor sends it: consent is checked again, for the medical purpose
    expect((await move(doctor, r, 'sent')).statusCode).toBe(200);
  });

  it('a refusal recorded after the consent wins, over an override too', async () => {
    const personId = await newPerson();
    await doctor.post('/api/v1/consents', medicalConsent(personId));
    const draft = json<Ref>(await doctor.post('/api/v1/referrals', medicalReferral(personId)));
    const refusal = await nurse.post(
      '/api/v1/consents',
      medicalConsent(personId, { decision: 'declined', givenOn: '2026-11-02' }),
    );
    expect(refusal.statusCode).toBe(201);
    const again = await doctor.post('/api/v1/referrals', medicalReferral(personId));
    expect(again.statusCode).toBe(422);
    expect(json(again)).toMatchObject({ code: 'consent_refused' });
    const overridden = await po.post(
      '/api/v1/referrals',
      medicalReferral(personId, { consentOverrideReason: 'Life-threatening condition, urgent' }),
    );
    expect(json(overridden)).toMatchObject({ code: 'consent_refused' });
    const send = await move(doctor, draft, 'sent');
    expect(send.statusCode).toBe(422);
    expect(json(send)).toMatchObject({ code: 'consent_refused' });
  });

  it('only a protection officer overrides a missing medical consent', async () => {
    const personId = await newPerson();
    const body = medicalReferral(personId, {
      consentOverrideReason: 'Unconscious on arrival, cannot consent',
    });
    expect((await doctor.post('/api/v1/referrals', body)).statusCode).toBe(403);
    const res = await po.post('/api/v1/referrals', body);
    expect(res.statusCode).toBe(201);
    expect(json<{ consentOverrideReason: string }>(res).consentOverrideReason).toMatch(/Unconscious/);
  });

  it('doctors and nurses record the medical consent only, and list only medical consents', async () => {
    const personId = await newPerson();
    const other = await doctor.post('/api/v1/consents', buildConsent(personId, unhcr));
    expect(other.statusCode).toBe(403);
    expect(
      (await nurse.post('/api/v1/consents', buildConsent(personId, unhcr, { purpose: 'return' }))).statusCode,
    ).toBe(403);
    const given = json<{ id: string; version: number; allowedActions: string[] }>(
      await nurse.post('/api/v1/consents', medicalConsent(personId)),
    );
    expect(given.allowedActions).toContain('withdraw');
    const protectionConsent = json<{ id: string }>(
      await cw.post('/api/v1/consents', buildConsent(personId, unhcr)),
    );
    const seen = (c: Client) =>
      c
        .get(`/api/v1/consents?personId=${personId}`)
        .then((r) => json<Page<{ id: string }>>(r).items.map((i) => i.id));
    expect(await seen(doctor)).toEqual([given.id]);
    expect((await seen(cw)).sort()).toEqual([given.id, protectionConsent.id].sort());
    const withdrawn = await doctor.post(`/api/v1/consents/${given.id}/withdraw`, {
      version: given.version,
      withdrawnOn: '2026-11-01',
      reason: 'Prefers to wait for the next clinic',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(
      (
        await doctor.post(`/api/v1/consents/${protectionConsent.id}/withdraw`, {
          version: 1,
          withdrawnOn: '2026-11-01',
          reason: 'Not theirs to withdraw',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('what doctors may do with protection referrals', () => {
  let personId: string;
  let legal: Ref;
  let medical: Ref;
  let cwMedical: Ref;
  beforeAll(async () => {
    personId = await newPerson();
    await cw.post('/api/v1/consents', buildConsent(personId, unhcr));
    await cw.post('/api/v1/consents', medicalConsent(personId));
    legal = json<Ref>(
      await cw.post('/api/v1/referrals', buildReferral(personId, unhcr, { service: 'legal' })),
    );
    medical = json<Ref>(await doctor.post('/api/v1/referrals', medicalReferral(personId)));
    cwMedical = json<Ref>(
      await cw.post(
        '/api/v1/referrals',
        medicalReferral(personId, { reason: 'Asked the caseworker to see a dentist.' }),
      ),
    );
  });

  it('cannot create a legal or UNHCR referral, nor ask for their recipients (403)', async () => {
    for (const service of ['legal', 'international_protection'] as const)
      expect(
        (await doctor.post('/api/v1/referrals', buildReferral(personId, unhcr, { service }))).statusCode,
      ).toBe(403);
    expect(
      (await nurse.get(`/api/v1/referrals/recipients?personId=${personId}&service=legal`)).statusCode,
    ).toBe(403);
    const hospitals = json<Page<{ id: string }>>(
      await doctor.get(`/api/v1/referrals/recipients?personId=${personId}&service=medical`),
    ).items.map((o) => o.id);
    expect(hospitals).toContain(hospital);
    expect(hospitals).toContain(unhcr); // its profile takes every service, medical included
  });

  it('cannot read, list or move the protection referrals; reads and lists the medical ones', async () => {
    expect((await doctor.get(`/api/v1/referrals/${legal.id}`)).statusCode).toBe(404);
    expect((await move(doctor, legal, 'cancelled')).statusCode).toBe(404);
    expect((await doctor.get(`/api/v1/referrals/${legal.id}/packet?format=xlsx`)).statusCode).toBe(404);
    const ids = async (c: Client, q: string) =>
      json<Page<{ id: string }>>(await c.get(`/api/v1/referrals?personId=${personId}${q}`))
        .items.map((i) => i.id)
        .sort();
    expect(await ids(doctor, '')).toEqual([medical.id, cwMedical.id].sort());
    expect(await ids(nurse, '&service=medical')).toEqual([medical.id, cwMedical.id].sort());
    expect(await ids(doctor, '&service=legal')).toEqual([]);
    expect(json<Ref>(await nurse.get(`/api/v1/referrals/${cwMedical.id}`)).reason).toMatch(/dentist/);
  });

  it('a caseworker still refers anywhere and reads every referral, not the reason of a doctor’s', async () => {
    const ids = json<Page<Ref>>(await cw.get(`/api/v1/referrals?personId=${personId}`)).items;
    expect(ids.map((i) => i.id).sort()).toEqual([legal.id, medical.id, cwMedical.id].sort());
    const doctors = ids.find((i) => i.id === medical.id)!;
    expect(doctors).toMatchObject({ service: 'medical', reason: '', reasonWithheld: true });
    expect(doctors.allowedActions).not.toContain('packet'); // the packet prints the reason
    expect(ids.find((i) => i.id === cwMedical.id)).toMatchObject({ reasonWithheld: false });
    expect(json<Ref>(await po.get(`/api/v1/referrals/${medical.id}`))).toMatchObject({ reason: '' });
    expect((await po.get(`/api/v1/referrals/${medical.id}/packet?format=xlsx`)).statusCode).toBe(403);
    expect(json<Ref>(await cw.get(`/api/v1/referrals/${legal.id}`)).reason).toMatch(/persecution/);
    expect(
      (await cw.post('/api/v1/referrals', buildReferral(personId, unhcr, { service: 'legal' }))).statusCode,
    ).toBe(201);
  });

  it('is not offered what it is refused: each action offered on its referral passes a dry run', async () => {
    const r = json<Ref>(await doctor.get(`/api/v1/referrals/${medical.id}`));
    expect(r.allowedActions).toEqual(
      expect.arrayContaining(['read', 'transition', 'packet', 'to:sent', 'to:cancelled']),
    );
    expect(r.allowedActions).not.toContain('override_consent');
    const dry = { 'sanad-dry-run': 'true' };
    for (const action of r.allowedActions) {
      const res =
        action === 'read'
          ? await doctor.get(`/api/v1/referrals/${r.id}`)
          : action === 'packet'
            ? await doctor.get(`/api/v1/referrals/${r.id}/packet?format=xlsx`)
            : await move(doctor, r, action === 'transition' ? 'cancelled' : action.slice(3), dry);
      expect(res.statusCode, `${action}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
    }
    const refused = await doctor.post(
      `/api/v1/referrals/${r.id}/transitions`,
      { to: 'sent', version: r.version, consentOverrideReason: 'Urgent, no time to ask' },
      dry,
    );
    expect(refused.statusCode).toBe(403);
    expect(json<Ref>(await doctor.get(`/api/v1/referrals/${r.id}`)).status).toBe('draft'); // rolled back
  });

  it('the person’s summary names the services each reader may refer for, and only those pass', async () => {
    const offered = async (c: Client) =>
      json<{ referralServices: string[] }>(await c.get(`/api/v1/persons/${personId}/protection`))
        .referralServices;
    expect(await offered(doctor)).toEqual(['medical']);
    expect(await offered(nurse)).toEqual(['medical']);
    expect(await offered(po)).toEqual([...REFERRAL_SERVICES]);
    expect(await offered(cw)).toEqual([...REFERRAL_SERVICES]);
    // offered ⇒ allowed, refused ⇒ not offered: the recipients' list answers each service alike
    for (const [c, mine] of [
      [doctor, await offered(doctor)],
      [po, await offered(po)],
    ] as const)
      for (const service of REFERRAL_SERVICES) {
        const res = await c.get(`/api/v1/referrals/recipients?personId=${personId}&service=${service}`);
        expect(res.statusCode, service).toBe(mine.includes(service) ? 200 : 403);
      }
  });

  it('the person’s summary names the consent purposes each reader may record, and only those pass', async () => {
    const ro = await t.signIn({ role: 'return_officer' });
    const purposes = async (c: Client) =>
      json<{ consentPurposes: string[] }>(await c.get(`/api/v1/persons/${personId}/protection`))
        .consentPurposes;
    expect(await purposes(doctor)).toEqual(['medical']);
    expect(await purposes(nurse)).toEqual(['medical']);
    expect(await purposes(ro)).toEqual(['return']);
    expect(await purposes(po)).toEqual([...CONSENT_PURPOSES]);
    expect(await purposes(cw)).toEqual([...CONSENT_PURPOSES]);
    // refused ⇒ not offered, offered ⇒ not refused: a dry run of each purpose answers alike
    const dry = { 'sanad-dry-run': 'true' };
    for (const c of [doctor, ro])
      for (const purpose of CONSENT_PURPOSES) {
        const res = await c.post('/api/v1/consents', medicalConsent(personId, { purpose }), dry);
        expect(res.statusCode === 403, `${c.username} ${purpose}: ${res.statusCode}`).toBe(
          !(await purposes(c)).includes(purpose),
        );
      }
  });

  it('a nurse of another centre neither sees nor refers the person (404)', async () => {
    const elsewhere = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const away = await t.signIn({ role: 'nurse', centreIds: [elsewhere] });
    expect((await away.get(`/api/v1/referrals/${medical.id}`)).statusCode).toBe(404);
    expect((await away.post('/api/v1/referrals', medicalReferral(personId))).statusCode).toBe(404);
  });
});
