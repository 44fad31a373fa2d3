import { Badge, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ListTable } from '../../../components/list/ListParts.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { MOVEMENTS, type MovementSummary } from './api.ts';

export const STATUS_COLOURS = { planned: 'blue', departed: 'green', cancelled: 'gray' } as const;

/** The movements, the latest departure first, with the seats taken. */
export function MovementsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const list = useCursorList<MovementSummary>(MOVEMENTS, {});
  return (
    <RequireCapability capability="movements:read">
      <PageHeader
        title={t('movements.title')}
        subtitle={t('movements.subtitle')}
        actions={
          has('movements:create') ? (
            <ButtonLink
              to="/movements/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-movement"
            >
              {t('movements.new')}
            </ButtonLink>
          ) : null
        }
      />
      <ListTable
        testId="movements-table"
        label={t('movements.title')}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={640}
        head={
          <Table.Tr>
            <Table.Th>{t('movements.fields.departsOn')}</Table.Th>
            <Table.Th>{t('movements.fields.route')}</Table.Th>
            <Table.Th>{t('movements.fields.carrier')}</Table.Th>
            <Table.Th>{t('movements.fields.seats')}</Table.Th>
            <Table.Th>{t('movements.fields.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((m) => (
          <Table.Tr key={m.id} data-testid="movement-row">
            <Table.Td className="sanad-nowrap">
              <AnchorLink to="/movements/$id" params={{ id: m.id }} data-testid="movement-link">
                {formatDate(m.departsOn)}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {m.reference}
              </Text>
            </Table.Td>
            <Table.Td>
              <bdi>{m.route}</bdi>
              <Text size="xs" c="dimmed">
                {t(`movements.kinds.${m.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <bdi>{m.carrier}</bdi> {m.flightNumber ? <bdi>{m.flightNumber}</bdi> : null}
            </Table.Td>
            <Table.Td>{t('movements.taken', { taken: m.taken, seats: m.seats })}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOURS[m.status]} variant="light">
                {t(`movements.statuses.${m.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
