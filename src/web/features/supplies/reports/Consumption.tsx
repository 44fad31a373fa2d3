import { BarChart } from '@mantine/charts';
import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { currentLocale, directionOf } from '../../../i18n/index.ts';
import { useConsumption } from '../api.ts';
import { Quantity } from '../parts.tsx';
import { formatMonth } from './months.ts';
import { CategoryFilter, PointFilter, ReportState, XlsxLink } from './ReportParts.tsx';

const oneDecimal = (n: number) => formatNumber(Math.round(n * 10) / 10);

/** Monthly consumption, its average (AMC) and the months of stock it leaves, with a chart per item. */
export function Consumption() {
  const { t } = useTranslation();
  const [point, setPoint] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const [months, setMonths] = useState<number | string>(3);
  const [chartItem, setChartItem] = useState<string | null>(null);
  const filters = {
    stockPointId: point ?? undefined,
    category: category ?? undefined,
    to: /^\d{4}-\d{2}$/.test(to) ? to : undefined,
    months: typeof months === 'number' ? months : undefined,
  };
  const report = useConsumption(filters);
  const rows = report.data?.rows ?? [];
  const rowKey = (r: (typeof rows)[number]) => `${r.stockPointId ?? ''}:${r.itemId}`;
  const chosen = rows.find((r) => rowKey(r) === chartItem) ?? rows[0];
  const data = useMemo(
    () =>
      chosen && report.data
        ? report.data.months.map((m, i) => ({ month: formatMonth(m), quantity: chosen.monthly[i] ?? 0 }))
        : [],
    [chosen, report.data],
  );
  const rtl = directionOf(currentLocale()) === 'rtl';
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <PointFilter value={point} onChange={setPoint} />
        <CategoryFilter value={category} onChange={setCategory} />
        <TextInput
          type="month"
          label={t('supplies.reports.toMonth')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <NumberInput
          label={t('supplies.reports.months')}
          min={1}
          max={24}
          allowDecimal={false}
          value={months}
          onChange={setMonths}
          w={140}
        />
        <XlsxLink path="/stock/consumption" filters={filters} />
      </Group>
      <ReportState query={report} />
      {chosen ? (
        <Paper withBorder p="md" data-testid="consumption-chart">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={3} size="h5">
              {t('supplies.reports.chartTitle')}
            </Title>
            <Select
              aria-label={t('supplies.stock.item')}
              searchable
              data={rows.map((r) => ({
                value: rowKey(r),
                label: `${r.itemCode} · ${r.itemName}${r.stockPointName ? ` · ${r.stockPointName}` : ''}`,
              }))}
              value={rowKey(chosen)}
              onChange={setChartItem}
              w={320}
            />
          </Group>
          <BarChart
            h={240}
            data={data}
            dataKey="month"
            valueFormatter={formatNumber}
            series={[{ name: 'quantity', label: t('supplies.reports.consumed'), color: 'teal.6' }]}
            xAxisProps={{ reversed: rtl }}
            yAxisProps={{ orientation: rtl ? 'right' : 'left', allowDecimals: false }}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('supplies.reports.chartNote')}
          </Text>
        </Paper>
      ) : null}
      {report.data ? (
        <Paper withBorder>
          <ScrollTable minWidth={960} label={t('supplies.reports.consumption')}>
            <Table striped verticalSpacing="xs" data-testid="consumption">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supplies.stock.item')}</Table.Th>
                  {report.data.months.map((m) => (
                    <Table.Th key={m}>{formatMonth(m)}</Table.Th>
                  ))}
                  <Table.Th>{t('supplies.reports.amc')}</Table.Th>
                  <Table.Th>{t('supplies.stock.onHand')}</Table.Th>
                  <Table.Th>{t('supplies.reports.monthsOfStock')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={rowKey(r)} data-testid="consumption-row">
                    <Table.Td>
                      <bdi>
                        {r.itemCode} · {r.itemName}
                      </bdi>
                      {r.stockPointName ? (
                        <Text size="xs" c="dimmed">
                          <bdi>{r.stockPointName}</bdi>
                        </Text>
                      ) : null}
                    </Table.Td>
                    {r.monthly.map((q, i) => (
                      <Table.Td key={report.data.months[i]}>{formatNumber(q)}</Table.Td>
                    ))}
                    <Table.Td>{oneDecimal(r.averageMonthly)}</Table.Td>
                    <Table.Td>
                      <Quantity value={r.onHand} item={r} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <span data-testid="months-of-stock">
                          {r.monthsOfStock === null ? '—' : oneDecimal(r.monthsOfStock)}
                        </span>
                        {r.belowMinimum ? (
                          <Badge color="red" variant="light">
                            {t('supplies.reports.belowMinimumBadge')}
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {rows.length === 0 ? (
            <Text c="dimmed" ta="center" p="lg">
              {t('common.noResults')}
            </Text>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
