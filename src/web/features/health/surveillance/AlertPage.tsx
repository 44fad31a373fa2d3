import { Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconBellRinging, IconUserCheck } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekEnd, weekStart } from '../../../../domain/health/weeks.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useCentreName } from '../api.ts';
import { AlertActions } from './AlertActions.tsx';
import { AlertStatusBadge, ruleFigure, ruleName } from './AlertParts.tsx';
import { useAlert } from './api.ts';

/** One alert: its figures against the rule, who acted on it and when, and the next steps offered. */
export function AlertPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/alerts/$id' });
  const query = useAlert(id);
  const [notice, setNotice] = useState<string | null>(null);
  const a = query.data;
  const centreName = useCentreName();
  return (
    <RequireCapability capability="alerts:read">
      <RecordFrame
        back={
          <BackLink to="/alerts" search={{}}>
            {t('alerts.back')}
          </BackLink>
        }
        query={query}
        notice={notice}
      >
        {a ? (
          <>
            <PageHeader
              title={t(`surveillance.syndromes.${a.syndrome}`)}
              subtitle={
                <>
                  <bdi>{centreName(a.centreId, a.centreName)}</bdi> ·{' '}
                  <bdi className="sanad-ltr">{a.week}</bdi> ({formatDate(weekStart(a.week))} –{' '}
                  {formatDate(weekEnd(a.week))})
                </>
              }
              documentTitle={`${t('alerts.one')} · ${t(`surveillance.syndromes.${a.syndrome}`)}`}
              actions={<AlertStatusBadge status={a.status} />}
            />
            <AlertActions
              alert={a}
              onDone={(u) => setNotice(t('alerts.moved', { status: t(`alerts.statuses.${u.status}`) }))}
            />
            <RecordDetails
              testId="alert-figures"
              items={[
                { label: t('alerts.rule'), value: ruleName(t, a) },
                { label: t('alerts.kind'), value: t(`alerts.kinds.${a.kind}`) },
                { label: t('alerts.cases'), value: formatNumber(a.cases) },
                { label: t('alerts.value'), value: ruleFigure(t, a.kind, a.value) },
                { label: t('alerts.threshold'), value: ruleFigure(t, a.kind, a.threshold) },
                { label: t('alerts.raisedAt'), value: formatDateTime(a.raisedAt) },
              ]}
            />
            <Paper withBorder p="lg">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('alerts.history')}
                </Title>
                <Timeline bulletSize={22} lineWidth={2} data-testid="alert-history">
                  <Timeline.Item
                    bullet={<IconBellRinging size={12} aria-hidden />}
                    title={t('alerts.raised')}
                  >
                    <Text size="sm" c="dimmed">
                      {formatDateTime(a.raisedAt)}
                    </Text>
                  </Timeline.Item>
                  {a.actedAt ? (
                    <Timeline.Item
                      bullet={<IconUserCheck size={12} aria-hidden />}
                      title={t(`alerts.statuses.${a.status}`)}
                      data-testid="alert-acted"
                    >
                      <Text size="sm" c="dimmed">
                        {t('alerts.actedBy', {
                          name: a.actedBy?.name ?? '—',
                          at: formatDateTime(a.actedAt),
                        })}
                      </Text>
                      {a.note ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          <bdi>{a.note}</bdi>
                        </Text>
                      ) : null}
                    </Timeline.Item>
                  ) : null}
                </Timeline>
                {a.status === 'new' ? (
                  <Group>
                    <Text size="sm" c="dimmed">
                      {t('alerts.notYetActed')}
                    </Text>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
