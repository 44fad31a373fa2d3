import { Badge, Select, Table } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNT_STATUSES } from '../../../../domain/supplies/counts.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { StockCount } from '../api.ts';
import { usePointOptions } from '../parts.tsx';
import { NewCountForm } from './NewCountForm.tsx';

/** the counts list's sort keys (countListQuery's `sort`) */
type CountSort = 'countedOn' | 'reference' | 'status';

const STATUS_COLOURS = { open: 'blue', approved: 'teal', cancelled: 'gray' } as const;

export function CountStatus({ status }: { status: StockCount['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="count-status">
      {t(`supplies.countStatuses.${status}`)}
    </Badge>
  );
}

/** Stock counts (physical inventories), with a new sheet on top for those who may count. */
export function CountsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const search = useSearch({ from: '/app/stock-counts' });
  const points = usePointOptions();
  const [point, setPoint] = useState<string | null>(search.stockPointId ?? null);
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState<CountSort> | undefined>();
  const list = useCursorList<Omit<StockCount, 'lines'>>('stock-counts', {
    stockPointId: point ?? undefined,
    status: status ?? undefined,
    sort: sort?.sort,
    order: sort?.order,
  });
  const th = (column: CountSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );
  return (
    <RequireCapability capability="stock_counts:read">
      <PageHeader title={t('supplies.counts.title')} subtitle={t('supplies.counts.subtitle')} />
      {has('stock_counts:create') ? <NewCountForm stockPointId={search.stockPointId} /> : null}
      <Filters>
        <Select
          label={t('supplies.stock.point')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={points.options}
          value={point}
          onChange={setPoint}
          w={240}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-point"
        />
        <Select
          label={t('supplies.transfers.status')}
          placeholder={t('common.all')}
          clearable
          data={COUNT_STATUSES.map((s) => ({ value: s, label: t(`supplies.countStatuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          w={180}
          data-testid="filter-status"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="counts-total" />
      <ListTable
        testId="counts-table"
        label={t('supplies.counts.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={640}
        head={
          <Table.Tr>
            {th('reference', t('supplies.transfers.reference'))}
            <Table.Th>{t('supplies.stock.point')}</Table.Th>
            {th('countedOn', t('supplies.counts.countedOn'))}
            {th('status', t('supplies.transfers.status'))}
          </Table.Tr>
        }
        rows={list.items.map((c) => (
          <Table.Tr key={c.id} data-testid="count-row">
            <Table.Td>
              <AnchorLink to="/stock-counts/$id" params={{ id: c.id }} underline="hover">
                <span className="sanad-ltr">{c.reference}</span>
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <bdi>{c.stockPointName}</bdi>
            </Table.Td>
            <Table.Td>{formatDate(c.countedOn)}</Table.Td>
            <Table.Td>
              <CountStatus status={c.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
