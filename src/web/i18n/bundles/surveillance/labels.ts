import {
  ALERT_RULE_KIND_LABELS,
  ALERT_STATUS_LABELS,
  DEFAULT_ALERT_RULE_LABELS,
} from '../../../../domain/health/alert-rules.ts';
import { SYNDROME_LABELS } from '../../../../domain/health/syndromes.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'surveillance.syndromes': SYNDROME_LABELS,
  'alerts.statuses': ALERT_STATUS_LABELS,
  'alerts.kinds': ALERT_RULE_KIND_LABELS,
  'alerts.rules': DEFAULT_ALERT_RULE_LABELS,
};
