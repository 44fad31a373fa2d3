import { Group, Paper, Table } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useStockRefresh, useTransfer } from '../api.ts';
import { Quantity } from '../parts.tsx';
import { ReceiveTransferForm } from './ReceiveTransferForm.tsx';
import { TransferBadge } from './TransferBadge.tsx';

/** One transfer: where from and to, its lines, and (at the destination, while in transit) the receipt. */
export function TransferPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/stock-transfers/$id' });
  const { created } = useSearch({ from: '/app/stock-transfers/$id' });
  const query = useTransfer(id);
  const queryClient = useQueryClient();
  const refresh = useStockRefresh();
  const [notice, setNotice] = useState<string | null>(created ? t('supplies.transfers.dispatched') : null);
  const x = query.data;
  return (
    <RequireCapability capability="transfers:read">
      <RecordFrame
        back={<BackLink to="/stock-transfers">{t('supplies.transfers.backToList')}</BackLink>}
        query={query}
        notice={notice}
        maw={1100}
      >
        {x ? (
          <>
            <PageHeader
              documentTitle={x.reference}
              title={
                <Group gap="sm" component="span">
                  <span className="sanad-ltr">{x.reference}</span>
                  <TransferBadge status={x.status} />
                </Group>
              }
            />
            <RecordDetails
              testId="transfer-details"
              items={[
                { label: t('supplies.transfers.from'), value: x.fromStockPointName },
                { label: t('supplies.transfers.to'), value: x.toStockPointName },
                { label: t('supplies.transfers.dispatchedOn'), value: formatDate(x.dispatchedOn) },
                {
                  label: t('supplies.transfers.receivedOn'),
                  value: x.receivedOn ? formatDate(x.receivedOn) : null,
                },
                { label: t('supplies.card.document'), value: x.documentNumber },
              ]}
            />
            {can(x, 'receive') ? (
              <ReceiveTransferForm
                transfer={x}
                onDone={(updated) => {
                  queryClient.setQueryData(['stock-transfers', 'one', id], updated);
                  setNotice(t('supplies.transfers.receivedNotice'));
                  void refresh();
                }}
              />
            ) : (
              <Paper withBorder>
                <ScrollTable minWidth={760} label={t('supplies.transfers.lines')}>
                  <Table verticalSpacing="xs" data-testid="transfer-lines">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('supplies.stock.item')}</Table.Th>
                        <Table.Th>{t('supplies.stock.lot')}</Table.Th>
                        <Table.Th>{t('supplies.stock.expiry')}</Table.Th>
                        <Table.Th>{t('supplies.transfers.sent')}</Table.Th>
                        <Table.Th>{t('supplies.transfers.received')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {x.lines.map((l) => (
                        <Table.Tr key={l.id}>
                          <Table.Td>
                            <bdi>
                              {l.itemCode} · {l.itemName}
                            </bdi>
                          </Table.Td>
                          <Table.Td>
                            <span className="sanad-ltr sanad-nowrap">{l.lotNumber}</span>
                          </Table.Td>
                          <Table.Td>{formatDate(l.expiryOn)}</Table.Td>
                          <Table.Td>
                            <Quantity value={l.quantity} item={l} />
                          </Table.Td>
                          <Table.Td>
                            {l.receivedQuantity === null ? (
                              '—'
                            ) : (
                              <Quantity value={l.receivedQuantity} item={l} />
                            )}
                            {l.shortfallReason ? (
                              <div>{t(`supplies.reasons.${l.shortfallReason}`)}</div>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Paper>
            )}
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
