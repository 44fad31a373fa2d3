import type { ItemCreate } from '../../domain/supplies/catalogue';
import type { ReasonCode } from '../../domain/supplies/reasons';
import { projects, stockPoints, supplyItems } from '../db/schema/index';
import { post } from '../modules/supplies/ledger.service';
import { lotFor } from '../modules/supplies/lots.service';
import { asSystem } from '../platform/http';
import { newId } from '../platform/ids';
import { created } from '../platform/records';
import { buildCentre } from './factories';
import { json, type TestApp } from './harness';

let n = 0;
const seq = () => ++n;

/** Catalogue item bodies: realistic defaults, unique codes, any field overridable. */
export const buildItem = (o: Partial<ItemCreate> = {}): ItemCreate => ({
  code: `CLO-SET-${seq()}`,
  name: 'Clothing set, adult',
  nameAr: 'طقم ملابس للبالغين',
  nameFr: 'Kit vêtements adulte',
  category: 'clothing',
  baseUnit: 'set',
  packSize: 1,
  ...o,
});

export const buildMedicine = (o: Partial<ItemCreate> = {}): ItemCreate => ({
  code: `MED-AMOX-${seq()}`,
  name: 'Amoxicillin 500 mg',
  nameAr: 'أموكسيسيلين ٥٠٠ ملغ',
  nameFr: 'Amoxicilline 500 mg',
  category: 'medicine',
  baseUnit: 'capsule',
  packSize: 20,
  activeIngredient: 'amoxicillin',
  strength: '500 mg',
  form: 'capsule',
  atcCode: 'J01CA04',
  ...o,
});

export const buildStockPoint = (o: Partial<{ name: string; kind: string; centreId: string }> = {}) => ({
  name: `Store ${seq()}`,
  kind: 'centre_store',
  ...o,
});

export const buildProject = (
  o: Partial<{ code: string; name: string; donorOrganisationId: string }> = {},
) => ({
  code: `PRJ-${seq()}`,
  name: 'Protection and assistance to migrants in detention',
  ...o,
});

export interface SuppliesWorld {
  centreA: string;
  centreB: string;
  warehouse: string;
  storeA: string;
  storeB: string;
  clothing: string;
  medicine: string;
  project: string;
}

/**
 * Two centres, a warehouse and a store in each, a clothing item and a medicine, a project —
 * inserted directly (test setup, not the routes under test). Use the routes in the tests of the
 * catalogue itself.
 */
export async function seedSupplies(t: TestApp, missionId = t.missionId): Promise<SuppliesWorld> {
  const centre = async () => json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const centreA = await centre();
  const centreB = await centre();
  return asSystem(t.ctx, missionId, async (w) => {
    const point = async (kind: string, centreId: string | null) => {
      const id = newId();
      await w.tx.insert(stockPoints).values({ id, name: `Point ${seq()}`, kind, centreId, ...created(w) });
      return id;
    };
    const item = async (body: ItemCreate) => {
      const id = newId();
      await w.tx.insert(supplyItems).values({ id, ...body, ...created(w) });
      return id;
    };
    const project = newId();
    await w.tx.insert(projects).values({ id: project, ...buildProject(), ...created(w) });
    return {
      centreA,
      centreB,
      warehouse: await point('warehouse', null),
      storeA: await point('centre_store', centreA),
      storeB: await point('centre_store', centreB),
      clothing: await item(buildItem()),
      medicine: await item(buildMedicine()),
      project,
    };
  });
}

/** Puts stock at a point through the ledger service (a receipt), returning the lot id. */
export async function stockUp(
  t: TestApp,
  l: {
    stockPointId: string;
    itemId: string;
    quantity: number;
    lotNumber?: string;
    expiryOn?: string;
    occurredOn?: string;
    projectId?: string | null;
    reason?: ReasonCode;
  },
  missionId = t.missionId,
): Promise<string> {
  return asSystem(t.ctx, missionId, async (w) => {
    const lotId = await lotFor(
      w,
      {
        itemId: l.itemId,
        lotNumber: l.lotNumber ?? `LOT-${seq()}`,
        expiryOn: l.expiryOn ?? '2028-12-31',
        projectId: l.projectId ?? null,
      },
      'lot',
    );
    await post(w, [
      {
        stockPointId: l.stockPointId,
        itemId: l.itemId,
        lotId,
        quantity: l.quantity,
        occurredOn: l.occurredOn ?? '2026-10-01',
        reason: l.reason ?? 'donation',
      },
    ]);
    return lotId;
  });
}
