import { z } from 'zod';

/** The board's filters, in the address (shared links keep them); bad values are dropped. */
export const boardSearch = z.object({
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .catch(undefined),
  centreId: z.uuid().optional().catch(undefined),
  projectId: z.uuid().optional().catch(undefined),
});
