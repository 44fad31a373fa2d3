import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import { currentLocale, directionOf } from '../../../i18n/index.ts';
import type { CurvePoint } from './api.ts';
import { type CurveMeasure, curveRows } from './logic.ts';

/** The weekly bars of one syndrome, with the alert threshold as a line when a rule gives one. */
export default function EpidemicChart({
  points,
  measure,
  threshold,
}: {
  points: readonly CurvePoint[];
  measure: CurveMeasure;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const rtl = directionOf(currentLocale()) === 'rtl';
  const label = measure === 'cases' ? t('surveillance.curve.cases') : t('surveillance.curve.rate');
  return (
    <BarChart
      h={260}
      data={curveRows(points, measure)}
      dataKey="label"
      valueFormatter={(v) => formatNumber(v)}
      series={[{ name: 'value', label, color: 'teal.6' }]}
      xAxisProps={{ reversed: rtl, minTickGap: 16 }}
      yAxisProps={{ orientation: rtl ? 'right' : 'left', allowDecimals: measure === 'rate' }}
      referenceLines={
        threshold === null
          ? undefined
          : [
              {
                y: threshold,
                label: t('surveillance.curve.threshold', { n: formatNumber(threshold) }),
                color: 'red.7',
              },
            ]
      }
      data-testid="epidemic-chart"
    />
  );
}
