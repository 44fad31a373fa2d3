import { Input, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseSort } from '../../../../domain/protection/records.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { HeaderCell, type SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import type { ProtectionCase } from '../api.ts';
import { RiskBadge, StatusBadge } from '../Badges.tsx';
import { CaseActions } from './CaseActions.tsx';

type Whose = 'me' | 'all';

/** Protection cases: the user's own, or all they may see; assign, hand over, hold, close, reopen. */
export function CasesPage() {
  const { t } = useTranslation();
  const [whose, setWhose] = useState<Whose>('me');
  const [status, setStatus] = useState<string | null>('open');
  const [sort, setSort] = useState<SortState<CaseSort> | undefined>(undefined);
  const filters = {
    assignedTo: whose === 'me' ? 'me' : undefined,
    status: status ?? undefined,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<ProtectionCase>('cases', filters);
  const sorting = { state: sort, onSort: setSort };
  const th = (column: CaseSort, label: string) => (
    <HeaderCell column={column} label={label} sorting={sorting} />
  );
  return (
    <RequireCapability capability="protection:read">
      <PageHeader
        title={t('case.listTitle')}
        subtitle={t('case.subtitle')}
        actions={<ExportMenu resource="cases" filters={filters} />}
      />
      <Filters>
        <Input.Wrapper label={t('case.whose')}>
          <SegmentedControl
            display="flex"
            aria-label={t('case.whose')}
            value={whose}
            onChange={(v) => setWhose(v as Whose)}
            data={[
              { value: 'me', label: t('case.mine') },
              { value: 'all', label: t('case.all') },
            ]}
            data-testid="case-whose"
          />
        </Input.Wrapper>
        <Select
          label={t('case.status')}
          placeholder={t('common.all')}
          clearable
          data={CASE_STATUSES.map((s) => ({ value: s, label: t(`protection.caseStatuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          w={180}
          data-testid="case-status-filter"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="cases-total" />
      <ListTable
        testId="cases-table"
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
            {th('person', t('case.person'))}
            {th('status', t('case.status'))}
            {th('risk', t('case.risk'))}
            {th('assignee', t('case.assignee'))}
            {th('organisation', t('case.organisation'))}
            {th('openedOn', t('case.openedOn'))}
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((c) => (
          <Table.Tr key={c.id} data-testid="case-row">
            <Table.Td>
              <AnchorLink
                to="/persons/$id"
                params={{ id: c.personId }}
                search={{ tab: 'protection' }}
                size="sm"
              >
                <bdi>{c.personName}</bdi>
              </AnchorLink>
              <div className="sanad-nowrap">
                <RegistrationNumber value={c.registrationNumber} />
              </div>
            </Table.Td>
            <Table.Td>
              <StatusBadge kind="case" status={c.status} />
              {c.closeReason ? (
                <Text size="xs" c="dimmed">
                  <bdi>{c.closeReason}</bdi>
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{c.riskLevel ? <RiskBadge level={c.riskLevel} size="sm" /> : '—'}</Table.Td>
            <Table.Td>{c.assignedName ? <bdi>{c.assignedName}</bdi> : '—'}</Table.Td>
            <Table.Td>
              <bdi>{c.organisationName}</bdi>
            </Table.Td>
            <Table.Td>{formatDate(c.openedOn)}</Table.Td>
            <Table.Td>
              <CaseActions record={c} size="compact-sm" menu />
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
