import { Select, Table } from '@mantine/core';
import { IconChartHistogram } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ALERT_STATUSES } from '../../../../domain/health/alert-rules.ts';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useCentreName } from '../api.ts';
import { AlertStatusBadge, ruleFigure, ruleName } from './AlertParts.tsx';
import { ALERTS, type AlertView } from './api.ts';

/** Alerts in the reader's centres, newest first, by status. */
export function AlertsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const { status } = useSearch({ from: '/app/alerts' });
  const navigate = useNavigate({ from: '/alerts' });
  const list = useCursorList<AlertView>(ALERTS, { status });
  // the centre by its name in the page's language (an alert carries the name as written)
  const centreName = useCentreName();
  return (
    <RequireCapability capability="alerts:read">
      <PageHeader
        title={t('alerts.title')}
        subtitle={t('alerts.subtitle')}
        actions={
          has('surveillance:read') ? (
            <ButtonLink
              to="/surveillance"
              variant="default"
              leftSection={<IconChartHistogram size={16} aria-hidden />}
            >
              {t('surveillance.title')}
            </ButtonLink>
          ) : null
        }
      />
      <Filters>
        <Select
          label={t('alerts.status')}
          placeholder={t('common.all')}
          clearable
          data={ALERT_STATUSES.map((s) => ({ value: s, label: t(`alerts.statuses.${s}`) }))}
          value={status ?? null}
          onChange={(v) =>
            void navigate({ search: { status: (v ?? undefined) as typeof status }, replace: true })
          }
          w={200}
          data-testid="filter-status"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="alerts-total" />
      <ListTable
        testId="alerts-table"
        label={t('alerts.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={860}
        head={
          <Table.Tr>
            <Table.Th>{t('alerts.raisedAt')}</Table.Th>
            <Table.Th>{t('alerts.week')}</Table.Th>
            <Table.Th>{t('surveillance.table.centre')}</Table.Th>
            <Table.Th>{t('alerts.syndrome')}</Table.Th>
            <Table.Th>{t('alerts.rule')}</Table.Th>
            <Table.Th ta="end">{t('alerts.cases')}</Table.Th>
            <Table.Th ta="end">{t('alerts.value')}</Table.Th>
            <Table.Th>{t('alerts.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((a) => (
          <Table.Tr key={a.id} data-testid="alert-row">
            <Table.Td className="sanad-nowrap">
              <AnchorLink to="/alerts/$id" params={{ id: a.id }} data-testid="alert-link">
                {formatDateTime(a.raisedAt)}
              </AnchorLink>
            </Table.Td>
            <Table.Td className="sanad-nowrap">
              <bdi className="sanad-ltr">{a.week}</bdi>
            </Table.Td>
            <Table.Td data-testid="alert-centre">
              <bdi>{centreName(a.centreId, a.centreName)}</bdi>
            </Table.Td>
            <Table.Td>{t(`surveillance.syndromes.${a.syndrome}`)}</Table.Td>
            <Table.Td>{ruleName(t, a)}</Table.Td>
            <Table.Td ta="end">{formatNumber(a.cases)}</Table.Td>
            <Table.Td ta="end" className="sanad-nowrap">
              {ruleFigure(t, a.kind, a.value)}
            </Table.Td>
            <Table.Td>
              <AlertStatusBadge status={a.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
