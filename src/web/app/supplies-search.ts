// The search parameters of the supplies pages (filters kept in the address, so a link — the
// home panel's "expiring within 60 days" — opens the page filtered). A bad value is dropped.
import { z } from 'zod';
import { ITEM_CATEGORIES } from '../../domain/supplies/categories.ts';

const uuidParam = z.string().uuid().optional().catch(undefined);

export const pointSearch = z.object({ stockPointId: uuidParam });
export const pointItemSearch = z.object({ stockPointId: uuidParam, itemId: uuidParam });
export const transferNewSearch = z.object({ from: uuidParam });
export const stockSearch = z.object({
  stockPointId: uuidParam,
  itemId: uuidParam,
  category: z.enum(ITEM_CATEGORIES).optional().catch(undefined),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
});
export const stockCardSearch = z.object({
  stockPointId: z.string().uuid().catch(''),
  itemId: z.string().uuid().catch(''),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
});
export const stockReportsSearch = z.object({
  report: z.enum(['stock', 'below-minimum', 'consumption']).optional().catch(undefined),
});
