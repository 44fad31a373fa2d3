import {
  COUNT_STATUS_LABELS,
  ITEM_CATEGORY_LABELS,
  MEDICINE_FORM_LABELS,
  MOVEMENT_KIND_LABELS,
  REASON_LABELS,
  STOCK_POINT_KIND_LABELS,
  TRANSFER_STATUS_LABELS,
  UNIT_LABELS,
} from '../../../../domain/supplies/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'supplies.categories': ITEM_CATEGORY_LABELS,
  'supplies.units': UNIT_LABELS,
  'supplies.forms': MEDICINE_FORM_LABELS,
  'supplies.pointKinds': STOCK_POINT_KIND_LABELS,
  'supplies.movementKinds': MOVEMENT_KIND_LABELS,
  'supplies.reasons': REASON_LABELS,
  'supplies.transferStatuses': TRANSFER_STATUS_LABELS,
  'supplies.countStatuses': COUNT_STATUS_LABELS,
};
