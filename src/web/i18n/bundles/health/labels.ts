import {
  CERTAINTY_LABELS,
  CLINIC_SESSION_STATUS_LABELS,
  DEHYDRATION_LABELS,
  FITNESS_LABELS,
  FREQUENCY_LABELS,
  OUTCOME_LABELS,
  QUEUE_STATUS_LABELS,
  VITAL_LABELS,
} from '../../../../domain/health/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'health.sessionStatuses': CLINIC_SESSION_STATUS_LABELS,
  'health.queueStatuses': QUEUE_STATUS_LABELS,
  'health.dehydration': DEHYDRATION_LABELS,
  'health.certainty': CERTAINTY_LABELS,
  'health.frequencies': FREQUENCY_LABELS,
  'health.outcomes': OUTCOME_LABELS,
  'health.fitness': FITNESS_LABELS,
  'health.vitals': VITAL_LABELS,
};
