// Small pieces shared by the clinic pages.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import type { SessionSummary } from './api.ts';

/** A session's queue in four figures: waiting, seen, referred, left. */
export function QueueCounts({ counts }: { counts: SessionSummary['counts'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="queue-counts">
      {(['waiting', 'seen', 'referred', 'left'] as const).map((k) => (
        <Badge key={k} variant="outline" color={k === 'waiting' && counts[k] > 0 ? 'blue' : 'gray'}>
          {t(`health.queueStatuses.${k}`)}: {formatNumber(counts[k])}
        </Badge>
      ))}
    </Group>
  );
}
