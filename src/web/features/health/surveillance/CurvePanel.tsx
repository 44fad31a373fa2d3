import { Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNDROMES, type Syndrome } from '../../../../domain/health/syndromes.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useAlertRules, useCurve } from './api.ts';
import { type CurveMeasure, curveRange, thresholdFor } from './logic.ts';

// the charting library is large: fetched when the curve is first shown, after the table
const EpidemicChart = lazy(() => import('./EpidemicChart.tsx'));

/** The epidemic curve of a syndrome over the 52 weeks up to the week shown, at one centre or all. */
export function CurvePanel({
  week,
  centres,
  syndrome,
  onSyndrome,
}: {
  week: string;
  centres: { value: string; label: string }[];
  syndrome: Syndrome;
  onSyndrome: (s: Syndrome) => void;
}) {
  const { t } = useTranslation();
  const [centreId, setCentreId] = useState<string | null>(null);
  const [measure, setMeasure] = useState<CurveMeasure>('cases');
  const curve = useCurve({ syndrome, centreId: centreId ?? undefined, ...curveRange(week) });
  const rules = useAlertRules();
  const threshold = rules.data ? thresholdFor(rules.data.rules, syndrome, measure) : null;
  const total = (curve.data?.points ?? []).reduce((n, p) => n + p.cases, 0);
  return (
    <Paper withBorder p="md" data-testid="epidemic-curve">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('surveillance.curve.title')}
        </Title>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('surveillance.curve.syndrome')}
            data={SYNDROMES.map((s) => ({ value: s, label: t(`surveillance.syndromes.${s}`) }))}
            value={syndrome}
            onChange={(v) => v && onSyndrome(v as Syndrome)}
            allowDeselect={false}
            w={260}
            data-testid="curve-syndrome"
          />
          <Select
            label={t('surveillance.curve.centre')}
            placeholder={t('surveillance.allCentres')}
            clearable
            searchable
            data={centres}
            value={centreId}
            onChange={setCentreId}
            nothingFoundMessage={t('common.noResults')}
            w={220}
            data-testid="curve-centre"
          />
          <SegmentedControl
            aria-label={t('surveillance.curve.measure')}
            value={measure}
            onChange={(v) => setMeasure(v as CurveMeasure)}
            data={[
              { value: 'cases', label: t('surveillance.curve.cases') },
              { value: 'rate', label: t('surveillance.curve.rate') },
            ]}
            data-testid="curve-measure"
          />
        </Group>
        {curve.isError ? <ErrorState error={curve.error} onRetry={() => void curve.refetch()} /> : null}
        {curve.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
        {curve.data ? (
          <>
            <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
              <EpidemicChart points={curve.data.points} measure={measure} threshold={threshold} />
            </Suspense>
            <Text size="xs" c="dimmed" data-testid="curve-summary">
              {t('surveillance.curve.summary', {
                n: formatNumber(total),
                from: curve.data.points[0]?.week ?? '',
                to: curve.data.points.at(-1)?.week ?? '',
              })}{' '}
              {threshold === null ? t('surveillance.curve.noThreshold') : null}
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
