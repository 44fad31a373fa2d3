import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import {
  DISTRIBUTION_KINDS,
  DISTRIBUTION_REPORT_DIMENSIONS,
} from '../../../domain/supplies/distributions.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Filters } from '../../components/list/ListParts.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale, directionOf } from '../../i18n/index.ts';
import { queryString, RESOURCE, useDistributionReport } from './api.ts';
import { useAssistanceLabels } from './labels.ts';
import { chartData, type Measure } from './logic.ts';

type Dimension = (typeof DISTRIBUTION_REPORT_DIMENSIONS)[number];
type Kind = (typeof DISTRIBUTION_KINDS)[number];

const DIMENSION_KEYS: Record<Dimension, string> = {
  centre: 'assistance.report.by.centre',
  item: 'assistance.report.by.item',
  project: 'assistance.report.by.project',
  sex: 'assistance.report.by.sex',
  ageGroup: 'assistance.report.by.ageGroup',
  month: 'assistance.report.by.month',
};
const COLORS = ['teal.6', 'blue.6', 'orange.6', 'grape.6', 'red.6', 'lime.6', 'cyan.6', 'pink.6', 'yellow.6'];

/** Unique people (and quantities) by one or two dimensions, as a table, a bar chart and XLSX. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const l = useAssistanceLabels();
  const centres = useAllOf<Centre>('centres', {});
  const [rows, setRows] = useState<Dimension>('centre');
  const [columns, setColumns] = useState<Dimension | null>(null);
  const [centreId, setCentreId] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('individual');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [measure, setMeasure] = useState<Measure>('people');
  const params = {
    by: columns && columns !== rows ? [rows, columns] : [rows],
    from: from || undefined,
    to: to || undefined,
    centreId: centreId ?? undefined,
    kind,
  };
  const qs = queryString(params);
  const report = useDistributionReport(qs);
  const chart = useMemo(() => (report.data ? chartData(report.data, measure) : null), [report.data, measure]);
  const dimensionOptions = DISTRIBUTION_REPORT_DIMENSIONS.map((d) => ({
    value: d,
    label: t(DIMENSION_KEYS[d]),
  }));
  const xlsx = `/api/v1/${RESOURCE}/report${queryString({ ...params, format: 'xlsx', lang: i18n.language })}`;
  const rtl = directionOf(currentLocale()) === 'rtl';
  const by = report.data?.by ?? [];
  const measureLabel = (m: Measure) =>
    m === 'people' ? t('assistance.report.people') : t('assistance.report.quantity');

  return (
    <RequireCapability capability="distributions:read">
      <Stack>
        <BackLink to="/distributions">{t('assistance.list.back')}</BackLink>
        <PageHeader
          title={t('assistance.report.title')}
          subtitle={t('assistance.report.subtitle')}
          actions={
            <Button
              component="a"
              href={xlsx}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="report-xlsx"
            >
              {t('export.xlsx')}
            </Button>
          }
        />
        <Filters>
          <Select
            label={t('assistance.report.rows')}
            allowDeselect={false}
            data={dimensionOptions}
            value={rows}
            onChange={(v) => {
              if (!v) return;
              setRows(v as Dimension);
              if (v === columns) setColumns(null);
            }}
            w={180}
            data-testid="report-rows"
          />
          <Select
            label={t('assistance.report.columns')}
            placeholder={t('assistance.report.none')}
            clearable
            data={dimensionOptions.filter((o) => o.value !== rows)}
            value={columns}
            onChange={(v) => setColumns(v as Dimension | null)}
            w={180}
            data-testid="report-columns"
          />
          <Select
            label={t('assistance.fields.centre')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={centreId}
            onChange={setCentreId}
            w={220}
            data-testid="report-centre"
          />
          <Select
            label={t('assistance.fields.kind')}
            allowDeselect={false}
            data={DISTRIBUTION_KINDS.map((k) => ({ value: k, label: l.kind(k) }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            w={200}
            data-testid="report-kind"
          />
          <TextInput
            type="date"
            label={t('assistance.fields.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('assistance.fields.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </Filters>
        {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data ? (
          <>
            <Group gap="xl" data-testid="report-totals">
              <Text>
                {t('assistance.report.totalPeople')}:{' '}
                <b data-testid="report-total-people">{formatNumber(report.data.totalPeople)}</b>
              </Text>
              <Text>
                {t('assistance.report.totalQuantity')}: <b>{formatNumber(report.data.totalQuantity)}</b>
              </Text>
            </Group>
            {kind === 'individual' ? (
              <Text size="xs" c="dimmed">
                {t('assistance.report.uniqueNote')}
              </Text>
            ) : null}
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Text fw={700}>{t('assistance.report.chart')}</Text>
                <SegmentedControl
                  size="xs"
                  aria-label={t('assistance.report.measure')}
                  data={(['people', 'quantity'] as const).map((m) => ({ value: m, label: measureLabel(m) }))}
                  value={measure}
                  onChange={(v) => setMeasure(v as Measure)}
                />
              </Group>
              {chart && chart.data.length > 0 ? (
                <div data-testid="report-chart">
                  <BarChart
                    h={280}
                    data={chart.data}
                    dataKey="group"
                    withLegend={by.length > 1}
                    valueFormatter={formatNumber}
                    series={chart.series.map((s, i) => ({
                      name: s,
                      label: by.length > 1 ? s : measureLabel(measure),
                      color: COLORS[i % COLORS.length] as string,
                    }))}
                    xAxisProps={{ reversed: rtl }}
                    yAxisProps={{ orientation: rtl ? 'right' : 'left', allowDecimals: false }}
                  />
                </div>
              ) : (
                <Text c="dimmed">{t('common.noResults')}</Text>
              )}
            </Paper>
            <Paper withBorder>
              <ScrollTable minWidth={520} label={t('assistance.report.title')}>
                <Table striped data-testid="report-table">
                  <Table.Thead>
                    <Table.Tr>
                      {by.map((d) => (
                        <Table.Th key={d}>{t(DIMENSION_KEYS[d])}</Table.Th>
                      ))}
                      <Table.Th ta="end">{t('assistance.report.people')}</Table.Th>
                      <Table.Th ta="end">{t('assistance.report.lines')}</Table.Th>
                      <Table.Th ta="end">{t('assistance.report.quantity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.data.rows.map((r) => (
                      <Table.Tr key={r.keys.join('|')} data-testid="report-row">
                        {r.labels.map((label, i) => (
                          <Table.Td key={by[i] ?? i}>
                            <bdi>{label}</bdi>
                          </Table.Td>
                        ))}
                        <Table.Td ta="end">{formatNumber(r.people)}</Table.Td>
                        <Table.Td ta="end">{formatNumber(r.lines)}</Table.Td>
                        <Table.Td ta="end">{formatNumber(r.quantity)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Paper>
          </>
        ) : null}
      </Stack>
    </RequireCapability>
  );
}
