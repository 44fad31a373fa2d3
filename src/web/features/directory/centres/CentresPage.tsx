import { Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CENTRE_TYPES,
  type Centre,
  type CentreSort,
  type Organisation,
} from '../../../../domain/directory/schemas.ts';
import { BilingualName } from '../../../components/BilingualName.tsx';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { ActiveBadge, Filters, ListTable, SearchBox } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import type { ListColumns } from '../contributions.ts';
import { ActiveFilter, type ActiveValue } from '../shared/ActiveFilter.tsx';

/** `columns`: what later modules add (the registry's people now), from the composition root. */
const NO_COLUMNS: ListColumns = { useColumns: () => [] };

export function CentresPage({ columns = NO_COLUMNS }: { columns?: ListColumns }) {
  const { t } = useTranslation();
  const extra = columns.useColumns();
  const has = useCapabilities();
  const [q, setQ] = useState<string | undefined>();
  const [type, setType] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveValue>('true');
  const [sort, setSort] = useState<SortState<CentreSort>>({ sort: 'name', order: 'asc' });
  const filters = {
    q,
    type: type ?? undefined,
    active: active === 'all' ? undefined : active,
    ...sort,
  };
  const list = useCursorList<Centre>('centres', filters);
  const showAuthority = has('organisations:read');
  const orgs = useAllOf<Organisation>('organisations', { kind: 'authority' }, showAuthority);
  const orgName = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  // the people-now column (a later module's) is not sortable: it is not a column of the centres
  const th = (column: CentreSort, label: string, ta?: 'end') => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} ta={ta} />
  );

  return (
    <RequireCapability capability="centres:read">
      <PageHeader
        title={t('centre.title')}
        subtitle={has('centres:create') ? t('centre.subtitleAdmin') : t('centre.subtitleScoped')}
        actions={
          <>
            <ExportMenu resource="centres" filters={filters} />
            {has('centres:create') ? (
              <ButtonLink
                to="/centres/new"
                leftSection={<IconPlus size={16} aria-hidden />}
                data-testid="new"
              >
                {t('centre.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <SearchBox label={t('common.search')} onSearch={onSearch} />
        <Select
          label={t('centre.type')}
          placeholder={t('common.all')}
          clearable
          data={CENTRE_TYPES.map((k) => ({ value: k, label: t(`centre.types.${k}`) }))}
          value={type}
          onChange={setType}
          w={180}
          data-testid="filter-type"
        />
        <ActiveFilter value={active} onChange={setActive} />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="centres-total" />
      <ListTable
        testId="centres-table"
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        head={
          <Table.Tr>
            {th('name', t('centre.name'))}
            {th('type', t('centre.type'))}
            {th('location', t('centre.location'))}
            {th('capacity', t('centre.capacity'), 'end')}
            {extra.map((x) => (
              <Table.Th key={x.key}>{x.header}</Table.Th>
            ))}
            {showAuthority ? <Table.Th>{t('centre.authority')}</Table.Th> : null}
            <Table.Th>{t('directory.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((c) => {
          const authority = c.authorityOrganisationId ? orgName.get(c.authorityOrganisationId) : undefined;
          return (
            <Table.Tr key={c.id} data-testid="centre-row">
              <Table.Td>
                <AnchorLink to="/centres/$id" params={{ id: c.id }} underline="hover">
                  <BilingualName name={c.name} nameAr={c.nameAr} nameFr={c.nameFr} strong />
                </AnchorLink>
              </Table.Td>
              <Table.Td>{t(`centre.types.${c.type}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi>{c.location ?? '—'}</bdi>
                </Text>
              </Table.Td>
              <Table.Td ta="end">{formatNumber(c.capacity)}</Table.Td>
              {extra.map((x) => (
                <Table.Td key={x.key}>{x.cell(c.id)}</Table.Td>
              ))}
              {showAuthority ? (
                <Table.Td>
                  {authority ? (
                    <BilingualName
                      name={authority.acronym ?? authority.name}
                      nameAr={authority.nameAr}
                      nameFr={authority.nameFr}
                    />
                  ) : (
                    '—'
                  )}
                </Table.Td>
              ) : null}
              <Table.Td>
                <ActiveBadge active={c.active} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      />
    </RequireCapability>
  );
}
