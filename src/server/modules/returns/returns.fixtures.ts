import { expect } from 'vitest';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { FORWARD, type ReturnState } from '../../../domain/returns/states';
import {
  consents,
  consularInterviews,
  exitClearances,
  movementPassengers,
  movements,
  returnCases,
  returnStateSpans,
  travelDocuments,
} from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { newId } from '../../platform/ids';
import { acceptsReferrals, buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';
import { type ClinicWorld, clinicWorld, consult, scabies, TODAY } from '../health/consultations.fixtures';

// A returns world for the tests: the clinic world (centres A and B, a doctor and nurse at A…), a
// Sudanese embassy with a data-sharing profile, UNHCR, a reintegration partner in Sudan, return
// and protection officers, and helpers that put a case in any state with the facts that state
// needs (inserted directly: set up here, not under test).

export { TODAY };

export interface ReturnsWorld extends ClinicWorld {
  embassy: string;
  /** an embassy of another country (Nigeria) */
  otherEmbassy: string;
  unhcr: string;
  partner: string;
  returnOfficer: Client;
  /** a return officer at centre B only */
  returnOfficerB: Client;
  /** a mission-wide return officer */
  returnOfficerAll: Client;
  protectionOfficer: Client;
  /** the fields the Sudanese embassy may receive */
  embassyFields: string[];
}

export async function returnsWorld(t: TestApp): Promise<ReturnsWorld> {
  const c = await clinicWorld(t);
  const org = async (o: Parameters<typeof buildOrganisation>[0], profile?: { fields?: string[] }) => {
    const id = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation(o))).id;
    if (profile) await acceptsReferrals(t.admin, id, { ...profile, services: ['other'] });
    return id;
  };
  const embassyFields = ['registrationNumber', 'givenName', 'familyName', 'sex', 'birthDate', 'nationality'];
  const at = (role: string, centreIds: string[] = [c.centreA]) =>
    t.signIn({ role: role as never, organisationId: c.org, centreIds });
  return {
    ...c,
    embassy: await org(
      { kind: 'embassy', countryCode: 'SDN', name: 'Embassy of Sudan', nameAr: 'سفارة السودان' },
      { fields: embassyFields },
    ),
    otherEmbassy: await org(
      { kind: 'embassy', countryCode: 'NGA', name: 'Embassy of Nigeria' },
      { fields: embassyFields },
    ),
    unhcr: await org({ kind: 'un_agency', name: 'UNHCR' }),
    partner: await org({ kind: 'partner_ngo', name: 'Reintegration partner (Khartoum)', countryCode: 'SDN' }),
    returnOfficer: await at('return_officer'),
    returnOfficerB: await at('return_officer', [c.centreB]),
    returnOfficerAll: await at('return_officer', []),
    protectionOfficer: await at('protection_officer'),
    embassyFields,
  };
}

/** A Sudanese person held at centre A (registered by the nurse); returns the id. */
export async function returnee(
  w: ReturnsWorld,
  o: Partial<ReturnType<typeof buildPerson>> = {},
): Promise<string> {
  const res = await w.nurse.post('/api/v1/persons', buildPerson(w.centreA, { nationality: 'SDN', ...o }));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

/** Screens the person with a possible need for international protection (the protection officer). */
export async function flagProtectionNeed(w: ReturnsWorld, personId: string): Promise<void> {
  const res = await w.protectionOfficer.post('/api/v1/screenings', {
    personId,
    screenedOn: TODAY,
    answers: patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] }),
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(json<{ flags: string[] }>(res).flags).toContain('international_protection_need');
}

/** Records fitness to travel through a consultation (the doctor, today's session at A). */
export async function certifyFitness(
  w: ReturnsWorld,
  personId: string,
  status: 'fit' | 'fit_with_escort' | 'not_fit' = 'fit',
  validUntil = '2026-12-31',
): Promise<void> {
  await consult(w.doctor, scabies(w, personId, { prescriptions: [], fitness: { status, validUntil } }));
}

export type CaseSetup = {
  /** the case's state (default requested) */
  state?: ReturnState;
  /** departure date of the movement the case is booked on (states booked and later) */
  departsOn?: string;
  travelDocumentExpiresOn?: string;
  exitValidUntil?: string;
  fitnessValidUntil?: string;
  projectId?: string | null;
  embassy?: string;
};

