import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS } from '../../../../domain/returns/reintegration.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'reintegration.kinds': ITEM_KIND_LABELS,
  'reintegration.statuses': ITEM_STATUS_LABELS,
};
