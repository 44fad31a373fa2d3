import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { can } from '../../../components/record/record.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { useReintegration, useReintegrationRefresh } from './api.ts';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';
import { ItemsPanel } from './ItemsPanel.tsx';
import { PlanForm } from './PlanForm.tsx';

/**
 * A return case's reintegration, for the case page (which mounts it with the `reintegration`
 * strings bundle): the plan with its partner and currency, the items with their status and the
 * budget totals, and the follow-ups with the sustainability survey and its scores. Everything it
 * offers comes from the server's allowedActions.
 */
export function ReintegrationSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useReintegration(caseId);
  const refresh = useReintegrationRefresh(caseId);
  const [editing, setEditing] = useState(false);
  const body = () => {
    if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    const view = query.data;
    const { plan } = view;
    if (!plan)
      return can(view, 'create') ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('reintegration.plan.intro')}
          </Text>
          <PlanForm caseId={caseId} plan={null} onDone={refresh} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" data-testid="no-plan">
          {t('reintegration.plan.none')}
        </Text>
      );
    return (
      <Stack gap="md">
        {editing ? (
          <PlanForm
            caseId={caseId}
            plan={plan}
            onCancel={() => setEditing(false)}
            onDone={async () => {
              setEditing(false);
              await refresh();
            }}
          />
        ) : (
          <Group justify="space-between" align="flex-start" wrap="wrap" data-testid="plan">
            <Stack gap={2}>
              <Text size="sm">
                {t('reintegration.plan.partner')}: <bdi>{plan.partner.name}</bdi>
              </Text>
              <Text size="sm">
                {t('reintegration.plan.agreedOn')}: {formatDate(plan.agreedOn)} ·{' '}
                <span className="sanad-ltr">{plan.currency}</span>
              </Text>
              {plan.note ? (
                <Text size="sm" c="dimmed">
                  <bdi>{plan.note}</bdi>
                </Text>
              ) : null}
            </Stack>
            {can(view, 'update') ? (
              <Button size="xs" variant="subtle" onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('reintegration.plan.edit')}
              </Button>
            ) : null}
          </Group>
        )}
        <ItemsPanel view={view} onChange={refresh} />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('reintegration.followUps.title')}
          </Title>
          <FollowUpsPanel caseId={caseId} onChange={refresh} />
        </Stack>
      </Stack>
    );
  };
  return (
    <Section title={t('reintegration.title')} testId="reintegration">
      {body()}
    </Section>
  );
}
