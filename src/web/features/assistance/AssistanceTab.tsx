import { Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Person } from '../registry/api.ts';
import { usePersonAssistance } from './api.ts';
import { useAssistanceLabels } from './labels.ts';
import { receivedRows } from './logic.ts';

/** What the person received, newest first: when, where, what and how much. */
export function AssistanceTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const query = usePersonAssistance(person.id);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = receivedRows(query.data.items);
  return (
    <Paper withBorder data-testid="assistance-tab">
      <ScrollTable minWidth={640} label={t('assistance.person.title')}>
        <Table striped verticalSpacing="xs" data-testid="assistance-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistance.fields.date')}</Table.Th>
              <Table.Th>{t('assistance.fields.reference')}</Table.Th>
              <Table.Th>{t('assistance.fields.centre')}</Table.Th>
              <Table.Th>{t('assistance.lines.item')}</Table.Th>
              <Table.Th ta="end">{t('assistance.lines.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={x.key} data-testid="assistance-row">
                <Table.Td className="sanad-nowrap">{formatDate(x.occurredOn)}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/distributions/$id" params={{ id: x.distributionId }} size="sm">
                    <span className="sanad-ltr">{x.reference}</span>
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <bdi>{x.centreName}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{x.itemName}</bdi>
                  <Text size="xs" c="dimmed">
                    {l.category(x.category)}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">{l.quantity(x.quantity, x)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
          {t('assistance.person.none')}
        </Text>
      ) : null}
    </Paper>
  );
}
