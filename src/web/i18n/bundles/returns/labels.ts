import { FITNESS_LABELS } from '../../../../domain/health/labels.ts';
import {
  BLOCKER_LABELS,
  ORIGIN_LABELS,
  PROGRAMME_LABELS,
  PROTECTION_GATE_LABELS,
  RETURN_STATE_LABELS,
  TRAVEL_DOCUMENT_LABELS,
} from '../../../../domain/returns/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

// Shared by every returns page (the embassy, movements, reintegration and board bundles load
// this one beside theirs for the states' and blockers' names).
export const LABELS: LabelTables = {
  'returns.states': RETURN_STATE_LABELS,
  'returns.blockers': BLOCKER_LABELS,
  'returns.programmes': PROGRAMME_LABELS,
  'returns.origins': ORIGIN_LABELS,
  'returns.documentTypes': TRAVEL_DOCUMENT_LABELS,
  'returns.gate': PROTECTION_GATE_LABELS,
  // the clinic's words for fitness to travel, shown on the case
  'returns.fitness': FITNESS_LABELS,
};
