import { BLOCKER_LABELS } from '../../../../domain/returns/labels.ts';
import {
  ESCORT_KIND_LABELS,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_STATUS_LABELS,
  PASSENGER_STATUS_LABELS,
} from '../../../../domain/returns/movement-labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'movements.kinds': MOVEMENT_KIND_LABELS,
  'movements.statuses': MOVEMENT_STATUS_LABELS,
  'movements.passengerStatuses': PASSENGER_STATUS_LABELS,
  'movements.escortKinds': ESCORT_KIND_LABELS,
  'movements.blockers': BLOCKER_LABELS,
};
