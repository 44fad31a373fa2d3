import { Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../domain/common/countries.ts';
import type { Locale } from '../../../../domain/common/schemas.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { useEmbassyRequests } from './api.ts';
import { StatusBadge } from './parts.tsx';

/** Requests to embassies to verify nationality: latest first, with their status and dates. */
export function EmbassyRequestsPage() {
  const { t, i18n } = useTranslation();
  const has = useCapabilities();
  const list = useEmbassyRequests();
  const items = list.data?.items ?? [];
  return (
    <RequireCapability capability="embassy_requests:read">
      <PageHeader
        title={t('embassy.title')}
        subtitle={t('embassy.subtitle')}
        actions={
          has('embassy_requests:create') ? (
            <ButtonLink
              to="/embassy-requests/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-request"
            >
              {t('embassy.new')}
            </ButtonLink>
          ) : null
        }
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="no-requests">
          {t('embassy.none')}
        </Text>
      ) : (
        <ScrollTable label={t('embassy.title')} minWidth={720}>
          <Table striped data-testid="requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('embassy.reference')}</Table.Th>
                <Table.Th>{t('embassy.embassy')}</Table.Th>
                <Table.Th>{t('embassy.nationality')}</Table.Th>
                <Table.Th>{t('embassy.status')}</Table.Th>
                <Table.Th>{t('embassy.people')}</Table.Th>
                <Table.Th>{t('embassy.sentOn')}</Table.Th>
                <Table.Th>{t('embassy.answeredOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="request-row">
                  <Table.Td className="sanad-nowrap">
                    <AnchorLink to="/embassy-requests/$id" params={{ id: r.id }} data-testid="request-link">
                      <bdi>{r.reference}</bdi>
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{r.embassy.name}</bdi>
                  </Table.Td>
                  <Table.Td>{countryName(r.nationality, i18n.language as Locale)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.people}</Table.Td>
                  <Table.Td>{r.sentOn ? formatDate(r.sentOn) : '—'}</Table.Td>
                  <Table.Td>{r.answeredOn ? formatDate(r.answeredOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </RequireCapability>
  );
}
