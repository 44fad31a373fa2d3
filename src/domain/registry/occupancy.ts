import { z } from 'zod';
import { uuid } from '../common/schemas';

/** One centre's people now against its capacity, as the reader may see it. */
export const centreOccupancy = z.object({
  centreId: uuid,
  capacity: z.number(),
  /** people held now; null when under the disclosure threshold for a reader who may not see people */
  total: z.number().nullable(),
  /** total ÷ capacity, or null without a capacity or when the total is hidden */
  occupancy: z.number().nullable(),
  suppressed: z.boolean(),
});
export type CentreOccupancy = z.infer<typeof centreOccupancy>;

export const occupancyList = z.object({ items: z.array(centreOccupancy) });
