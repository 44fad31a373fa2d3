import { Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_STATES, type ReturnState } from '../../../domain/returns/states.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { Filters, ListTable, SearchBox } from '../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../components/list/ListTotal.tsx';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { formatDate } from '../../i18n/format.ts';
import { countryName, nationalityOptions } from '../registry/codes.ts';
import { RESOURCE } from './api.ts';
import { listFilters, type ReturnsSearch } from './logic.ts';
import { DaysInState, placeName, StateBadge, useCentreOptions, useProjectOptions } from './parts.tsx';
import type { ReturnCaseSummary } from './types.ts';

/** Every return case the user may see, counted, with the filters in the address. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/returns' });
  const search = useSearch({ from: '/app/returns' });
  const has = useCapabilities();
  const centres = useCentreOptions();
  const projects = useProjectOptions();
  const list = useCursorList<ReturnCaseSummary>(RESOURCE, listFilters(search));
  const update = useCallback(
    (patch: Partial<ReturnsSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true }),
    [navigate],
  );
  const onSearch = useCallback((q: string | undefined) => update({ q }), [update]);

  return (
    <RequireCapability capability="returns:read">
      <PageHeader
        title={t('returns.title')}
        subtitle={t('returns.subtitle')}
        actions={
          has('return_cases:create') ? (
            <ButtonLink
              to="/returns/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-return"
            >
              {t('returns.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Filters>
        <SearchBox
          label={t('returns.search')}
          placeholder={t('returns.searchPlaceholder')}
          onSearch={onSearch}
          initial={search.q}
        />
        <Select
          label={t('returns.fields.state')}
          placeholder={t('common.all')}
          clearable
          data={RETURN_STATES.map((s) => ({ value: s, label: t(`returns.states.${s}`) }))}
          value={search.state ?? null}
          onChange={(v) => update({ state: (v ?? undefined) as ReturnState | undefined })}
          w={220}
          data-testid="filter-state"
        />
        <Select
          label={t('returns.fields.nationality')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={nationalityOptions()}
          value={search.nationality ?? null}
          onChange={(v) => update({ nationality: v ?? undefined })}
          w={220}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-nationality"
        />
        {centres ? (
          <Select
            label={t('returns.fields.centre')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={centres}
            value={search.centre ?? null}
            onChange={(v) => update({ centre: v ?? undefined })}
            w={220}
            nothingFoundMessage={t('common.noResults')}
            data-testid="filter-centre"
          />
        ) : null}
        {projects ? (
          <Select
            label={t('returns.fields.project')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={projects}
            value={search.project ?? null}
            onChange={(v) => update({ project: v ?? undefined })}
            w={220}
            nothingFoundMessage={t('common.noResults')}
            data-testid="filter-project"
          />
        ) : null}
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="returns-total" />
      <ListTable
        testId="returns-table"
        label={t('returns.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={760}
        head={
          <Table.Tr>
            <Table.Th>{t('returns.fields.reference')}</Table.Th>
            <Table.Th>{t('returns.fields.person')}</Table.Th>
            <Table.Th>{t('returns.fields.state')}</Table.Th>
            <Table.Th>{t('returns.fields.destination')}</Table.Th>
            <Table.Th>{t('returns.fields.centre')}</Table.Th>
            <Table.Th>{t('returns.fields.requestedOn')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((c) => (
          <Table.Tr key={c.id} data-testid="return-row">
            <Table.Td className="sanad-nowrap">
              <AnchorLink to="/returns/$id" params={{ id: c.id }} data-testid="return-link">
                <span className="sanad-ltr">{c.reference}</span>
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t(`returns.programmes.${c.programme}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <AnchorLink to="/persons/$id" params={{ id: c.personId }} size="sm">
                <bdi>{c.personName}</bdi>
              </AnchorLink>
              {c.nationality ? (
                <Text size="xs" c="dimmed">
                  {countryName(c.nationality)}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <StateBadge state={c.state} />
              <div>
                <DaysInState days={c.daysInState} />
              </div>
            </Table.Td>
            <Table.Td>{countryName(c.destinationCountry)}</Table.Td>
            <Table.Td>
              <bdi>{placeName(c.centreName, c.centreNameAr) ?? '—'}</bdi>
            </Table.Td>
            <Table.Td className="sanad-nowrap">{formatDate(c.requestedOn)}</Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
