import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../../domain/health/alert-rules.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useCentreName } from '../api.ts';
import { type AlertView, useOpenAlerts } from './api.ts';

export const STATUS_COLOURS: Record<AlertStatus, string> = {
  new: 'red',
  verified: 'orange',
  responded: 'teal',
  discarded: 'gray',
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="alert-status">
      {t(`alerts.statuses.${status}`)}
    </Badge>
  );
}

/** The default rules have names; a mission's own rule is named by its syndrome and kind. */
export function ruleName(t: TFunction, a: Pick<AlertView, 'ruleCode' | 'syndrome' | 'kind'>): string {
  const named = t(`alerts.rules.${a.ruleCode}`, { defaultValue: '' });
  return named || `${t(`surveillance.syndromes.${a.syndrome}`)} · ${t(`alerts.kinds.${a.kind}`)}`;
}

const oneDecimal = (n: number) => formatNumber(Math.round(n * 10) / 10);

/** A rule's figure in its own unit: cases, per 1,000, times the three-week mean, or a share. */
export function ruleFigure(t: TFunction, kind: AlertView['kind'], value: number | null): string {
  if (value === null) return '—';
  switch (kind) {
    case 'count':
      return formatNumber(value);
    case 'rate':
      return t('surveillance.perThousand', { rate: oneDecimal(value) });
    case 'doubling':
      return t('alerts.times', { n: oneDecimal(value) });
    case 'share':
      return t('alerts.percent', { n: formatNumber(Math.round(value * 100)) });
  }
}

/** Open alerts (new, then verified), each linking to its page: the dashboard's and the home's list. */
export function OpenAlertsList({ limit = 10 }: { limit?: number }) {
  const { t } = useTranslation();
  const open = useOpenAlerts(limit);
  const centreName = useCentreName();
  if (open.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (open.isError) return <ErrorState error={open.error} onRetry={() => void open.refetch()} />;
  const { items, total } = open.data;
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="no-open-alerts">
        {t('alerts.noneOpen')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="open-alerts">
      {items.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="open-alert">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <AnchorLink to="/alerts/$id" params={{ id: a.id }} size="sm" fw={600}>
              {t(`surveillance.syndromes.${a.syndrome}`)}
            </AnchorLink>
            <Text size="xs" c="dimmed" truncate>
              <bdi>{centreName(a.centreId, a.centreName)}</bdi> · <bdi className="sanad-ltr">{a.week}</bdi> ·{' '}
              {t('alerts.casesN', { n: formatNumber(a.cases) })}
            </Text>
          </Stack>
          <AlertStatusBadge status={a.status} />
        </Group>
      ))}
      {total > items.length ? (
        <AnchorLink to="/alerts" size="sm">
          {t('alerts.seeAll', { n: formatNumber(total) })}
        </AnchorLink>
      ) : null}
    </Stack>
  );
}
