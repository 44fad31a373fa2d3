import { Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { type Due, useDueFollowUps } from './api.ts';
import { DueText } from './FollowUpsPanel.tsx';

/** The follow-ups due of the cases the officer reaches: overdue first, or those coming. */
export function FollowUpsDuePage() {
  return (
    <RequireCapability capability="reintegration_follow_ups:read">
      <DueList />
    </RequireCapability>
  );
}

function DueList() {
  const { t } = useTranslation();
  const [due, setDue] = useState<Due>('overdue');
  const query = useDueFollowUps(due);
  return (
    <Stack gap="md">
      <PageHeader title={t('reintegration.due.title')} subtitle={t('reintegration.due.subtitle')} />
      <SegmentedControl
        value={due}
        onChange={(d) => setDue(d as Due)}
        data={[
          { value: 'overdue', label: t('reintegration.due.overdue') },
          { value: 'upcoming', label: t('reintegration.due.upcoming') },
        ]}
        data-testid="due-filter"
        style={{ alignSelf: 'flex-start' }}
      />
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="no-due">
          {t('reintegration.due.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="due-list">
          {query.data.items.map((f) => (
            <Paper key={f.id} withBorder p="sm" data-testid="due-follow-up">
              <AnchorLink to="/persons/$id" params={{ id: f.person.id }} fw={600} size="sm">
                <bdi>{f.person.name}</bdi>
              </AnchorLink>
              <Text size="xs" c="dimmed">
                <span className="sanad-ltr">{f.person.registrationNumber}</span> ·{' '}
                <span className="sanad-ltr">{f.caseReference}</span> ·{' '}
                {t('reintegration.followUps.months', { count: f.monthsAfterArrival })}
              </Text>
              <DueText followUp={f} />
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
