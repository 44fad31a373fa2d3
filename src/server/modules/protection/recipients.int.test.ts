import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { HttpProblem } from '../../platform/errors';
import { asSystem } from '../../platform/http';
import {
  acceptsReferrals,
  buildCentre,
  buildConsent,
  buildOrganisation,
  buildPerson,
  buildReferral,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { embassyGate } from './recipients.service';

// Safe sharing by default: the referral form is offered only organisations with a sharing
// profile that take the service, and the server refuses any other recipient (422 on the field);
// embassies and the detaining authority never; a person who may need international protection
// never to their country's embassy (the gate the returns module will call).

let t: TestApp;
let po: Client;
let centre: string;
let eritrean: string; // screened: possible need for international protection
let unflagged: string; // an Eritrean never flagged
const org: Record<string, string> = {};

const create = async (o: Parameters<typeof buildOrganisation>[0]) =>
  json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation(o))).id;
const recipients = async (personId: string, service: string) =>
  json<{ items: { id: string }[] }>(
    await po.get(`/api/v1/referrals/recipients?personId=${personId}&service=${service}`),
  ).items.map((o) => o.id);

beforeAll(async () => {
  t = await testApp();
  centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  org.unhcr = await acceptsReferrals(t.admin, await create({ kind: 'un_agency' }), {
    services: ['international_protection', 'legal'],
  });
  org.clinic = await acceptsReferrals(t.admin, await create({ kind: 'partner_ngo' }), {
    services: ['medical'],
  });
  org.noProfile = await create({ kind: 'partner_ngo' });
  org.eriEmbassy = await acceptsReferrals(t.admin, await create({ kind: 'embassy', countryCode: 'ERI' }));
  org.ngaEmbassy = await acceptsReferrals(t.admin, await create({ kind: 'embassy', countryCode: 'NGA' }));
  org.authority = await acceptsReferrals(t.admin, await create({ kind: 'authority' }));
  po = await t.signIn({ role: 'protection_officer' });
  const register = async (o = {}) =>
    json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre, { nationality: 'ERI', ...o })))
      .id;
  eritrean = await register({ sex: 'female' });
  unflagged = await register();
  const s = await po.post('/api/v1/screenings', {
    personId: eritrean,
    screenedOn: '2026-11-01',
    answers: patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] }),
  });
  expect(json<{ flags: string[] }>(s).flags).toContain('international_protection_need');
});
afterAll(() => t.close());

describe('referral recipients', () => {
  it('offers only organisations with a sharing profile that take the service', async () => {
    expect(await recipients(eritrean, 'international_protection')).toEqual([org.unhcr]);
    expect(await recipients(eritrean, 'medical')).toEqual([org.clinic]);
    expect(await recipients(eritrean, 'shelter')).toEqual([]);
    // never an embassy nor the authority, even with a profile taking everything
    expect(await recipients(unflagged, 'legal')).toEqual([org.unhcr]);
  });

  it('answers 400 for a missing or unknown service and 404 for someone out of sight', async () => {
    expect((await po.get(`/api/v1/referrals/recipients?personId=${eritrean}`)).statusCode).toBe(400);
    expect((await po.get(`/api/v1/referrals/recipients?personId=${eritrean}&service=spa`)).statusCode).toBe(
      400,
    );
    const other = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const cw = await t.signIn({ role: 'caseworker', centreIds: [other], organisationId: org.clinic });
    const res = await cw.get(`/api/v1/referrals/recipients?personId=${eritrean}&service=legal`);
    expect(res.statusCode).toBe(404);
  });

  it.each([
    ['noProfile', 'legal', 'recipient_no_sharing_profile'],
    ['clinic', 'legal', 'recipient_service_not_taken'],
    ['ngaEmbassy', 'legal', 'recipient_never_for_protection'],
    ['authority', 'legal', 'recipient_never_for_protection'],
    ['eriEmbassy', 'legal', 'recipient_embassy_of_origin'],
  ])(
    'refuses a referral to %s for %s with a 422 on the recipient, writing nothing',
    async (name, service, code) => {
      const to = org[name]!;
      await po.post('/api/v1/consents', buildConsent(eritrean, to));
      const res = await po.post(
        '/api/v1/referrals',
        buildReferral(eritrean, to, { service: service as 'legal' }),
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(json(res)).toMatchObject({ code, errors: [{ path: 'recipientOrganisationId' }] });
      const listed = json<{ items: { recipientOrganisationId: string }[] }>(
        await po.get(`/api/v1/referrals?personId=${eritrean}`),
      ).items;
      expect(listed.filter((r) => r.recipientOrganisationId === to)).toEqual([]);
    },
  );

  it('accepts an eligible recipient, and re-checks it when the referral is sent or packed', async () => {
    // a medical referral needs the `medical` consent (issue 12)
    await po.post('/api/v1/consents', buildConsent(unflagged, org.clinic!, { purpose: 'medical' }));
    const created = await po.post(
      '/api/v1/referrals',
      buildReferral(unflagged, org.clinic!, { service: 'medical' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    // the clinic stops taking medical referrals before this one is sent
    await acceptsReferrals(t.admin, org.clinic!, { services: ['psychosocial'] });
    const r = json<{ id: string; version: number }>(created);
    const sent = await po.post(`/api/v1/referrals/${r.id}/transitions`, { to: 'sent', version: r.version });
    expect(sent.statusCode, sent.body).toBe(422);
    expect(json(sent).code).toBe('recipient_service_not_taken');
    // nor is its packet made
    const packet = await po.get(`/api/v1/referrals/${r.id}/packet?format=xlsx`);
    expect(packet.statusCode).toBe(422);
    expect(json(packet).code).toBe('recipient_service_not_taken');
    await acceptsReferrals(t.admin, org.clinic!, { services: ['medical'] });
  });

  it('keeps the embassy gate for other modules: never the embassy of the country a flagged person fled', async () => {
    const gate = (personId: string, nationality: string, organisationId: string) =>
      asSystem(t.ctx, t.missionId, (w) => embassyGate(w, { id: personId, nationality }, organisationId));
    const refused = await gate(eritrean, 'ERI', org.eriEmbassy!).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpProblem);
    expect(refused).toMatchObject({ status: 422, extra: { code: 'recipient_embassy_of_origin' } });
    await expect(gate(eritrean, 'ERI', org.ngaEmbassy!)).resolves.toBeUndefined();
    await expect(gate(unflagged, 'ERI', org.eriEmbassy!)).resolves.toBeUndefined();
    await expect(gate(eritrean, 'ERI', org.unhcr!)).resolves.toBeUndefined();
  });
});
