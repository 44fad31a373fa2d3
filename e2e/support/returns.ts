// The mission the returns journey starts from, set up over the API: a detention centre holding
// seven people (so its population is shown, above the disclosure threshold of five), the Embassy
// of Sudan with its data-sharing profile, a reintegration partner in Sudan, a return officer and a
// protection officer of the centre, and the clinic that certifies fitness to travel. Hawa Adam,
// the Sudanese woman the journey returns, is screened with a possible need for international
// protection and certified fit to travel by the doctor (health has its own journey). The journey
// then does in the browser what is under test.
import { BASE, patch } from '../../src/domain/protection/screening.fixtures.ts';
import { ApiSession } from './api.ts';
import { utcDay } from './health.ts';
import type { RunningServer } from './server.ts';

export { utcDay };

export const RETURN_OFFICER = { username: 'ro.samir', password: 'Return-officer-2026', name: 'Samir Return' };
export const PROTECTION_OFFICER = {
  username: 'po.mona',
  password: 'Protection-officer-2026',
  name: 'Mona Protection',
};
const DOCTOR = { username: 'dr.khalid', password: 'Clinic-doctor-2026', name: 'Khalid Doctor' };
const STOCK_OFFICER = { username: 'so.returns', password: 'Stock-officer-2026' };

export const CENTRE = {
  name: 'Zawiya',
  nameAr: 'الزاوية',
  type: 'detention',
  capacity: 80,
  location: 'Zawiya',
};
export const EMBASSY = {
  name: 'Embassy of Sudan',
  nameAr: 'سفارة السودان',
  nameFr: 'Ambassade du Soudan',
  acronym: 'SDNEMB',
  kind: 'embassy',
  countryCode: 'SDN',
} as const;
export const PARTNER = {
  name: 'Khartoum Reintegration Partner',
  nameAr: 'شريك إعادة الإدماج في الخرطوم',
  acronym: 'KRP',
  kind: 'partner_ngo',
  countryCode: 'SDN',
} as const;

/** The person returned; the six others keep the centre's population above the threshold. */
export const RETURNEE = {
  givenName: 'Hawa',
  familyName: 'Adam',
  sex: 'female',
  estimatedAge: 31,
  nationality: 'SDN',
  languages: ['ar'],
} as const;
const OTHERS = [
  ['Yusuf', 'Bakr', 'NGA'],
  ['Kofi', 'Mensah', 'GHA'],
  ['Aliyu', 'Sani', 'NGA'],
  ['Moussa', 'Traore', 'MLI'],
  ['Idris', 'Saleh', 'TCD'],
  ['Omar', 'Faris', 'EGY'],
] as const;

export interface ReturnsWorld {
  admin: ApiSession;
  officer: ApiSession;
  centreId: string;
  embassyId: string;
  partnerId: string;
  person: { id: string; registrationNumber: string };
}

export async function returnsWorld(server: RunningServer): Promise<ReturnsWorld> {
  const admin = new ApiSession(server.url);
  await admin.signIn('admin', server.adminPassword);
  const centreId = (await admin.post<{ id: string }>('/centres', CENTRE)).id;
  const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
  const organisationId = orgs.items[0]!.id;
  const user = (
    a: { username: string; password: string; name?: string },
    role: string,
    centreIds: string[],
  ) => admin.addUser(a, { displayName: a.name ?? a.username, organisationId, roles: [{ role, centreIds }] });
  await user(RETURN_OFFICER, 'return_officer', [centreId]);
  await user(PROTECTION_OFFICER, 'protection_officer', [centreId]);
  await user(DOCTOR, 'doctor', [centreId]);
  await user(STOCK_OFFICER, 'stock_officer', []);
  // the embassy receives the fields of its sharing profile only (the request lists them)
  const embassyId = (await admin.post<{ id: string }>('/organisations', EMBASSY)).id;
  await admin.put(`/organisations/${embassyId}/sharing-profile`, {
    fields: ['registrationNumber', 'givenName', 'familyName', 'sex', 'nationality'],
    services: ['other'],
  });
  const partnerId = (await admin.post<{ id: string }>('/organisations', PARTNER)).id;
  const person = await admin.post<{ id: string; registrationNumber: string }>('/persons', {
    ...RETURNEE,
    centreId,
    admittedOn: utcDay(-40),
  });
  for (const [givenName, familyName, nationality] of OTHERS)
    await admin.post('/persons', {
      givenName,
      familyName,
      sex: 'male',
      estimatedAge: 30,
      nationality,
      centreId,
      admittedOn: utcDay(-20),
    });
  // screened with a possible need for international protection: the gate the journey meets
  const protection = new ApiSession(server.url);
  await protection.signIn(PROTECTION_OFFICER.username, PROTECTION_OFFICER.password);
  await protection.post('/screenings', {
    personId: person.id,
    screenedOn: utcDay(),
    answers: patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] }),
  });
  // fit to travel for a month, from a consultation at today's clinic
  const stock = new ApiSession(server.url);
  await stock.signIn(STOCK_OFFICER.username, STOCK_OFFICER.password);
  const pharmacy = await stock.post<{ id: string }>('/stock-points', {
    name: 'Zawiya clinic pharmacy',
    nameAr: 'صيدلية عيادة الزاوية',
    kind: 'clinic_pharmacy',
    centreId,
  });
  const doctor = new ApiSession(server.url);
  await doctor.signIn(DOCTOR.username, DOCTOR.password);
  const session = await doctor.post<{ id: string }>('/clinic-sessions', {
    centreId,
    stockPointId: pharmacy.id,
    heldOn: utcDay(),
  });
  await doctor.post(`/clinic-sessions/${session.id}/queue`, { personId: person.id });
  await doctor.post('/consultations', {
    sessionId: session.id,
    personId: person.id,
    complaint: 'Check before travel',
    outcome: 'treated',
    fitness: { status: 'fit', validUntil: utcDay(30) },
  });
  const officer = new ApiSession(server.url);
  await officer.signIn(RETURN_OFFICER.username, RETURN_OFFICER.password);
  return { admin, officer, centreId, embassyId, partnerId, person };
}
