// The returns module's parts of other pages (the registry's PersonPageParts), listed by the
// composition root src/web/app/contributions/person.tsx.
import { IconPlaneDeparture } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import type { PersonTab } from '../registry/contributions.ts';
import { usePersonReturns } from './api.ts';
import { personReturnsView, showsReturnsTab } from './logic.ts';
import { PersonReturnsTab } from './PersonReturnsTab.tsx';

/**
 * The Return tab: always for returns readers; for other readers of the person (doctors and nurses
 * see that a return is in progress) when the server's answer has something to show. Who sees
 * what is the server's answer, not a role check here.
 */
export function useReturnsPersonTab(): PersonTab | null {
  const { t } = useTranslation();
  const has = useCapabilities();
  const { id } = useParams({ strict: false });
  const reader = has('returns:read');
  const asked = usePersonReturns(id, !reader && has('registry:read'));
  if (!reader && !showsReturnsTab(personReturnsView(asked.data))) return null;
  return {
    value: 'returns',
    label: t('returns.person.tab'),
    icon: <IconPlaneDeparture size={16} aria-hidden />,
    Panel: PersonReturnsTab,
  };
}
