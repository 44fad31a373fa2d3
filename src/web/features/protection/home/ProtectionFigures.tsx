import { SimpleGrid } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconFolders, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProtectionFigures as Figures } from '../../../../domain/protection/figures.ts';
import { api } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { Forward, Panel, StatCard } from '../../../components/panels.tsx';
import { formatNumber } from '../../../i18n/format.ts';

const shown = (n: number | null | undefined) => (n === undefined ? '…' : n === null ? '—' : formatNumber(n));

/**
 * Everything in the reader's scope (a manager: the whole mission), not only their own cases:
 * people flagged, those still to refer, referrals left unanswered too long, open cases.
 */
export function ProtectionFigures() {
  const { t } = useTranslation();
  const figures = useQuery({
    queryKey: ['protection', 'figures'],
    queryFn: ({ signal }) => api.get<Figures>('/protection/figures', undefined, signal),
  });
  const f = figures.data;
  return (
    <Panel title={t('figures.title')} testId="protection-figures">
      {figures.error ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <StatCard
            label={t('figures.flagged')}
            value={shown(f?.flaggedPeople)}
            icon={IconAlertTriangle}
            testId="figure-flagged"
          />
          <StatCard
            label={t('figures.awaiting')}
            value={shown(f?.awaitingReferral)}
            icon={IconSend}
            color={f?.awaitingReferral ? 'orange.9' : undefined}
            testId="figure-awaiting"
          />
          <StatCard
            label={t('figures.overdue')}
            value={shown(f?.overdueReferrals)}
            icon={IconClockExclamation}
            color={f?.overdueReferrals ? 'red.9' : undefined}
            testId="figure-overdue"
            link={
              f?.overdueReferrals !== null ? (
                <AnchorLink to="/referrals" search={{ overdue: true }} size="sm">
                  {t('home.seeOverdue')} <Forward />
                </AnchorLink>
              ) : undefined
            }
          />
          <StatCard
            label={t('figures.openCases')}
            value={shown(f?.openCases)}
            icon={IconFolders}
            testId="figure-open-cases"
            link={
              f?.openCases !== null ? (
                <AnchorLink to="/cases" size="sm">
                  {t('case.listTitle')} <Forward />
                </AnchorLink>
              ) : undefined
            }
          />
        </SimpleGrid>
      )}
    </Panel>
  );
}
