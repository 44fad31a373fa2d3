// Counselling's part of the person page (the registry's PersonPageParts), listed by the
// composition root src/web/app/contributions/person.tsx.
import { IconHeartHandshake } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCapabilities } from '../../../components/RequireCapability.tsx';
import type { PersonTab } from '../../registry/contributions.ts';
import { usePersonCounselling } from './api.ts';
import { PersonCounsellingTab } from './PersonCounsellingTab.tsx';

/**
 * The counselling tab: always for counsellors; for other readers of the person when the server
 * answers that a session took place (it says what each reader may know, not a role check here).
 */
export function useCounsellingPersonTab(): PersonTab | null {
  const { t } = useTranslation();
  const has = useCapabilities();
  const { id } = useParams({ strict: false });
  const counsellor = has('counselling:read');
  const asked = usePersonCounselling(id, !counsellor && has('registry:read'));
  const known = !!asked.data && asked.data.sessions.length + asked.data.stubs.length > 0;
  if (!counsellor && !known) return null;
  return {
    value: 'counselling',
    label: t('counselling.person.tab'),
    icon: <IconHeartHandshake size={16} aria-hidden />,
    Panel: PersonCounsellingTab,
  };
}
