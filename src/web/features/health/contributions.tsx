// The health module's parts of other pages, listed by the composition roots in
// src/web/app/contributions/: the person page's Health tab and the home panel (TodayClinic.tsx).
import { IconStethoscope } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import type { PersonTab } from '../registry/contributions.ts';
import { HealthTab } from './HealthTab.tsx';

/** The Health tab: consultations for medical readers, the fitness-to-travel flag for those who see it. */
export function useHealthPersonTab(): PersonTab | null {
  const { t } = useTranslation();
  const has = useCapabilities();
  if (!has('consultations:read') && !has('fitness:read')) return null;
  return {
    value: 'health',
    label: t('health.person.tab'),
    icon: <IconStethoscope size={16} aria-hidden />,
    Panel: HealthTab,
  };
}
