// The address of the surveillance and alert pages (linkable: a week, a centre, a status).
import { z } from 'zod';
import type { AlertStatus } from '../../../../domain/health/alert-rules.ts';
import type { Syndrome } from '../../../../domain/health/syndromes.ts';

// Both lists restated rather than imported: the domain files hold label tables and Zod schemas
// that would join the first load with the route tree; the types refuse a value that does not exist.
const SYNDROMES = [
  'scabies',
  'acute_watery_diarrhoea',
  'bloody_diarrhoea',
  'respiratory_infection_fever',
  'tuberculosis',
  'measles',
  'acute_jaundice',
  'meningitis',
  'acute_flaccid_paralysis',
] as const satisfies readonly Syndrome[];
const STATUSES = ['new', 'verified', 'discarded', 'responded'] as const satisfies readonly AlertStatus[];

export const surveillanceSearch = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional()
    .catch(undefined),
  centre: z.string().uuid().optional().catch(undefined),
  syndrome: z.enum(SYNDROMES).optional().catch(undefined),
});

export const alertsSearch = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });
