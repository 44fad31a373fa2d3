import { Select, Table } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCK_POINT_KINDS } from '../../../../domain/supplies/catalogue.ts';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ActiveBadge, Filters, ListTable, SearchBox } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import type { StockPoint } from '../api.ts';
import { pointLabel } from '../parts.tsx';

type PointSort = 'name' | 'kind' | 'centre';

/** Warehouses, centre stores and clinic pharmacies the user may see. */
export function StockPointsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState<PointSort> | undefined>();
  const filters = { q, kind: kind ?? undefined, sort: sort?.sort, order: sort?.order };
  const list = useCursorList<StockPoint>('stock-points', filters);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  const th = (column: PointSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );
  return (
    <RequireCapability capability="stock_points:read">
      <PageHeader
        title={t('supplies.points.title')}
        subtitle={t('supplies.points.subtitle')}
        actions={
          has('stock_points:create') ? (
            <ButtonLink to="/stock-points/new" data-testid="new-stock-point">
              {t('supplies.points.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Filters>
        <SearchBox label={t('common.search')} onSearch={onSearch} />
        <Select
          label={t('supplies.points.kind')}
          placeholder={t('common.all')}
          clearable
          data={STOCK_POINT_KINDS.map((k) => ({ value: k, label: t(`supplies.pointKinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          w={220}
          data-testid="filter-kind"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="stock-points-total" />
      <ListTable
        testId="stock-points-table"
        label={t('supplies.points.title')}
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
            {th('name', t('supplies.points.name'))}
            {th('kind', t('supplies.points.kind'))}
            {th('centre', t('supplies.points.centre'))}
            <Table.Th>{t('supplies.items.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((p) => (
          <Table.Tr key={p.id} data-testid="stock-point-row">
            <Table.Td>
              <AnchorLink to="/stock-points/$id" params={{ id: p.id }} underline="hover">
                <bdi>{pointLabel(p)}</bdi>
              </AnchorLink>
            </Table.Td>
            <Table.Td>{t(`supplies.pointKinds.${p.kind}`)}</Table.Td>
            <Table.Td>
              <bdi>{p.centreName ?? '—'}</bdi>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={p.active} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
