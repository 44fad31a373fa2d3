import { ROLE_LABELS } from '../../../../domain/access/role-labels.ts';
import { CENTRE_TYPE_LABELS, ORGANISATION_KIND_LABELS } from '../../../../domain/directory/labels.ts';
import type { LabelTables } from '../../shared-labels.ts';

export const LABELS: LabelTables = {
  roles: ROLE_LABELS,
  'centre.types': CENTRE_TYPE_LABELS,
  'organisation.kinds': ORGANISATION_KIND_LABELS,
};
