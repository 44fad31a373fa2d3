import { Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangleFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../../domain/health/alert-rules.ts';
import { SYNDROMES } from '../../../../domain/health/syndromes.ts';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useCentreName } from '../api.ts';
import { STATUS_COLOURS } from './AlertParts.tsx';
import type { SurveillanceWeek } from './api.ts';
import { cellAlert } from './logic.ts';

const oneDecimal = (n: number) => formatNumber(Math.round(n * 10) / 10);

/** Centres × syndromes for one week: people counted and the rate per 1,000; alert cells marked. */
export function WeekTable({
  rows,
  alerts,
}: {
  rows: SurveillanceWeek['rows'];
  alerts: Map<string, AlertStatus>;
}) {
  const { t } = useTranslation();
  const centreName = useCentreName();
  return (
    <Paper withBorder>
      <ScrollTable minWidth={1280} label={t('surveillance.table.title')}>
        {/* positioned, so the cells' visually hidden words (absolute) stay inside the scrolling
            box instead of widening the page on a phone */}
        <Table verticalSpacing="xs" withColumnBorders pos="relative" data-testid="surveillance-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveillance.table.centre')}</Table.Th>
              <Table.Th ta="end">{t('surveillance.table.population')}</Table.Th>
              <Table.Th ta="end">{t('surveillance.table.consultations')}</Table.Th>
              {SYNDROMES.map((s) => (
                <Table.Th key={s} ta="end" fz="xs" maw={120}>
                  {t(`surveillance.syndromes.${s}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.centreId} data-testid="surveillance-row">
                <Table.Th scope="row" fw={500}>
                  <bdi>{centreName(r.centreId, r.centreName)}</bdi>
                </Table.Th>
                <Table.Td ta="end">
                  {r.population === null ? (
                    <Text span size="sm" c="dimmed" title={t('surveillance.table.noPopulation')}>
                      —<VisuallyHidden>{t('surveillance.table.noPopulation')}</VisuallyHidden>
                    </Text>
                  ) : (
                    formatNumber(r.population)
                  )}
                </Table.Td>
                <Table.Td ta="end">{formatNumber(r.consultations)}</Table.Td>
                {SYNDROMES.map((s) => {
                  const status = cellAlert(alerts, r.centreId, s);
                  const cases = r.counts[s] ?? 0;
                  const rate = r.rates[s] ?? null;
                  return (
                    <Table.Td
                      key={s}
                      ta="end"
                      data-testid={`cell-${s}`}
                      data-cases={cases}
                      data-alert={status ?? undefined}
                      bg={status ? `var(--mantine-color-${STATUS_COLOURS[status]}-light)` : undefined}
                    >
                      <Text span fw={cases > 0 ? 700 : undefined} c={cases > 0 ? undefined : 'dimmed'}>
                        {status ? (
                          <IconAlertTriangleFilled
                            size={14}
                            aria-hidden
                            color={`var(--mantine-color-${STATUS_COLOURS[status]}-filled)`}
                            style={{ verticalAlign: 'middle', marginInlineEnd: 4 }}
                          />
                        ) : null}
                        {formatNumber(cases)}
                      </Text>
                      {cases > 0 && rate !== null ? (
                        <Text size="xs" c="dimmed">
                          {t('surveillance.perThousand', { rate: oneDecimal(rate) })}
                        </Text>
                      ) : null}
                      {status ? (
                        <VisuallyHidden>
                          {t('surveillance.table.alert', { status: t(`alerts.statuses.${status}`) })}
                        </VisuallyHidden>
                      ) : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
          {t('surveillance.table.none')}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" p="xs">
        {t('surveillance.table.note')}
      </Text>
    </Paper>
  );
}
