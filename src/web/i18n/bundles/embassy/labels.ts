import { SHAREABLE_FIELD_LABELS } from '../../../../domain/protection/sharing.ts';
import {
  EMBASSY_ANSWER_LABELS,
  EMBASSY_REQUEST_STATUS_LABELS,
  INTERVIEW_MODE_LABELS,
  INTERVIEW_OUTCOME_LABELS,
} from '../../../../domain/returns/embassy-labels.ts';
import { RETURN_STATE_LABELS } from '../../../../domain/returns/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'embassy.statuses': EMBASSY_REQUEST_STATUS_LABELS,
  'embassy.answers': EMBASSY_ANSWER_LABELS,
  'embassy.modes': INTERVIEW_MODE_LABELS,
  'embassy.outcomes': INTERVIEW_OUTCOME_LABELS,
  'embassy.states': RETURN_STATE_LABELS,
  'embassy.fields': SHAREABLE_FIELD_LABELS,
};
