import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { useBelowMinimum } from '../api.ts';
import { Quantity } from '../parts.tsx';
import { PointFilter, ReportState, XlsxLink } from './ReportParts.tsx';

/** Items under their minimum at a point, and what to order to get back to the maximum. */
export function BelowMinimum() {
  const { t } = useTranslation();
  const [point, setPoint] = useState<string | null>(null);
  const filters = { stockPointId: point ?? undefined };
  const report = useBelowMinimum(filters);
  return (
    <Stack>
      <Group align="flex-end">
        <PointFilter value={point} onChange={setPoint} />
        <XlsxLink path="/stock/below-minimum" filters={filters} />
      </Group>
      <ReportState query={report} />
      {report.data ? (
        <Paper withBorder>
          <ScrollTable minWidth={860} label={t('supplies.reports.belowMinimum')}>
            <Table striped verticalSpacing="xs" data-testid="below-minimum">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supplies.stock.point')}</Table.Th>
                  <Table.Th>{t('supplies.stock.item')}</Table.Th>
                  <Table.Th>{t('supplies.stock.onHand')}</Table.Th>
                  <Table.Th>{t('supplies.levels.minimum')}</Table.Th>
                  <Table.Th>{t('supplies.levels.maximum')}</Table.Th>
                  <Table.Th>{t('supplies.reports.toOrder')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.rows.map((r) => (
                  <Table.Tr key={`${r.stockPointId}:${r.itemId}`} data-testid="below-minimum-row">
                    <Table.Td>
                      <bdi>{r.stockPointName}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/stock/card"
                        search={{ stockPointId: r.stockPointId, itemId: r.itemId }}
                        underline="hover"
                      >
                        <bdi>
                          {r.itemCode} · {r.itemName}
                        </bdi>
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Quantity value={r.onHand} item={r} />
                    </Table.Td>
                    <Table.Td>
                      <Quantity value={r.minimum} item={r} />
                    </Table.Td>
                    <Table.Td>
                      <Quantity value={r.maximum} item={r} />
                    </Table.Td>
                    <Table.Td>
                      <Quantity value={r.toOrder} item={r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {report.data.rows.length === 0 ? (
            <Text c="dimmed" ta="center" p="lg">
              {t('supplies.reports.noneBelow')}
            </Text>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
