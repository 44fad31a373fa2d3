import { Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_STATUSES } from '../../../../domain/supplies/transfers.ts';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Transfer } from '../api.ts';
import { usePointOptions } from '../parts.tsx';
import { TransferBadge } from './TransferBadge.tsx';

type TransferSort = 'dispatchedOn' | 'reference' | 'status';

/** Transfers between stock points, newest first; those in transit are badged. */
export function TransfersPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const points = usePointOptions();
  const [point, setPoint] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState<TransferSort> | undefined>();
  const filters = {
    stockPointId: point ?? undefined,
    status: status ?? undefined,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<Transfer>('stock-transfers', filters);
  const th = (column: TransferSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );
  return (
    <RequireCapability capability="transfers:read">
      <PageHeader
        title={t('supplies.transfers.title')}
        subtitle={t('supplies.transfers.subtitle')}
        actions={
          <>
            <ExportMenu resource="stock-transfers" filters={filters} capability="transfers:read" />
            {has('transfers:create') ? (
              <ButtonLink to="/stock-transfers/new" search={{}} data-testid="new-transfer">
                {t('supplies.transfers.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
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
          data={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`supplies.transferStatuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          w={180}
          data-testid="filter-status"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="transfers-total" />
      <ListTable
        testId="transfers-table"
        label={t('supplies.transfers.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={800}
        head={
          <Table.Tr>
            {th('reference', t('supplies.transfers.reference'))}
            {th('dispatchedOn', t('supplies.transfers.dispatchedOn'))}
            <Table.Th>{t('supplies.transfers.from')}</Table.Th>
            <Table.Th>{t('supplies.transfers.to')}</Table.Th>
            {th('status', t('supplies.transfers.status'))}
          </Table.Tr>
        }
        rows={list.items.map((x) => (
          <Table.Tr key={x.id} data-testid="transfer-row">
            <Table.Td>
              <AnchorLink
                to="/stock-transfers/$id"
                params={{ id: x.id }}
                underline="hover"
                data-testid="transfer-link"
              >
                <span className="sanad-ltr sanad-nowrap">{x.reference}</span>
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t('supplies.transfers.lineCount', { n: x.lines.length })}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(x.dispatchedOn)}</Table.Td>
            <Table.Td>
              <bdi>{x.fromStockPointName}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi>{x.toStockPointName}</bdi>
            </Table.Td>
            <Table.Td>
              <TransferBadge status={x.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
