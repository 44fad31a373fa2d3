import { RETURN_STATE_LABELS } from '../../../../domain/returns/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'returnsBoard.states': RETURN_STATE_LABELS,
};