/**
 * A case for `personId` in `state`, with every fact the states up to it need: a return consent
 * for the embassy, nationality confirmed by a consular interview, a travel document, an exit
 * visa, fitness to travel, a booking. Inserted as system (spans included); returns the case id.
 */
export async function caseIn(
  t: TestApp,
  w: ReturnsWorld,
  personId: string,
  s: CaseSetup = {},
): Promise<string> {
  const state = s.state ?? 'requested';
  const reached = (x: ReturnState) => FORWARD.indexOf(state) >= FORWARD.indexOf(x) && FORWARD.includes(state);
  const embassy = s.embassy ?? w.embassy;
  if (reached('fit_to_travel')) await certifyFitness(w, personId, 'fit', s.fitnessValidUntil ?? '2026-12-31');
  return asSystem(t.ctx, t.missionId, async (x) => {
    const id = newId();
    const by = { createdByOrganisationId: w.org, createdBy: w.returnOfficer.userId };
    await x.tx.insert(returnCases).values({
      missionId: t.missionId,
      id,
      reference: `TST-RET-${id.slice(-8)}`,
      personId,
      programme: 'vhr',
      origin: 'person',
      destinationCountry: 'SDN',
      embassyOrganisationId: embassy,
      projectId: s.projectId === undefined ? w.project : s.projectId,
      centreId: w.centreA,
      requestedOn: TODAY,
      state,
      stateSince: x.now,
      departedOn: reached('departed') ? (s.departsOn ?? TODAY) : null,
      arrivedOn: reached('arrived') ? (s.departsOn ?? TODAY) : null,
      ...by,
    });
    await x.tx.insert(returnStateSpans).values({
      missionId: t.missionId,
      id: newId(),
      caseId: id,
      state,
      enteredAt: x.now,
      enteredBy: w.returnOfficer.userId,
    });
    if (reached('consented'))
      await x.tx.insert(consents).values({
        missionId: t.missionId,
        id: newId(),
        personId,
        purpose: 'return',
        recipientOrganisationId: embassy,
        decision: 'given',
        method: 'verbal',
        language: 'ar',
        givenOn: TODAY,
        ...by,
      });
    if (reached('nationality_confirmed'))
      await x.tx.insert(consularInterviews).values({
        missionId: t.missionId,
        id: newId(),
        caseId: id,
        personId,
        embassyOrganisationId: embassy,
        heldOn: TODAY,
        mode: 'in_person',
        outcome: 'confirmed',
        ...by,
      });
    if (reached('travel_document_issued'))
      await x.tx.insert(travelDocuments).values({
        missionId: t.missionId,
        id: newId(),
        caseId: id,
        personId,
        type: 'emergency_travel_document',
        issuingOrganisationId: embassy,
        number: `ETD-${id.slice(-6)}`,
        issuedOn: TODAY,
        expiresOn: s.travelDocumentExpiresOn ?? '2027-02-01',
        ...by,
      });
    if (reached('exit_cleared'))
      await x.tx.insert(exitClearances).values({
        missionId: t.missionId,
        id: newId(),
        caseId: id,
        personId,
        reference: `EXIT-${id.slice(-6)}`,
        issuedOn: TODAY,
        validUntil: s.exitValidUntil ?? '2027-01-15',
        ...by,
      });
    if (reached('booked')) {
      const movementId = newId();
      await x.tx.insert(movements).values({
        missionId: t.missionId,
        id: movementId,
        reference: `TST-MOV-${movementId.slice(-8)}`,
        kind: 'charter',
        departsOn: s.departsOn ?? '2026-11-20',
        route: 'MJI → KRT',
        destinationCountry: 'SDN',
        carrier: 'Test Air',
        seats: 150,
        status: reached('departed') ? 'departed' : 'planned',
        ...by,
      });
      await x.tx.insert(movementPassengers).values({
        missionId: t.missionId,
        movementId,
        caseId: id,
        personId,
        status: reached('departed') ? 'departed' : 'booked',
        ...by,
      });
    }
    return id;
  });
}
