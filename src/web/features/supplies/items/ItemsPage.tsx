import { Select, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_CATEGORIES, type ItemSort } from '../../../../domain/supplies/catalogue.ts';
import { localName } from '../../../components/BilingualName.tsx';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { ActiveBadge, Filters, ListTable, SearchBox } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import type { Item } from '../api.ts';

/** The catalogue: every item, searchable by code or name, filtered by category and status. */
export function ItemsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>('true');
  const [sort, setSort] = useState<SortState<ItemSort> | undefined>();
  const filters = {
    q,
    category: category ?? undefined,
    active: active ?? undefined,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<Item>('items', filters);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  const th = (column: ItemSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );
  return (
    <RequireCapability capability="catalogue:read">
      <PageHeader
        title={t('supplies.items.title')}
        subtitle={t('supplies.items.subtitle')}
        actions={
          <>
            <ExportMenu resource="items" filters={filters} capability="catalogue:read" />
            {has('catalogue:create') ? (
              <ButtonLink to="/items/new" data-testid="new-item">
                {t('supplies.items.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <SearchBox
          label={t('common.search')}
          placeholder={t('supplies.items.searchHint')}
          onSearch={onSearch}
        />
        <Select
          label={t('supplies.items.category')}
          placeholder={t('common.all')}
          clearable
          data={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`supplies.categories.${c}`) }))}
          value={category}
          onChange={setCategory}
          w={220}
          data-testid="filter-category"
        />
        <Select
          label={t('supplies.items.status')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('directory.active') },
            { value: 'false', label: t('directory.inactive') },
          ]}
          value={active}
          onChange={setActive}
          w={160}
          data-testid="filter-active"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="items-total" />
      <ListTable
        testId="items-table"
        label={t('supplies.items.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        head={
          <Table.Tr>
            {th('code', t('supplies.items.code'))}
            {th('name', t('supplies.items.name'))}
            {th('category', t('supplies.items.category'))}
            <Table.Th>{t('supplies.items.unit')}</Table.Th>
            <Table.Th>{t('supplies.items.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((i) => (
          <Table.Tr key={i.id} data-testid="item-row">
            <Table.Td>
              <AnchorLink to="/items/$id" params={{ id: i.id }} underline="hover" data-testid="item-link">
                <span className="sanad-ltr sanad-nowrap">{i.code}</span>
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <bdi>{localName(i)}</bdi>
              {i.category === 'medicine' && i.strength ? (
                <Text size="xs" c="dimmed">
                  <bdi>
                    {i.activeIngredient} {i.strength}
                  </bdi>
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`supplies.categories.${i.category}`)}</Table.Td>
            <Table.Td>
              {i.packSize > 1
                ? t('supplies.items.packOf', { n: i.packSize, unit: t(`supplies.units.${i.baseUnit}`) })
                : t(`supplies.units.${i.baseUnit}`)}
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={i.active} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
