import { Alert, Loader, Paper, Table, Text } from '@mantine/core';
import { IconPlaneDeparture } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Person } from '../registry/api.ts';
import { countryName } from '../registry/codes.ts';
import { usePersonReturns } from './api.ts';
import { personReturnsView } from './logic.ts';
import { DaysInState, StateBadge } from './parts.tsx';

/**
 * The person's returns as the server answers this reader: returns readers get the cases (state,
 * days in it, link); doctors and nurses only whether a return is in progress (they certify fitness).
 */
export function PersonReturnsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const query = usePersonReturns(person.id);
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const view = personReturnsView(query.data);
  if (view?.kind === 'flag')
    return (
      <Alert
        variant="light"
        color={view.inProgress ? 'blue' : 'gray'}
        icon={<IconPlaneDeparture aria-hidden />}
        title={t('returns.person.flagTitle')}
        data-testid="return-flag"
        data-in-progress={view.inProgress}
      >
        {view.inProgress && view.state
          ? t('returns.person.inProgress', { state: t(`returns.states.${view.state}`) })
          : t('returns.person.noneInProgress')}
      </Alert>
    );
  const items = view?.items ?? [];
  if (items.length === 0)
    return (
      <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
        {t('returns.person.none')}
      </Text>
    );
  return (
    <Paper withBorder data-testid="returns-tab">
      <ScrollTable minWidth={560} label={t('returns.person.title')}>
        <Table striped verticalSpacing="xs" data-testid="person-returns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.fields.reference')}</Table.Th>
              <Table.Th>{t('returns.fields.state')}</Table.Th>
              <Table.Th>{t('returns.fields.destination')}</Table.Th>
              <Table.Th>{t('returns.fields.requestedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} data-testid="person-return">
                <Table.Td className="sanad-nowrap">
                  <AnchorLink to="/returns/$id" params={{ id: c.id }} size="sm">
                    <span className="sanad-ltr">{c.reference}</span>
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={c.state} /> <DaysInState days={c.daysInState} />
                </Table.Td>
                <Table.Td>{countryName(c.destinationCountry)}</Table.Td>
                <Table.Td className="sanad-nowrap">{formatDate(c.requestedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
