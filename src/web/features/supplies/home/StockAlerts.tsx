import { Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarTime, IconPackageOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { Forward, Panel, StatCard } from '../../../components/panels.tsx';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { type StockAlert, useStockAlerts } from '../api.ts';
import { quantityText } from '../parts.tsx';

/** The stock officer's home: what is below its minimum, what expires soon, what has expired with stock left. */
export function StockAlerts() {
  const { t } = useTranslation();
  const alerts = useStockAlerts();
  const a = alerts.data;
  return (
    <Panel title={t('supplies.alerts.title')} testId="stock-alerts">
      {alerts.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {alerts.isError ? <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
      {a ? (
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <StatCard
              label={t('supplies.alerts.belowMinimum')}
              value={formatNumber(a.belowMinimum)}
              icon={IconAlertTriangle}
              color={a.belowMinimum > 0 ? 'orange' : undefined}
              testId="alert-below-minimum"
              link={
                <AnchorLink to="/stock/reports" search={{ report: 'below-minimum' }} size="sm">
                  {t('supplies.alerts.seeBelowMinimum')} <Forward />
                </AnchorLink>
              }
            />
            <StatCard
              label={t('supplies.alerts.expiringSoon', { n: a.withinDays })}
              value={formatNumber(a.expiringSoon)}
              icon={IconCalendarTime}
              color={a.expiringSoon > 0 ? 'orange' : undefined}
              testId="alert-expiring"
              link={
                <AnchorLink to="/stock" search={{ expiringWithinDays: a.withinDays }} size="sm">
                  {t('supplies.alerts.seeExpiring')} <Forward />
                </AnchorLink>
              }
            />
            <StatCard
              label={t('supplies.alerts.expired')}
              value={formatNumber(a.expired)}
              icon={IconPackageOff}
              color={a.expired > 0 ? 'red' : undefined}
              testId="alert-expired"
              link={
                <AnchorLink to="/stock" search={{ expiringWithinDays: 0 }} size="sm">
                  {t('supplies.alerts.seeExpired')} <Forward />
                </AnchorLink>
              }
            />
          </SimpleGrid>
          {a.items.length > 0 ? (
            <Stack gap={6} data-testid="alert-items">
              {a.items.map((x) => (
                <AlertRow key={`${x.kind}:${x.stockPointId}:${x.lotId ?? x.itemId}`} alert={x} />
              ))}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Panel>
  );
}

function AlertRow({ alert: x }: { alert: StockAlert }) {
  const { t } = useTranslation();
  const what =
    x.kind === 'below_minimum'
      ? t('supplies.alerts.rowBelow', { minimum: quantityText(x.minimum ?? 0, x) })
      : x.kind === 'expired'
        ? t('supplies.alerts.rowExpired', {
            lot: x.lotNumber,
            date: x.expiryOn ? formatDate(x.expiryOn) : '',
          })
        : t('supplies.alerts.rowExpiring', {
            lot: x.lotNumber,
            date: x.expiryOn ? formatDate(x.expiryOn) : '',
          });
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" truncate>
        <AnchorLink
          to="/stock/card"
          search={{ stockPointId: x.stockPointId, itemId: x.itemId }}
          underline="hover"
        >
          <bdi>{x.itemCode}</bdi>
        </AnchorLink>{' '}
        · <bdi>{x.stockPointName}</bdi> · {what}
      </Text>
      <Text size="xs" c={x.kind === 'expiring_soon' ? 'orange' : 'red'} className="sanad-nowrap">
        <bdi>{quantityText(x.onHand, x)}</bdi>
      </Text>
    </Group>
  );
}
