import { NumberInput, Select } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_CATEGORIES } from '../../../../domain/supplies/catalogue.ts';
import { ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters } from '../../../components/list/ListParts.tsx';
import type { SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import type { StockLine } from '../api.ts';
import { useItemOptions, usePointOptions } from '../parts.tsx';
import { type StockSort, StockTable } from './StockTable.tsx';

/** Stock on hand, with the filters in the address (the home panel links to "expiring within 60 days"). */
export function StockPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const navigate = useNavigate({ from: '/stock' });
  const search = useSearch({ from: '/app/stock' });
  const points = usePointOptions();
  const items = useItemOptions();
  const [sort, setSort] = useState<SortState<StockSort> | undefined>();
  const filters = {
    stockPointId: search.stockPointId,
    itemId: search.itemId,
    category: search.category,
    expiringWithinDays: search.expiringWithinDays?.toString(),
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<StockLine>('stock', filters);
  const update = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  return (
    <RequireCapability capability="stock:read">
      <PageHeader
        title={t('supplies.stock.title')}
        subtitle={t('supplies.stock.subtitle')}
        actions={
          <>
            <ExportMenu resource="stock" filters={filters} />
            {has('stock:issue') ? (
              <ButtonLink to="/stock/issue" search={{}} variant="default" data-testid="go-issue">
                {t('supplies.issue.title')}
              </ButtonLink>
            ) : null}
            {has('stock:receive') ? (
              <ButtonLink to="/stock/receive" search={{}} data-testid="go-receive">
                {t('supplies.receive.title')}
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
          value={search.stockPointId ?? null}
          onChange={(v) => update({ stockPointId: v ?? undefined })}
          w={240}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-point"
        />
        <Select
          label={t('supplies.stock.item')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={items.options}
          value={search.itemId ?? null}
          onChange={(v) => update({ itemId: v ?? undefined })}
          w={260}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-item"
        />
        <Select
          label={t('supplies.items.category')}
          placeholder={t('common.all')}
          clearable
          data={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`supplies.categories.${c}`) }))}
          value={search.category ?? null}
          onChange={(v) => update({ category: (v ?? undefined) as typeof search.category })}
          w={200}
          data-testid="filter-category"
        />
        <NumberInput
          label={t('supplies.stock.expiringWithin')}
          description={t('supplies.stock.expiringWithinHelp')}
          min={0}
          max={3650}
          allowDecimal={false}
          value={search.expiringWithinDays ?? ''}
          onChange={(v) => update({ expiringWithinDays: typeof v === 'number' ? v : undefined })}
          w={200}
          data-testid="filter-expiring"
        />
      </Filters>
      <StockTable list={list} withPoint={!search.stockPointId} sorting={{ state: sort, onSort: setSort }} />
    </RequireCapability>
  );
}
