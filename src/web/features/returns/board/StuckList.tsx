import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/links.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import type { Board } from './api.ts';

/** The open cases longest in their state, each linking to its case page. */
export function StuckList({ stuck }: { stuck: Board['stuck'] }) {
  const { t } = useTranslation();
  if (!stuck.length)
    return (
      <Text c="dimmed" size="sm" data-testid="stuck-empty">
        {t('returnsBoard.stuck.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="stuck-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('returnsBoard.stuck.reference')}</Table.Th>
            <Table.Th>{t('returnsBoard.stuck.person')}</Table.Th>
            <Table.Th>{t('returnsBoard.stuck.state')}</Table.Th>
            <Table.Th ta="end">{t('returnsBoard.stuck.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stuck.map((c) => (
            <Table.Tr key={c.id} data-testid="stuck-row">
              <Table.Td>
                {/* the case page belongs to the returns cases feature (its route joins this tree) */}
                <AnchorLink to="/returns/$id" params={{ id: c.id }} dir="ltr">
                  {c.reference}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{c.personName}</Table.Td>
              <Table.Td>{t(`returnsBoard.states.${c.state}`)}</Table.Td>
              <Table.Td ta="end">{formatNumber(c.daysInState)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
