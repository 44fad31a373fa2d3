import { PERSON_STATUS_LABELS, SEX_LABELS } from '../../../../domain/registry/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  'person.sexes': SEX_LABELS,
  'person.statuses': PERSON_STATUS_LABELS,
};
