import { Badge, Select, Table, Text, TextInput } from '@mantine/core';
import { IconChartBar, IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { DISTRIBUTION_KINDS } from '../../../domain/supplies/distributions.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { Filters, ListTable } from '../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../components/list/ListTotal.tsx';
import { HeaderCell, type SortState } from '../../components/list/SortHeader.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { type DistributionListed, RESOURCE } from './api.ts';
import { useAssistanceLabels } from './labels.ts';

type Sort = 'occurredOn' | 'centre' | 'reference';

/** Distribution events, newest first: counted, sortable, filtered by centre, kind and dates. */
export function DistributionsPage() {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const has = useCapabilities();
  const centres = useAllOf<Centre>('centres', {});
  const [centreId, setCentreId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<SortState<Sort> | undefined>(undefined);
  const filters = {
    centreId: centreId ?? undefined,
    kind: kind ?? undefined,
    from: from || undefined,
    to: to || undefined,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<DistributionListed>(RESOURCE, filters);
  const sorting = { state: sort, onSort: setSort };
  const th = (column: Sort, label: string) => <HeaderCell column={column} label={label} sorting={sorting} />;

  return (
    <RequireCapability capability="distributions:read">
      <PageHeader
        title={t('assistance.list.title')}
        subtitle={t('assistance.list.subtitle')}
        actions={
          <>
            {has('catalogue:read') ? (
              <ButtonLink
                to="/supplies/settings"
                variant="subtle"
                leftSection={<IconSettings size={16} aria-hidden />}
              >
                {t('assistance.settings.title')}
              </ButtonLink>
            ) : null}
            <ButtonLink
              to="/distributions/report"
              variant="default"
              leftSection={<IconChartBar size={16} aria-hidden />}
            >
              {t('assistance.report.title')}
            </ButtonLink>
            {has('distributions:create') ? (
              <ButtonLink
                to="/distributions/new"
                leftSection={<IconPlus size={16} aria-hidden />}
                data-testid="new-distribution"
              >
                {t('assistance.list.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <Select
          label={t('assistance.fields.centre')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={centreId}
          onChange={setCentreId}
          nothingFoundMessage={t('common.noResults')}
          w={240}
          data-testid="filter-centre"
        />
        <Select
          label={t('assistance.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={DISTRIBUTION_KINDS.map((k) => ({ value: k, label: l.kind(k) }))}
          value={kind}
          onChange={setKind}
          w={200}
          data-testid="filter-kind"
        />
        <TextInput
          type="date"
          label={t('assistance.fields.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          label={t('assistance.fields.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data-testid="filter-to"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="distributions-total" />
      <ListTable
        testId="distributions-table"
        label={t('assistance.list.title')}
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
            {th('reference', t('assistance.fields.reference'))}
            {th('occurredOn', t('assistance.fields.date'))}
            {th('centre', t('assistance.fields.centre'))}
            <Table.Th>{t('assistance.fields.kind')}</Table.Th>
            <Table.Th ta="end">{t('assistance.fields.recipients')}</Table.Th>
            <Table.Th>{t('assistance.fields.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((d) => (
          <Table.Tr key={d.id} data-testid="distribution-row">
            <Table.Td>
              <AnchorLink to="/distributions/$id" params={{ id: d.id }} data-testid="distribution-link">
                <span className="sanad-ltr sanad-nowrap">{d.reference}</span>
              </AnchorLink>
            </Table.Td>
            <Table.Td className="sanad-nowrap">{formatDate(d.occurredOn)}</Table.Td>
            <Table.Td>
              <bdi>{d.centreName}</bdi>
              <Text size="xs" c="dimmed">
                <bdi>{d.stockPointName}</bdi>
              </Text>
            </Table.Td>
            <Table.Td>{l.kind(d.kind)}</Table.Td>
            <Table.Td ta="end">{d.kind === 'individual' ? formatNumber(d.recipients) : '—'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={d.status === 'open' ? 'teal' : 'gray'}>
                {l.status(d.status)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
