import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DistressBand } from '../../../../domain/health/distress.ts';
import { formatNumber } from '../../../i18n/format.ts';

export const BAND_COLOURS: Record<DistressBand, string> = {
  low: 'teal',
  moderate: 'yellow',
  high: 'orange',
  very_high: 'red',
  below_cutoff: 'teal',
  serious: 'red',
};

/** The distress score and band of a session, with the urgent flag when one was raised. */
export function BandBadge({
  score,
  band,
  urgent,
}: {
  score: number | null;
  band: DistressBand | null;
  urgent?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {band ? (
        <Badge color={BAND_COLOURS[band]} variant="light" data-testid="band">
          {score === null ? '' : `${formatNumber(score)} · `}
          {t(`counselling.bands.${band}`)}
        </Badge>
      ) : (
        '—'
      )}
      {urgent ? (
        <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          {t('counselling.followUps.urgent')}
        </Badge>
      ) : null}
    </Group>
  );
}
