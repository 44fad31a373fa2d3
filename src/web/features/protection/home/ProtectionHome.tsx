import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconClockExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { Forward, Panel, StatCard } from '../../../components/panels.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useProtectionAccess } from '../access.ts';
import type { ProtectionCase, Referral, Task } from '../api.ts';
import { FlaggedPersonRow } from './FlaggedPersonRow.tsx';

const LIMIT = 200;
const CASES = 50;
const count = (p?: Page<unknown>) => (p ? `${formatNumber(p.items.length)}${p.nextCursor ? '+' : ''}` : '…');

/**
 * The protection worker's day on the home page: open tasks (late ones counted), referrals left
 * unanswered too long, and people in their open cases whose latest risk is high or critical.
 */
export function ProtectionHome() {
  const { t } = useTranslation();
  const access = useProtectionAccess();
  const tasks = useQuery({
    queryKey: ['tasks', 'home'],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>('/tasks', { mine: 'true', status: 'open', limit: LIMIT }, signal),
  });
  const overdue = useQuery({
    queryKey: ['referrals', 'home-overdue'],
    enabled: access.reads,
    queryFn: ({ signal }) => api.get<Page<Referral>>('/referrals', { overdue: 'true', limit: LIMIT }, signal),
  });
  const lateTasks = tasks.data?.items.filter((x) => x.overdue).length ?? 0;
  if (!access.reads && !tasks.data?.items.length) return null;
  return (
    <Stack data-testid="protection-home">
      <SimpleGrid cols={{ base: 1, xs: access.reads ? 3 : 1 }}>
        <StatCard
          label={t('home.openTasks')}
          value={tasks.isError ? '—' : count(tasks.data)}
          icon={IconChecklist}
          testId="count-open-tasks"
          detail={
            lateTasks > 0 ? (
              <Group gap={4} c="red.8">
                <IconClockExclamation size={14} aria-hidden />
                <Text size="sm" fw={600} data-testid="count-late-tasks">
                  {t('home.lateTasks', { n: lateTasks })}
                </Text>
              </Group>
            ) : undefined
          }
          link={
            <AnchorLink to="/tasks" size="sm">
              {t('nav.tasks')} <Forward />
            </AnchorLink>
          }
        />
        {access.reads ? (
          <StatCard
            label={t('home.overdueReferrals')}
            value={overdue.isError ? '—' : count(overdue.data)}
            icon={IconClockExclamation}
            color={overdue.data?.items.length ? 'red' : undefined}
            testId="count-overdue-referrals"
            link={
              <AnchorLink to="/referrals" search={{ overdue: true }} size="sm">
                {t('home.seeOverdue')} <Forward />
              </AnchorLink>
            }
          />
        ) : null}
        {access.reads ? <HighRiskCount /> : null}
      </SimpleGrid>
      {access.reads ? <HighRiskPeople /> : null}
    </Stack>
  );
}

/** Open cases assigned to me; each case carries its person's latest flags and risk (one request). */
function useHighRisk() {
  const cases = useQuery({
    queryKey: ['cases', 'home-mine'],
    queryFn: ({ signal }) =>
      api.get<Page<ProtectionCase>>('/cases', { assignedTo: 'me', status: 'open', limit: CASES }, signal),
  });
  const people = (cases.data?.items ?? [])
    .filter((c) => c.riskLevel === 'high' || c.riskLevel === 'critical')
    .sort((a, b) => (a.riskLevel === b.riskLevel ? 0 : a.riskLevel === 'critical' ? -1 : 1));
  return { cases, people, pending: cases.isPending };
}

function HighRiskCount() {
  const { t } = useTranslation();
  const { people, pending, cases } = useHighRisk();
  return (
    <StatCard
      label={t('home.highRisk')}
      value={cases.isError ? '—' : pending ? '…' : formatNumber(people.length)}
      icon={IconAlertTriangle}
      color={people.length ? 'orange' : undefined}
      testId="count-high-risk"
    />
  );
}

function HighRiskPeople() {
  const { t } = useTranslation();
  const { people, pending, cases } = useHighRisk();
  return (
    <Panel title={t('home.highRiskTitle')} testId="high-risk">
      {cases.isError ? <ErrorState error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {!pending && people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.noHighRisk')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {people.map((c) => (
          <FlaggedPersonRow key={c.id} person={c} testId="high-risk-person" />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {t('home.highRiskHelp')}
      </Text>
    </Panel>
  );
}
