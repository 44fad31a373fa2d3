import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { can } from '../../../components/record/record.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { type Movement, useStockCard, useStockRefresh } from '../api.ts';
import { itemLabel, pointLabel, Quantity, useItemOptions, usePointOptions } from '../parts.tsx';
import { ReverseDialog } from './ReverseDialog.tsx';

/** The ledger of one item at one point, oldest first, with the running balance. */
export function StockCardPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/stock/card' });
  const navigate = useNavigate({ from: '/stock/card' });
  const items = useItemOptions();
  const points = usePointOptions();
  const card = useStockCard(search);
  const refresh = useStockRefresh();
  const [reversing, setReversing] = useState<Movement | null>(null);
  const [done, setDone] = useState(false);
  const item = items.byId.get(search.itemId);
  const point = points.byId.get(search.stockPointId);
  // until the catalogue answers, quantities show in base units
  const unit = item ?? { baseUnit: 'piece', packSize: 1 };
  const update = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  let running = card.data?.openingBalance ?? 0;
  return (
    <RequireCapability capability="stock:read">
      <Stack maw={1200}>
        <BackLink to="/stock">{t('supplies.stock.backToList')}</BackLink>
        <PageHeader
          title={t('supplies.card.title')}
          subtitle={
            <bdi>
              {item ? itemLabel(item) : ''} · {point ? pointLabel(point) : ''}
            </bdi>
          }
        />
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('supplies.card.from')}
            value={search.from ?? ''}
            onChange={(e) => update({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('supplies.card.to')}
            value={search.to ?? ''}
            onChange={(e) => update({ to: e.currentTarget.value || undefined })}
          />
        </Group>
        {done ? <SavedNote text={t('supplies.card.reversed')} /> : null}
        {card.isError ? <ErrorState error={card.error} onRetry={() => void card.refetch()} /> : null}
        {card.data ? (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Paper withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {t('supplies.card.opening')}
                </Text>
                <Quantity value={card.data.openingBalance} item={unit} testId="opening-balance" />
              </Paper>
              <Paper withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {t('supplies.card.closing')}
                </Text>
                <Quantity value={card.data.closingBalance} item={unit} testId="closing-balance" />
              </Paper>
            </SimpleGrid>
            <Paper withBorder>
              <ScrollTable minWidth={1000} label={t('supplies.card.title')}>
                <Table striped verticalSpacing="xs" data-testid="stock-card">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('supplies.card.date')}</Table.Th>
                      <Table.Th>{t('supplies.card.movement')}</Table.Th>
                      <Table.Th>{t('supplies.stock.lot')}</Table.Th>
                      <Table.Th>{t('supplies.card.document')}</Table.Th>
                      <Table.Th>{t('supplies.card.quantity')}</Table.Th>
                      <Table.Th>{t('supplies.card.lotBalance')}</Table.Th>
                      <Table.Th>{t('supplies.card.balance')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {card.data.items.map((m) => {
                      running += m.quantity;
                      return (
                        <Table.Tr
                          key={m.id}
                          data-testid="card-row"
                          data-reversed={m.reversedById ? 'true' : undefined}
                        >
                          <Table.Td className="sanad-nowrap">{formatDate(m.occurredOn)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{t(`supplies.movementKinds.${m.kind}`)}</Text>
                            <Text size="xs" c="dimmed">
                              {t(`supplies.reasons.${m.reason}`)}
                              {m.reasonText ? <bdi> — {m.reasonText}</bdi> : null}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <span className="sanad-ltr sanad-nowrap">{m.lotNumber}</span>
                          </Table.Td>
                          <Table.Td>
                            <bdi>{m.documentNumber ?? '—'}</bdi>
                          </Table.Td>
                          <Table.Td>
                            <Quantity value={m.quantity} item={unit} testId="card-quantity" />
                          </Table.Td>
                          <Table.Td className="sanad-nowrap" data-testid="card-lot-balance">
                            {m.balance === null ? '—' : formatNumber(m.balance)}
                          </Table.Td>
                          <Table.Td>
                            <Quantity value={running} item={unit} testId="card-balance" />
                          </Table.Td>
                          <Table.Td>
                            {can(m, 'reverse') ? (
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                onClick={() => {
                                  setDone(false);
                                  setReversing(m);
                                }}
                                data-testid="reverse"
                              >
                                {t('supplies.card.reverse')}
                              </Button>
                            ) : m.reversedById ? (
                              <Text size="xs" c="dimmed">
                                {t('supplies.card.wasReversed')}
                              </Text>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              {card.data.items.length === 0 ? (
                <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
                  {t('common.noResults')}
                </Text>
              ) : null}
              {card.data.nextCursor ? (
                <Text size="sm" c="dimmed" p="sm">
                  {t('supplies.card.more')}
                </Text>
              ) : null}
            </Paper>
          </>
        ) : null}
        {reversing ? (
          <ReverseDialog
            movement={reversing}
            unit={unit}
            onClose={() => setReversing(null)}
            onDone={() => {
              setReversing(null);
              setDone(true);
              void refresh();
            }}
          />
        ) : null}
      </Stack>
    </RequireCapability>
  );
}
