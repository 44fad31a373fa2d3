// The enums whose labels live in src/domain (one table per enum, the same words as the server's
// exports and packets), merged into each language's resources under the keys the pages use
// (`t(\`person.sexes.${sex}\`)`). The JSON files do not repeat them.
import { ROLE_LABELS } from '../../domain/access/role-labels.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../domain/audit/labels.ts';
import type { LabelTable } from '../../domain/common/labels.ts';
import type { Locale } from '../../domain/common/schemas.ts';
import { CENTRE_TYPE_LABELS, ORGANISATION_KIND_LABELS } from '../../domain/directory/labels.ts';
import {
  CASE_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../../domain/protection/status-labels.ts';
import { PERSON_STATUS_LABELS, SEX_LABELS } from '../../domain/registry/labels.ts';
import {
  COUNT_STATUS_LABELS,
  ITEM_CATEGORY_LABELS,
  MEDICINE_FORM_LABELS,
  MOVEMENT_KIND_LABELS,
  REASON_LABELS,
  STOCK_POINT_KIND_LABELS,
  TRANSFER_STATUS_LABELS,
  UNIT_LABELS,
} from '../../domain/supplies/labels.ts';

export const SHARED_LABELS = {
  roles: ROLE_LABELS,
  'centre.types': CENTRE_TYPE_LABELS,
  'organisation.kinds': ORGANISATION_KIND_LABELS,
  'audit.actions': AUDIT_ACTION_LABELS,
  'audit.entities': AUDIT_ENTITY_LABELS,
  'person.sexes': SEX_LABELS,
  'person.statuses': PERSON_STATUS_LABELS,
  'protection.referralStatuses': REFERRAL_STATUS_LABELS,
  'protection.caseStatuses': CASE_STATUS_LABELS,
  'protection.taskStatuses': TASK_STATUS_LABELS,
  'supplies.categories': ITEM_CATEGORY_LABELS,
  'supplies.units': UNIT_LABELS,
  'supplies.forms': MEDICINE_FORM_LABELS,
  'supplies.pointKinds': STOCK_POINT_KIND_LABELS,
  'supplies.movementKinds': MOVEMENT_KIND_LABELS,
  'supplies.reasons': REASON_LABELS,
  'supplies.transferStatuses': TRANSFER_STATUS_LABELS,
  'supplies.countStatuses': COUNT_STATUS_LABELS,
} satisfies Record<string, LabelTable>;

type Tree = { [k: string]: string | Tree };

/** A copy of one language's resources with the shared tables put in at their keys. */
export function withSharedLabels<R extends object>(resources: R, locale: Locale): R {
  const out = structuredClone(resources) as unknown as Tree;
  for (const [path, table] of Object.entries(SHARED_LABELS)) {
    let node = out;
    for (const part of path.split('.')) {
      if (typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Tree;
    }
    for (const [code, text] of Object.entries(table as LabelTable)) node[code] = text[locale];
  }
  return out as unknown as R;
}
