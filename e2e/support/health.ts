// The mission the health journeys start from, set up over the API: a small centre (four people
// held there, so three scabies cases in a week cross the 20-per-1,000 rule), its clinic pharmacy
// holding a lot of permethrin cream, a weekly clinic due today, a nurse and a doctor of the
// centre, a counsellor, and the hospital the doctor refers to. The journeys then do in the browser
// what is under test.
import { ApiSession } from './api.ts';
import type { RunningServer } from './server.ts';

export const NURSE = { username: 'nu.huda', password: 'Clinic-nurse-2026', name: 'Huda Nurse' };
export const DOCTOR = { username: 'dr.omar', password: 'Clinic-doctor-2026', name: 'Omar Doctor' };
export const COUNSELLOR = { username: 'co.rania', password: 'Counsellor-2026', name: 'Rania Counsellor' };
const STOCK_OFFICER = { username: 'so.health', password: 'Stock-officer-2026' };

export const CENTRE = {
  name: 'Abu Salim',
  nameAr: 'أبو سليم',
  type: 'detention',
  capacity: 120,
  location: 'Tripoli',
};
export const PHARMACY = {
  name: 'Abu Salim clinic pharmacy',
  nameAr: 'صيدلية عيادة أبو سليم',
  kind: 'clinic_pharmacy',
};
export const PERMETHRIN = {
  code: 'PERM-5',
  name: 'Permethrin cream',
  nameAr: 'كريم البيرميثرين',
  nameFr: 'Crème de perméthrine',
  category: 'medicine',
  baseUnit: 'tube',
  packSize: 1,
  activeIngredient: 'Permethrin',
  strength: '5%',
  form: 'cream',
  atcCode: 'P03AC04',
} as const;
/** The demo's hospital (protection's demo): it takes medical referrals only. */
export const HOSPITAL = {
  name: 'Al-Noor General Hospital',
  nameAr: 'مستشفى النور العام',
  nameFr: 'Hôpital général Al-Noor',
  acronym: 'ANGH',
  kind: 'other',
  countryCode: 'LBY',
} as const;
export const HOSPITAL_LABEL = `${HOSPITAL.name} (${HOSPITAL.acronym})`;
export const LOT = { lotNumber: 'PRM-26-031', quantity: 40 };

/** The people held at the centre; the journey queues the first, the API sees the others. */
export const PEOPLE = [
  { givenName: 'Yonas', familyName: 'Haile', sex: 'male', estimatedAge: 26, nationality: 'ERI' },
  { givenName: 'Ibrahim', familyName: 'Musa', sex: 'male', estimatedAge: 33, nationality: 'NGA' },
  { givenName: 'Amadou', familyName: 'Diallo', sex: 'male', estimatedAge: 19, nationality: 'GIN' },
  { givenName: 'Fatima', familyName: 'Idris', sex: 'female', estimatedAge: 29, nationality: 'SDN' },
] as const;

/** Today on the server's clock (UTC), as YYYY-MM-DD, and n days from it. */
export function utcDay(days = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface HealthWorld {
  admin: ApiSession;
  nurse: ApiSession;
  centreId: string;
  pharmacyId: string;
  itemId: string;
  people: { id: string; registrationNumber: string }[];
}

export async function healthWorld(server: RunningServer): Promise<HealthWorld> {
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
  await user(STOCK_OFFICER, 'stock_officer', []);
  await user(NURSE, 'nurse', [centreId]);
  await user(DOCTOR, 'doctor', [centreId]);
  await user(COUNSELLOR, 'counsellor', [centreId]);
  // the hospital the doctor refers to: its sharing profile takes the medical service
  const hospitalId = (await admin.post<{ id: string }>('/organisations', HOSPITAL)).id;
  await admin.put(`/organisations/${hospitalId}/sharing-profile`, {
    fields: ['registrationNumber', 'givenName', 'familyName', 'sex', 'nationality', 'referralReason'],
    services: ['medical'],
  });
  const people: HealthWorld['people'] = [];
  for (const p of PEOPLE)
    people.push(
      await admin.post<{ id: string; registrationNumber: string }>('/persons', {
        ...p,
        centreId,
        admittedOn: utcDay(-30),
      }),
    );
  // the catalogue and the first stock are the stock side's; the pharmacy is the centre's
  const officer = new ApiSession(server.url);
  await officer.signIn(STOCK_OFFICER.username, STOCK_OFFICER.password);
  const itemId = (await officer.post<{ id: string }>('/items', PERMETHRIN)).id;
  const pharmacyId = (await officer.post<{ id: string }>('/stock-points', { ...PHARMACY, centreId })).id;
  await officer.post('/stock-movements/receipts', {
    stockPointId: pharmacyId,
    occurredOn: utcDay(-7),
    reason: 'donation',
    lines: [{ itemId, lotNumber: LOT.lotNumber, expiryOn: '2029-05-31', quantity: LOT.quantity }],
  });
  const nurse = new ApiSession(server.url);
  await nurse.signIn(NURSE.username, NURSE.password);
  // the weekly clinic falls on today's weekday (ISO: Monday 1 … Sunday 7)
  const weekday = ((new Date().getUTCDay() + 6) % 7) + 1;
  await nurse.post('/clinic-schedules', { centreId, weekday, startsAt: '09:00', stockPointId: pharmacyId });
  return { admin, nurse, centreId, pharmacyId, itemId, people };
}

/** A scabies consultation over the API with its cream dispensed (to push the week's count). */
export async function scabiesOverApi(w: HealthWorld, sessionId: string, personId: string): Promise<void> {
  await w.nurse.post(`/clinic-sessions/${sessionId}/queue`, { personId });
  await w.nurse.post('/consultations', {
    sessionId,
    personId,
    complaint: 'Itching at night',
    diagnoses: [{ code: 'B86', certainty: 'suspected' }],
    prescriptions: [
      { itemId: w.itemId, dose: 'Apply once', frequency: 'once', days: 1, quantity: 1, dispense: true },
    ],
    outcome: 'treated',
  });
}
