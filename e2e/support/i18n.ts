// The interface's strings as the app shows them: each language's shell and bundles with the enums'
// labels from src/domain merged in (src/web/i18n/all-strings.ts), for journeys to find things by text.
import type { ROLE_LABELS } from '../../src/domain/access/role-labels.ts';
import type { AUDIT_ACTION_LABELS } from '../../src/domain/audit/labels.ts';
import type { CENTRE_TYPE_LABELS, ORGANISATION_KIND_LABELS } from '../../src/domain/directory/labels.ts';
import type {
  CASE_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../../src/domain/protection/status-labels.ts';
import type { PERSON_STATUS_LABELS, SEX_LABELS } from '../../src/domain/registry/labels.ts';
import { ALL_STRINGS, type AllStrings } from '../../src/web/i18n/all-strings.ts';

type Words<T> = Record<keyof T, string>;
type Strings = AllStrings & {
  roles: Words<typeof ROLE_LABELS>;
  centre: AllStrings['centre'] & { types: Words<typeof CENTRE_TYPE_LABELS> };
  organisation: AllStrings['organisation'] & { kinds: Words<typeof ORGANISATION_KIND_LABELS> };
  audit: AllStrings['audit'] & { actions: Words<typeof AUDIT_ACTION_LABELS> };
  person: AllStrings['person'] & {
    sexes: Words<typeof SEX_LABELS>;
    statuses: Words<typeof PERSON_STATUS_LABELS>;
  };
  protection: AllStrings['protection'] & {
    referralStatuses: Words<typeof REFERRAL_STATUS_LABELS>;
    caseStatuses: Words<typeof CASE_STATUS_LABELS>;
    taskStatuses: Words<typeof TASK_STATUS_LABELS>;
  };
};

export const en = ALL_STRINGS.en as Strings;
export const ar = ALL_STRINGS.ar as Strings;
