import { and, asc, eq } from 'drizzle-orm';
import {
  centres,
  organisations,
  projects,
  stockLevels,
  stockPoints,
  supplyItems,
} from '../../../db/schema/index';
import type { Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { created } from '../../../platform/records';
import { addDays } from '../../registry/demo/demo-people';
import { DEMO_ITEMS, type DemoItem } from './catalogue';

// The supplies demo's fixed parts: the catalogue, the stock points (one warehouse, and per centre
// a store and a clinic pharmacy), the two donors' projects, and min/max levels. Each row is
// written with its bookkeeping columns and an audit event, as the catalogue routes write them.

export type Item = DemoItem & { id: string };
export interface DemoCentre {
  centreId: string;
  store: string;
  pharmacy: string;
  /** the centre's size against a 300-place centre: scales what its points use */
  scale: number;
}
export interface Project {
  id: string;
  code: string;
  donorId: string;
}
export interface DemoSetup {
  items: Item[];
  warehouse: string;
  centres: DemoCentre[];
  eu: Project;
  ita: Project;
}

/** Clothing, bedding, hygiene and food go to centre stores; medicines and disposables to clinics. */
export const forClinic = (i: DemoItem) => i.category === 'medicine' || i.category === 'medical_disposable';

async function insertAudited<T extends Record<string, unknown>>(
  w: Work,
  table: typeof supplyItems | typeof stockPoints | typeof projects,
  entityType: string,
  values: T,
): Promise<string> {
  const id = newId();
  await w.tx.insert(table).values({ ...values, id, ...created(w) } as never);
  await w.audit({ action: 'create', entityType, entityId: id, changedFields: Object.keys(values) });
  return id;
}

async function donor(w: Work, name: string): Promise<string> {
  const [o] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.name, name)));
  if (!o) throw new Error(`The donor ${name} is missing: load the directory demo first`);
  return o.id;
}

export async function setUpCatalogue(w: Work, today: string): Promise<DemoSetup> {
  const items: Item[] = [];
  for (const d of DEMO_ITEMS) {
    const { monthlyUse: _m, shelfLifeMonths: _s, ...item } = d;
    items.push({ ...d, id: await insertAudited(w, supplyItems, 'supply_item', item) });
  }
  const warehouse = await insertAudited(w, stockPoints, 'stock_point', {
    name: 'Tripoli central warehouse',
    nameAr: 'المستودع المركزي في طرابلس',
    nameFr: 'Entrepôt central de Tripoli',
    kind: 'warehouse',
    centreId: null,
  });
  const rows = await w.tx
    .select({ id: centres.id, name: centres.name, nameAr: centres.nameAr, capacity: centres.capacity })
    .from(centres)
    .where(eq(centres.missionId, w.actor.missionId))
    .orderBy(asc(centres.name));
  const demoCentres: DemoCentre[] = [];
  for (const c of rows) {
    const nameAr = c.nameAr ?? c.name;
    const store = await insertAudited(w, stockPoints, 'stock_point', {
      name: `${c.name} – store`,
      nameAr: `مخزن ${nameAr}`,
      nameFr: `${c.name} – magasin`,
      kind: 'centre_store',
      centreId: c.id,
    });
    const pharmacy = await insertAudited(w, stockPoints, 'stock_point', {
      name: `${c.name} – clinic pharmacy`,
      nameAr: `صيدلية عيادة ${nameAr}`,
      nameFr: `${c.name} – pharmacie de la clinique`,
      kind: 'clinic_pharmacy',
      centreId: c.id,
    });
    demoCentres.push({ centreId: c.id, store, pharmacy, scale: c.capacity / 300 });
  }
  const project = async (code: string, name: string, donorName: string): Promise<Project> => {
    const donorId = await donor(w, donorName);
    const id = await insertAudited(w, projects, 'project', {
      code,
      name,
      donorOrganisationId: donorId,
      startsOn: addDays(today, -400),
      endsOn: addDays(today, 330),
    });
    return { id, code, donorId };
  };
  return {
    items,
    warehouse,
    centres: demoCentres,
    eu: await project('EU-MIG-2026', 'Protection and direct assistance', 'European Union'),
    ita: await project('ITA-HLT-2026', 'Health in detention', 'Italian Development Cooperation'),
  };
}

/** A point's minimum and maximum of an item, in base units (what the levels route writes). */
export async function setLevel(
  w: Work,
  stockPointId: string,
  itemId: string,
  minimum: number,
  maximum: number,
): Promise<void> {
  await w.tx.insert(stockLevels).values({ stockPointId, itemId, minimum, maximum, ...created(w) });
  await w.audit({
    action: 'create',
    entityType: 'stock_level',
    entityId: stockPointId,
    changedFields: ['minimum', 'maximum'],
    detail: { itemId },
  });
}
