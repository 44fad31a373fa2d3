// The mission the supplies journey starts from, set up over the API: a centre, a donor, a stock
// officer (mission-wide), a clothing set and a medicine, a warehouse and the centre's store, a
// project paid by the donor, the rule "clothing: 1 per 30 days", and three people held at the
// centre whose registered names the journey finds by other spellings (one in Arabic script).
import { ApiSession } from './api.ts';
import type { RunningServer } from './server.ts';

export const OFFICER = { username: 'so.supplies', password: 'Stock-officer-2026' };
export const CENTRE = {
  name: 'Tariq al-Sikka',
  nameAr: 'طريق السكة',
  type: 'detention',
  capacity: 400,
  location: 'Tripoli',
};
export const DONOR = { name: 'Humanitarian Aid Fund', kind: 'donor' };
export const CLOTHING = {
  code: 'CLO-SET-M',
  name: 'Clothing set, men',
  nameAr: 'طقم ملابس رجالي',
  nameFr: 'Ensemble de vêtements, homme',
  category: 'clothing',
  baseUnit: 'set',
  packSize: 10,
} as const;
export const ORS = {
  code: 'ORS-20',
  name: 'Oral rehydration salts',
  nameAr: 'أملاح الإماهة الفموية',
  nameFr: 'Sels de réhydratation orale',
  category: 'medicine',
  baseUnit: 'sachet',
  packSize: 20,
  activeIngredient: 'Oral rehydration salts',
  strength: '20.5 g',
  form: 'oral_powder',
  atcCode: 'A07CA',
} as const;
export const WAREHOUSE = {
  name: 'Tripoli central warehouse',
  nameAr: 'المخزن المركزي طرابلس',
  kind: 'warehouse',
};
export const STORE = { name: 'Tariq al-Sikka store', nameAr: 'مخزن طريق السكة', kind: 'centre_store' };
export const PROJECT = { code: 'HAF-2026', name: 'Detention assistance 2026' };

/** The people as registered, and the other spelling (or number) the journey finds each by. */
export const PEOPLE = [
  { givenName: 'Mohamed', familyName: 'Abdelrahman', sex: 'male', estimatedAge: 31, nationality: 'SDN' },
  // registered in Arabic script only, found by its Latin spelling
  { givenName: 'خالد', familyName: 'الزوي', sex: 'male', estimatedAge: 24, nationality: 'LBY' },
  { givenName: 'Senait', familyName: 'Tesfay', sex: 'female', estimatedAge: 22, nationality: 'ERI' },
] as const;

/** A date `days` from today (negative: before), as YYYY-MM-DD in the machine's time zone. */
export function dayFrom(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export interface SuppliesWorld {
  officer: ApiSession;
  centreId: string;
  storeId: string;
  warehouseId: string;
  clothingId: string;
  people: { id: string; registrationNumber: string }[];
}

export async function suppliesWorld(server: RunningServer): Promise<SuppliesWorld> {
  const admin = new ApiSession(server.url);
  await admin.signIn('admin', server.adminPassword);
  const centreId = (await admin.post<{ id: string }>('/centres', CENTRE)).id;
  const donorId = (await admin.post<{ id: string }>('/organisations', DONOR)).id;
  const orgs = await admin.get<{ items: { id: string }[] }>('/organisations?kind=mission');
  await admin.addUser(OFFICER, {
    displayName: 'Salma Supplies',
    organisationId: orgs.items[0]!.id,
    roles: [{ role: 'stock_officer', centreIds: [] }],
  });
  const people: SuppliesWorld['people'] = [];
  for (const p of PEOPLE)
    people.push(
      await admin.post<{ id: string; registrationNumber: string }>('/persons', {
        ...p,
        centreId,
        admittedOn: dayFrom(-40),
      }),
    );

  // the catalogue is the stock side's: only a mission-wide stock writer makes it (not the administrator)
  const officer = new ApiSession(server.url);
  await officer.signIn(OFFICER.username, OFFICER.password);
  const clothingId = (await officer.post<{ id: string }>('/items', CLOTHING)).id;
  await officer.post('/items', ORS);
  const warehouseId = (await officer.post<{ id: string }>('/stock-points', WAREHOUSE)).id;
  const storeId = (await officer.post<{ id: string }>('/stock-points', { ...STORE, centreId })).id;
  await officer.post('/projects', { ...PROJECT, donorOrganisationId: donorId });
  await officer.put('/distributions/rules', {
    items: [{ category: 'clothing', intervalDays: 30, allowed: 1 }],
  });
  return { officer, centreId, storeId, warehouseId, clothingId, people };
}
