import { Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../domain/common/countries.ts';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationSort,
} from '../../../../domain/directory/schemas.ts';
import { BilingualName } from '../../../components/BilingualName.tsx';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { ActiveBadge, Filters, ListTable, SearchBox } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { ActiveFilter, type ActiveValue } from '../shared/ActiveFilter.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveValue>('true');
  const [sort, setSort] = useState<SortState<OrganisationSort>>({ sort: 'name', order: 'asc' });
  const filters = {
    q,
    kind: kind ?? undefined,
    active: active === 'all' ? undefined : active,
    ...sort,
  };
  const list = useCursorList<Organisation>('organisations', filters);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  const th = (column: OrganisationSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );

  return (
    <RequireCapability capability="organisations:read">
      <PageHeader
        title={t('organisation.title')}
        subtitle={t('organisation.subtitle')}
        actions={
          <>
            <ExportMenu resource="organisations" filters={filters} />
            {has('organisations:create') ? (
              <ButtonLink
                to="/organisations/new"
                leftSection={<IconPlus size={16} aria-hidden />}
                data-testid="new"
              >
                {t('organisation.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <SearchBox label={t('common.search')} onSearch={onSearch} />
        <Select
          label={t('organisation.kind')}
          placeholder={t('common.all')}
          clearable
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisation.kinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          w={200}
          data-testid="filter-kind"
        />
        <ActiveFilter value={active} onChange={setActive} />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="organisations-total" />
      <ListTable
        testId="organisations-table"
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        head={
          <Table.Tr>
            {th('name', t('organisation.name'))}
            {th('acronym', t('organisation.acronym'))}
            {th('kind', t('organisation.kind'))}
            <Table.Th>{t('organisation.country')}</Table.Th>
            <Table.Th>{t('directory.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((o) => (
          <Table.Tr key={o.id} data-testid="organisation-row">
            <Table.Td>
              <AnchorLink to="/organisations/$id" params={{ id: o.id }} underline="hover">
                <BilingualName name={o.name} nameAr={o.nameAr} nameFr={o.nameFr} strong />
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <bdi>{o.acronym ?? '—'}</bdi>
              </Text>
            </Table.Td>
            <Table.Td>{t(`organisation.kinds.${o.kind}`)}</Table.Td>
            <Table.Td>
              {o.countryCode ? <bdi>{countryName(o.countryCode, currentLocale())}</bdi> : '—'}
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={o.active} />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
