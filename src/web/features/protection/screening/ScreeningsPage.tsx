import { Select, Table, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../../domain/directory/schemas.ts';
import { FLAGS, RISK_LEVELS } from '../../../../domain/protection/flags.ts';
import type { ScreeningSort } from '../../../../domain/protection/records.ts';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { HeaderCell, type SortState } from '../../../components/list/SortHeader.tsx';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import type { ScreeningListed } from '../api.ts';
import { FlagBadges, RiskBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';

/**
 * Every screening the user may see (GET /screenings without a person), newest first or by a
 * column, filtered by flag, risk level, centre (held there now) and date range, with its total and
 * the list's export. Answers open one screening at a time (an audited read).
 */
export function ScreeningsPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const has = useCapabilities();
  const [flag, setFlag] = useState<string | null>(null);
  const [riskLevel, setRiskLevel] = useState<string | null>(null);
  const [centreId, setCentreId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<SortState<ScreeningSort> | undefined>(undefined);
  const centres = useAllOf<Centre>('centres', {}, has('centres:read'));
  const filters = {
    flag: flag ?? undefined,
    riskLevel: riskLevel ?? undefined,
    centreId: centreId ?? undefined,
    from: from || undefined,
    to: to || undefined,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<ScreeningListed>('screenings', filters);
  const sorting = { state: sort, onSort: setSort };
  const th = (column: ScreeningSort, label: string) => (
    <HeaderCell column={column} label={label} sorting={sorting} />
  );

  return (
    <RequireCapability capability="screenings:read">
      <PageHeader
        title={t('screening.listTitle')}
        subtitle={t('screening.listSubtitle')}
        actions={<ExportMenu resource="screenings" filters={filters} />}
      />
      <Filters>
        <Select
          label={t('screening.flag')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={FLAGS.map((f) => ({ value: f, label: l.flag(f) }))}
          value={flag}
          onChange={setFlag}
          w={240}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-flag"
        />
        <Select
          label={t('screening.risk')}
          placeholder={t('common.all')}
          clearable
          data={RISK_LEVELS.map((r) => ({ value: r, label: l.risk(r) }))}
          value={riskLevel}
          onChange={setRiskLevel}
          w={170}
          data-testid="filter-risk"
        />
        {has('centres:read') ? (
          <Select
            label={t('person.centre')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={centreId}
            onChange={setCentreId}
            w={220}
            nothingFoundMessage={t('common.noResults')}
            data-testid="filter-centre"
          />
        ) : null}
        <TextInput
          type="date"
          label={t('screening.from')}
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          label={t('screening.to')}
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
          data-testid="filter-to"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="screenings-total" />
      <ListTable
        testId="screenings-list"
        label={t('screening.listTitle')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={860}
        head={
          <Table.Tr>
            {th('screenedOn', t('screening.screenedOn'))}
            {th('person', t('screening.person'))}
            {th('riskLevel', t('screening.risk'))}
            <Table.Th>{t('screening.flags')}</Table.Th>
            <Table.Th>{t('screening.screenedBy')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((s) => (
          <Table.Tr key={s.id} data-testid="screening-row">
            <Table.Td className="sanad-nowrap">{formatDate(s.screenedOn)}</Table.Td>
            <Table.Td>
              <AnchorLink
                to="/persons/$id"
                params={{ id: s.personId }}
                search={{ tab: 'protection' }}
                size="sm"
              >
                <bdi>{s.personName}</bdi>
              </AnchorLink>
              <div className="sanad-nowrap">
                <RegistrationNumber value={s.registrationNumber} />
              </div>
            </Table.Td>
            <Table.Td>
              <RiskBadge level={s.riskLevel} size="sm" />
            </Table.Td>
            <Table.Td>
              <FlagBadges flags={s.flags} empty="—" />
            </Table.Td>
            <Table.Td>
              <span className="sanad-ltr">{s.screenedBy ?? '—'}</span>
            </Table.Td>
            <Table.Td>
              <ButtonLink
                to="/screenings/$id"
                params={{ id: s.id }}
                size="compact-sm"
                variant="subtle"
                leftSection={<IconEye size={14} aria-hidden />}
                aria-label={`${t('screening.open')}: ${s.personName}`}
                data-testid="open-screening"
              >
                {t('screening.open')}
              </ButtonLink>
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
