// Assistance's parts of the person page (the registry's PersonPageParts) and its timeline items,
// listed by the composition root src/web/app/contributions/.
import { IconPackage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../domain/registry/schemas.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import type { PersonTab } from '../registry/contributions.ts';
import { AssistanceTab } from './AssistanceTab.tsx';
import { useAssistanceLabels } from './labels.ts';

/** The assistance tab, for those who may read distributions to people. */
export function useAssistancePersonTab(): PersonTab | null {
  const { t } = useTranslation();
  const has = useCapabilities();
  if (!has('assistance:read')) return null;
  return {
    value: 'assistance',
    label: t('assistance.person.tab'),
    icon: <IconPackage size={16} aria-hidden />,
    Panel: AssistanceTab,
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** A distribution on the timeline (one item per item received): what, how much, where, with a link. */
export function useAssistanceTimeline() {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  return (item: TimelineItem): { title: string; body?: string; link?: ReactNode } | null => {
    if (item.kind !== 'distribution') return null;
    const d = item.detail;
    const id = text(d.distributionId);
    const what = text(d.itemName);
    const quantity =
      typeof d.quantity === 'number' && text(d.baseUnit)
        ? l.quantity(d.quantity, { baseUnit: String(d.baseUnit), packSize: Number(d.packSize) || 1 })
        : null;
    return {
      title: t('assistance.timeline.distribution'),
      body: [
        what && quantity ? `${what}: ${quantity}` : what,
        text(d.reference),
        text(d.centreName),
        d.overridden === true ? t('assistance.lines.overridden') : null,
      ]
        .filter(Boolean)
        .join(' · '),
      link: id ? (
        <AnchorLink to="/distributions/$id" params={{ id }} size="xs">
          {t('assistance.timeline.open')}
        </AnchorLink>
      ) : undefined,
    };
  };
}
