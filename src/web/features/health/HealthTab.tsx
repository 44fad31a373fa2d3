import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconBuildingHospital, IconPlaneDeparture } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useProtectionSummary } from '../protection/api.ts';
import type { Person } from '../registry/api.ts';
import { type FitnessFlag, useFitnessFlag, usePersonConsultations } from './api.ts';
import { useDiagnosisNames } from './labels.ts';
import { hospitalServices } from './refer.ts';

const FITNESS_COLOURS = { fit: 'teal', fit_with_escort: 'yellow', not_fit: 'red' } as const;

/** The person's health: the fitness-to-travel flag, then their consultations, newest first. */
export function HealthTab({ person }: { person: Person }) {
  const has = useCapabilities();
  return (
    <Stack data-testid="health-tab">
      {has('referrals:create') && has('consultations:read') ? <ReferToHospital personId={person.id} /> : null}
      {has('fitness:read') ? <FitnessPanel personId={person.id} /> : null}
      {has('consultations:read') ? <Consultations personId={person.id} /> : null}
    </Stack>
  );
}

/** Offered when the server lets the reader refer this person to hospital (the summary lists `medical`). */
function ReferToHospital({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const summary = useProtectionSummary(personId);
  if (hospitalServices(summary.data?.referralServices).length === 0) return null;
  return (
    <Group justify="flex-end">
      <ButtonLink
        to="/persons/$id/refer-to-hospital"
        params={{ id: personId }}
        variant="light"
        leftSection={<IconBuildingHospital size={16} aria-hidden />}
        data-testid="health-refer-to-hospital"
      >
        {t('health.refer.action')}
      </ButtonLink>
    </Group>
  );
}

function FitnessPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const flag = useFitnessFlag(personId, true);
  if (flag.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (flag.isError) return <ErrorState error={flag.error} onRetry={() => void flag.refetch()} />;
  return <FitnessFlagView flag={flag.data} />;
}

export function FitnessFlagView({ flag }: { flag: FitnessFlag }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color={flag.status && flag.current ? FITNESS_COLOURS[flag.status] : 'gray'}
      icon={<IconPlaneDeparture aria-hidden />}
      title={t('health.person.fitness')}
      data-testid="fitness-flag"
      data-status={flag.status ?? 'none'}
    >
      {flag.status === null ? (
        <Text size="sm">{t('health.person.fitnessNone')}</Text>
      ) : (
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t(`health.fitness.${flag.status}`)}
            </Text>
            {!flag.current ? (
              <Badge color="gray" variant="outline" data-testid="fitness-lapsed">
                {t('health.person.fitnessLapsed')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {flag.validUntil ? `${t('health.consult.validUntil')} ${formatDate(flag.validUntil)}` : null}
            {flag.assessedOn ? ` · ${t('health.person.assessedOn')} ${formatDate(flag.assessedOn)}` : null}
          </Text>
        </Stack>
      )}
    </Alert>
  );
}

function Consultations({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const names = useDiagnosisNames();
  const query = usePersonConsultations(personId, true);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  return (
    <Paper withBorder>
      <ScrollTable minWidth={640} label={t('health.person.consultations')}>
        <Table striped verticalSpacing="xs" data-testid="health-consultations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('health.person.date')}</Table.Th>
              <Table.Th>{t('health.session.centre')}</Table.Th>
              <Table.Th>{t('health.record.diagnoses')}</Table.Th>
              <Table.Th>{t('health.consult.outcome')}</Table.Th>
              <Table.Th>{t('health.record.clinician')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} data-testid="health-consultation">
                <Table.Td className="sanad-nowrap">
                  <AnchorLink to="/consultations/$id" params={{ id: c.id }} size="sm">
                    {formatDate(c.consultedOn)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <bdi>{c.centreName}</bdi>
                </Table.Td>
                <Table.Td>
                  {c.diagnoses.map((d) => (
                    <Text key={d.code} size="sm">
                      <bdi>{names.label(d.code)}</bdi>
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{t(`health.outcomes.${c.outcome}`)}</Table.Td>
                <Table.Td>
                  <bdi>{c.clinician.name}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
          {t('health.person.none')}
        </Text>
      ) : null}
    </Paper>
  );
}
