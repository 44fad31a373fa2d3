import type { Item } from '../../../domain/supplies/catalogue';
import type { supplyItems } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { cataloguePolicy } from './stock.policy';

export type ItemRow = typeof supplyItems.$inferSelect;

export const presentItem = (w: Pick<Work, 'actor'>, r: ItemRow): Item => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameAr: r.nameAr,
  nameFr: r.nameFr,
  category: r.category as Item['category'],
  baseUnit: r.baseUnit as Item['baseUnit'],
  packSize: r.packSize,
  activeIngredient: r.activeIngredient,
  strength: r.strength,
  form: r.form as Item['form'],
  atcCode: r.atcCode,
  active: r.active,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  allowedActions: allowedActions(w.actor, cataloguePolicy, r),
});
