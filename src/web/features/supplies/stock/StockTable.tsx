import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localName } from '../../../components/BilingualName.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { HeaderCell, type Sorting } from '../../../components/list/SortHeader.tsx';
import type { useCursorList } from '../../../components/list/useCursorList.ts';
import type { StockLine } from '../api.ts';
import { Expiry, pointLabel, Quantity, useItemOptions, usePointOptions } from '../parts.tsx';

export type StockSort = 'item' | 'expiry' | 'quantity' | 'point';

/** On hand per point, item and lot; each line opens the item's stock card at its point. */
export function StockTable({
  list,
  withPoint,
  sorting,
  testId = 'stock-table',
}: {
  list: ReturnType<typeof useCursorList<StockLine>>;
  withPoint: boolean;
  sorting?: Sorting<StockSort>;
  testId?: string;
}) {
  const { t } = useTranslation();
  // the lines carry the English names: the reader's language comes from the (cached) catalogue
  const items = useItemOptions();
  const points = usePointOptions();
  const itemName = (s: StockLine) => {
    const item = items.byId.get(s.itemId);
    return item ? localName(item) : s.itemName;
  };
  const pointName = (s: StockLine) => {
    const point = points.byId.get(s.stockPointId);
    return point ? pointLabel(point) : s.stockPointName;
  };
  const th = (column: StockSort, label: string) => (
    <HeaderCell column={column} label={label} sorting={sorting} />
  );
  return (
    <>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId={`${testId}-total`} />
      <ListTable
        testId={testId}
        label={t('supplies.stock.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={withPoint ? 900 : 720}
        head={
          <Table.Tr>
            {withPoint ? th('point', t('supplies.stock.point')) : null}
            {th('item', t('supplies.stock.item'))}
            <Table.Th>{t('supplies.stock.lot')}</Table.Th>
            {th('expiry', t('supplies.stock.expiry'))}
            <Table.Th>{t('supplies.stock.project')}</Table.Th>
            {th('quantity', t('supplies.stock.onHand'))}
          </Table.Tr>
        }
        rows={list.items.map((s) => (
          <Table.Tr key={`${s.stockPointId}:${s.lotId}`} data-testid="stock-row" data-item={s.itemCode}>
            {withPoint ? (
              <Table.Td>
                <bdi>{pointName(s)}</bdi>
              </Table.Td>
            ) : null}
            <Table.Td>
              <AnchorLink
                to="/stock/card"
                search={{ stockPointId: s.stockPointId, itemId: s.itemId }}
                underline="hover"
                data-testid="stock-card-link"
              >
                <span className="sanad-ltr">{s.itemCode}</span>
              </AnchorLink>
              <Text size="xs" c="dimmed">
                <bdi>{itemName(s)}</bdi>
              </Text>
            </Table.Td>
            <Table.Td>
              <span className="sanad-ltr sanad-nowrap">{s.lotNumber}</span>
            </Table.Td>
            <Table.Td>
              <Expiry on={s.expiryOn} expired={s.expired} blocked={s.blocked} />
            </Table.Td>
            <Table.Td>
              <span className="sanad-ltr">{s.projectCode ?? '—'}</span>
            </Table.Td>
            <Table.Td>
              <Quantity value={s.onHand} item={s} testId="on-hand" />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </>
  );
}
