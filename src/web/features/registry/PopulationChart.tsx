import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDayMonth, formatNumber } from '../../i18n/format.ts';
import { currentLocale, directionOf } from '../../i18n/index.ts';
import type { Population } from './api.ts';

/** People present each day (from the episodes), with the authority's headcounts as a second line. */
export function PopulationChart({ population }: { population: Population }) {
  const { t } = useTranslation();
  const counted = new Map<string, number>();
  // several counts on one day: the newest recorded (the server lists them newest first within a day)
  for (const h of population.headcounts) if (!counted.has(h.countedOn)) counted.set(h.countedOn, h.total);
  const data = population.history.map((d) => ({
    date: d.date,
    registered: d.count,
    authority: counted.get(d.date) ?? null,
  }));
  const rtl = directionOf(currentLocale()) === 'rtl';
  return (
    <div data-testid="population-chart">
      <LineChart
        h={260}
        data={data}
        dataKey="date"
        withLegend
        withDots={false}
        connectNulls
        curveType="linear"
        valueFormatter={formatNumber}
        series={[
          { name: 'registered', label: t('population.registered'), color: 'teal.6' },
          { name: 'authority', label: t('population.authority'), color: 'orange.6', strokeDasharray: '5 5' },
        ]}
        lineProps={(s) => (s.name === 'authority' ? { dot: { r: 3 } } : {})}
        xAxisProps={{ reversed: rtl, tickFormatter: (d: string) => formatDayMonth(d), minTickGap: 32 }}
        yAxisProps={{ orientation: rtl ? 'right' : 'left', allowDecimals: false }}
        referenceLines={
          population.capacity > 0
            ? [{ y: population.capacity, label: t('population.capacityLine'), color: 'red.6' }]
            : undefined
        }
        tooltipProps={{ labelFormatter: (d) => formatDate(String(d)) }}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('population.chartNote')}
      </Text>
    </div>
  );
}
