import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useStockReport } from '../api.ts';
import { Quantity } from '../parts.tsx';
import { CategoryFilter, PointFilter, ReportState, XlsxLink } from './ReportParts.tsx';

/** On hand per point and item on a date, with the total and what is in transit. */
export function StockReport() {
  const { t } = useTranslation();
  const [point, setPoint] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [asOf, setAsOf] = useState('');
  const filters = {
    stockPointId: point ?? undefined,
    category: category ?? undefined,
    asOf: asOf || undefined,
  };
  const report = useStockReport(filters);
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <PointFilter value={point} onChange={setPoint} />
        <CategoryFilter value={category} onChange={setCategory} />
        <TextInput
          type="date"
          label={t('supplies.reports.asOf')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
        />
        <XlsxLink path="/stock/report" filters={filters} />
      </Group>
      <ReportState query={report} />
      {report.data ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t('supplies.reports.total', { date: formatDate(report.data.asOf) })}
              </Text>
              <Text fw={700} data-testid="report-total">
                {formatNumber(report.data.total)}
              </Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t('supplies.reports.inTransit')}
              </Text>
              <Text fw={700} data-testid="report-in-transit">
                {formatNumber(report.data.inTransit)}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder>
            <ScrollTable minWidth={860} label={t('supplies.reports.stock')}>
              <Table striped verticalSpacing="xs" data-testid="stock-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('supplies.stock.point')}</Table.Th>
                    <Table.Th>{t('supplies.stock.item')}</Table.Th>
                    <Table.Th>{t('supplies.items.category')}</Table.Th>
                    <Table.Th>{t('supplies.reports.lots')}</Table.Th>
                    <Table.Th>{t('supplies.reports.earliestExpiry')}</Table.Th>
                    <Table.Th>{t('supplies.stock.onHand')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.rows.map((r) => (
                    <Table.Tr key={`${r.stockPointId}:${r.itemId}`} data-testid="report-row">
                      <Table.Td>
                        <bdi>{r.stockPointName}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <bdi>
                          {r.itemCode} · {r.itemName}
                        </bdi>
                      </Table.Td>
                      <Table.Td>{t(`supplies.categories.${r.category}`)}</Table.Td>
                      <Table.Td>{formatNumber(r.lots)}</Table.Td>
                      <Table.Td>{r.earliestExpiry ? formatDate(r.earliestExpiry) : '—'}</Table.Td>
                      <Table.Td>
                        <Quantity value={r.onHand} item={r} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {report.data.rows.length === 0 ? (
              <Text c="dimmed" ta="center" p="lg">
                {t('common.noResults')}
              </Text>
            ) : null}
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
