import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { Population } from './api.ts';

const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));

/** The authority's counts in the period, newest first, as numbers beside the chart. */
export function HeadcountsTable({ headcounts }: { headcounts: Population['headcounts'] }) {
  const { t } = useTranslation();
  if (headcounts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('population.noHeadcounts')}
      </Text>
    );
  const rows = [...headcounts].sort((a, b) => b.countedOn.localeCompare(a.countedOn));
  return (
    <ScrollTable minWidth={520} label={t('population.authority')}>
      <Table verticalSpacing={4} data-testid="headcounts-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          <Text size="sm" fw={600}>
            {t('population.authority')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('population.countedOn')}</Table.Th>
            <Table.Th ta="end">{t('population.total')}</Table.Th>
            <Table.Th ta="end">{t('population.men')}</Table.Th>
            <Table.Th ta="end">{t('population.women')}</Table.Th>
            <Table.Th ta="end">{t('population.children')}</Table.Th>
            <Table.Th>{t('population.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 10).map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{formatDate(h.countedOn)}</Table.Td>
              <Table.Td ta="end">{formatNumber(h.total)}</Table.Td>
              <Table.Td ta="end">{n(h.men)}</Table.Td>
              <Table.Td ta="end">{n(h.women)}</Table.Td>
              <Table.Td ta="end">{n(h.children)}</Table.Td>
              <Table.Td>
                <bdi>{h.note ?? ''}</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
