// Protection items on a person's timeline (screening, referral, note), for those the server shows them to.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../domain/registry/schemas.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useLocalised } from './labels.ts';

export const PROTECTION_KINDS = ['screening', 'referral', 'note'] as const;

export function useProtectionTimeline() {
  const { t } = useTranslation();
  const l = useLocalised();
  return (item: TimelineItem): { title: string; body?: string; link?: ReactNode } | null => {
    const d = item.detail;
    const title = t(`timeline.kinds.${item.kind}`, { defaultValue: item.kind });
    if (item.kind === 'screening' && typeof d.screeningId === 'string') {
      const flags = typeof d.flags === 'string' && d.flags ? d.flags.split(',').map(l.flag) : [];
      return {
        title,
        body: [t('protection.riskOf', { level: l.risk(String(d.riskLevel)) }), ...flags].join(' · '),
        link: (
          <AnchorLink to="/screenings/$id" params={{ id: d.screeningId }} size="xs">
            {t('screening.open')}
          </AnchorLink>
        ),
      };
    }
    if (item.kind === 'referral' && typeof d.referralId === 'string')
      return {
        title,
        body: [
          d.reference,
          t(`protection.referralStatuses.${String(d.status)}`, { defaultValue: String(d.status) }),
          l.service(String(d.service)),
          d.recipient,
        ]
          .filter(Boolean)
          .join(' · '),
        link: (
          <AnchorLink to="/referrals/$id" params={{ id: d.referralId }} size="xs">
            {t('referral.open')}
          </AnchorLink>
        ),
      };
    if (item.kind === 'note')
      return {
        title,
        body: t(`note.categories.${String(d.category)}`, { defaultValue: String(d.category) }),
      };
    return null;
  };
}
