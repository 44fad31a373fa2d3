// The return cases' shapes, from the domain schemas the server answers with (src/domain/returns).
import type { z } from 'zod';
import type {
  blocker,
  exitClearance,
  returnCase,
  returnCaseSummary,
  stateSpan,
  travelDocument,
} from '../../../domain/returns/cases.ts';
import type { ReturnState } from '../../../domain/returns/states.ts';

export type ReturnCase = z.infer<typeof returnCase>;
export type ReturnCaseSummary = z.infer<typeof returnCaseSummary>;
export type StateSpan = z.infer<typeof stateSpan>;
export type TravelDocument = z.infer<typeof travelDocument>;
export type ExitClearance = z.infer<typeof exitClearance>;
export type BlockerView = z.infer<typeof blocker>;

/** What GET /persons/:id/returns answers: the cases for returns readers, a flag for clinicians. */
export type PersonReturns =
  | { items: ReturnCaseSummary[]; inProgress?: boolean; state?: ReturnState | null }
  | { inProgress: boolean; state: ReturnState | null }
  | { flag: { inProgress: boolean; state: ReturnState | null } };
