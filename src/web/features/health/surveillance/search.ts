// The address of the surveillance and alert pages (linkable: a week, a centre, a status).
import { z } from 'zod';
import type { AlertStatus } from '../../../../domain/health/alert-rules.ts';
import { SYNDROMES } from '../../../../domain/health/syndromes.ts';

export const surveillanceSearch = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional()
    .catch(undefined),
  centre: z.string().uuid().optional().catch(undefined),
  syndrome: z.enum(SYNDROMES).optional().catch(undefined),
});

// restated rather than imported: alert-rules.ts builds Zod schemas at load, which would put it in
// the first load with the route tree; the type refuses a status that does not exist
const STATUSES = ['new', 'verified', 'discarded', 'responded'] as const satisfies readonly AlertStatus[];
export const alertsSearch = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });
