// Protection's parts of the person page (the registry's PersonPageParts), listed by the
// composition root src/web/app/contributions/.
import { IconShieldHalf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonTab } from '../../registry/contributions.ts';
import { useProtectionAccess } from '../access.ts';
import { FlagsOnlySummary } from './ProtectionSummary.tsx';
import { ProtectionTab } from './ProtectionTab.tsx';

/** The protection tab, for those who may read protection data. */
export function useProtectionPersonTab(): PersonTab | null {
  const { t } = useTranslation();
  const access = useProtectionAccess();
  if (!access.reads) return null;
  return {
    value: 'protection',
    label: t('person.tabs.protection'),
    icon: <IconShieldHalf size={16} aria-hidden />,
    Panel: ProtectionTab,
  };
}

/** The flags-only summary, for those who see flags but may not read protection data. */
export function ProtectionIdentityTop({ personId }: { personId: string }) {
  const access = useProtectionAccess();
  return !access.reads && access.seesFlagSummary ? <FlagsOnlySummary personId={personId} /> : null;
}
