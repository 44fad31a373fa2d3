import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { can } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import { type FollowUp, useCaseFollowUps } from './api.ts';
import { today } from './logic.ts';
import { Scores, SurveyForm } from './SurveyForm.tsx';

/** The case's follow-ups (3, 6, 12 months… after arrival): due, done with their scores. */
export function FollowUpsPanel({ caseId, onChange }: { caseId: string; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const query = useCaseFollowUps(caseId);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('reintegration.followUps.none')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="case-follow-ups">
      {query.data.items.map((f) => (
        <FollowUpCard key={f.id} followUp={f} onChange={onChange} />
      ))}
    </Stack>
  );
}

export function DueText({ followUp: f }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  if (f.doneOn)
    return <Text size="xs">{t('reintegration.followUps.doneOnDate', { date: formatDate(f.doneOn) })}</Text>;
  const overdue = f.dueOn < today();
  return (
    <Text size="xs" c={overdue ? 'red.8' : 'dimmed'}>
      {t(overdue ? 'reintegration.followUps.overdue' : 'reintegration.followUps.due', {
        date: formatDate(f.dueOn),
      })}
    </Text>
  );
}

function FollowUpCard({ followUp: f, onChange }: { followUp: FollowUp; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="follow-up"
      data-months={f.monthsAfterArrival}
      data-done={!!f.doneOn || undefined}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t('reintegration.followUps.months', { count: f.monthsAfterArrival })}
            </Text>
            {f.doneOn ? (
              <Badge color="green" variant="light" size="sm">
                {t('reintegration.followUps.done')}
              </Badge>
            ) : null}
          </Group>
          <DueText followUp={f} />
        </Stack>
        {can(f, 'record_survey') && !open ? (
          <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="follow-up-record">
            {t('reintegration.followUps.record')}
          </Button>
        ) : null}
      </Group>
      {f.scores ? (
        <Stack gap={4} mt="xs">
          <Scores scores={f.scores} />
          {f.note ? (
            <Text size="xs" c="dimmed">
              <bdi>{f.note}</bdi>
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {open ? (
        <Stack mt="sm">
          <SurveyForm
            followUp={f}
            onCancel={() => setOpen(false)}
            onDone={async () => {
              setOpen(false);
              await onChange();
            }}
          />
        </Stack>
      ) : null}
    </Paper>
  );
}
