// The interface's strings as the app shows them: each language's JSON with the enums' labels
// from src/domain merged in (src/web/i18n/shared-labels.ts), for journeys to find things by text.
import type {
  CASE_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../../src/domain/protection/status-labels.ts';
import type { PERSON_STATUS_LABELS, SEX_LABELS } from '../../src/domain/registry/labels.ts';
import arStrings from '../../src/web/i18n/ar.json';
import enStrings from '../../src/web/i18n/en.json';
import { withSharedLabels } from '../../src/web/i18n/shared-labels.ts';

type Words<T> = Record<keyof T, string>;
type Strings = typeof enStrings & {
  person: typeof enStrings.person & {
    sexes: Words<typeof SEX_LABELS>;
    statuses: Words<typeof PERSON_STATUS_LABELS>;
  };
  protection: typeof enStrings.protection & {
    referralStatuses: Words<typeof REFERRAL_STATUS_LABELS>;
    caseStatuses: Words<typeof CASE_STATUS_LABELS>;
    taskStatuses: Words<typeof TASK_STATUS_LABELS>;
  };
};

export const en = withSharedLabels(enStrings, 'en') as Strings;
export const ar = withSharedLabels(arStrings, 'ar') as unknown as Strings;
