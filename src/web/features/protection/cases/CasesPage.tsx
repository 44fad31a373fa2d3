import { Input, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../../domain/protection/records.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters, ListTable } from '../../../components/list/ListParts.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import type { ProtectionCase } from '../api.ts';
import { StatusBadge } from '../Badges.tsx';
import { CaseActions } from './CaseActions.tsx';

type Whose = 'me' | 'all';

/** Protection cases: the user's own, or all they may see; assign, hand over, hold, close, reopen. */
export function CasesPage() {
  const { t } = useTranslation();
  const [whose, setWhose] = useState<Whose>('me');
  const [status, setStatus] = useState<string | null>('open');
  const filters = {
    assignedTo: whose === 'me' ? 'me' : undefined,
    status: status ?? undefined,
  };
  const list = useCursorList<ProtectionCase>('cases', filters);
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
      <ListTable
        testId="cases-table"
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
            <Table.Th>{t('case.person')}</Table.Th>
            <Table.Th>{t('case.status')}</Table.Th>
            <Table.Th>{t('case.assignee')}</Table.Th>
            <Table.Th>{t('case.organisation')}</Table.Th>
            <Table.Th>{t('case.openedOn')}</Table.Th>
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
