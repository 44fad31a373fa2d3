import {
  CASE_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../../../../domain/protection/status-labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'protection.referralStatuses': REFERRAL_STATUS_LABELS,
  'protection.caseStatuses': CASE_STATUS_LABELS,
  'protection.taskStatuses': TASK_STATUS_LABELS,
};
