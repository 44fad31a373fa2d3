import { Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Person } from '../../registry/api.ts';
import { usePersonCounselling } from './api.ts';
import { BandBadge } from './SessionParts.tsx';

/**
 * The person's counselling, as the server answers for this reader: counsellors get the sessions
 * (band, link); others only that a session took place, and when.
 */
export function PersonCounsellingTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const query = usePersonCounselling(person.id);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { sessions, stubs } = query.data;
  if (sessions.length === 0 && stubs.length === 0)
    return (
      <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
        {t('counselling.person.none')}
      </Text>
    );
  return (
    <Paper withBorder data-testid="counselling-tab">
      {sessions.length > 0 ? (
        <ScrollTable minWidth={560} label={t('counselling.person.title')}>
          <Table striped verticalSpacing="xs" data-testid="counselling-sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counselling.fields.heldOn')}</Table.Th>
                <Table.Th>{t('counselling.fields.kind')}</Table.Th>
                <Table.Th>{t('counselling.fields.centre')}</Table.Th>
                <Table.Th>{t('counselling.fields.band')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr key={s.id} data-testid="counselling-row">
                  <Table.Td className="sanad-nowrap">
                    <AnchorLink to="/counselling/$id" params={{ id: s.id }} size="sm">
                      {formatDate(s.heldOn)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`counselling.kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>
                    <bdi>{s.centreName}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <BandBadge score={s.score} band={s.band} urgent={s.urgent} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {stubs.length > 0 ? (
        <Table verticalSpacing="xs" data-testid="counselling-stubs">
          <Table.Tbody>
            {stubs.map((s) => (
              <Table.Tr key={s.id} data-testid="counselling-stub">
                <Table.Td>{t('counselling.person.stub', { date: formatDate(s.heldOn) })}</Table.Td>
                <Table.Td>
                  <bdi>{s.counsellor.name}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}
