import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../../domain/audit/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'audit.actions': AUDIT_ACTION_LABELS,
  'audit.entities': AUDIT_ENTITY_LABELS,
};
