import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTFALL_REASONS, transferReceive } from '../../../../domain/supplies/transfers.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { opt } from '../../../components/record/record.ts';
import { receiveTransfer, type Transfer } from '../api.ts';
import { Quantity, today } from '../parts.tsx';

type LineDraft = { received: number | string; reason: string | null; text: string };

/** What arrived, line by line; anything short is recorded as a loss with its reason. */
export function ReceiveTransferForm({
  transfer,
  onDone,
}: {
  transfer: Transfer;
  onDone: (t: Transfer) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const [lines, setLines] = useState<LineDraft[]>(() =>
    transfer.lines.map((l) => ({ received: l.quantity, reason: null, text: '' })),
  );
  const form = useFormState({ receivedOn: today() });
  const set = (i: number, patch: Partial<LineDraft>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const short = (i: number) => {
    const r = lines[i]!.received;
    return typeof r === 'number' && r < transfer.lines[i]!.quantity;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = Object.fromEntries(
      lines.flatMap((l, i) =>
        short(i) && !l.reason
          ? [[`lines.${i}.shortfallReason`, t('supplies.transfers.shortfallNeeded')]]
          : [],
      ),
    );
    const payload = {
      version: transfer.version,
      receivedOn: form.values.receivedOn,
      lines: transfer.lines.map((x, i) => ({
        lineId: x.id,
        receivedQuantity: typeof lines[i]!.received === 'number' ? lines[i]!.received : undefined,
        shortfallReason: short(i) ? (lines[i]!.reason ?? undefined) : undefined,
        shortfallText: short(i) ? opt(lines[i]!.text) : undefined,
      })),
    };
    const body = form.validate(transferReceive, payload, missing);
    if (!body) return;
    setBusy(true);
    try {
      onDone(await receiveTransfer(transfer.id, body, key));
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const err = (i: number, f: string) => form.errors[`lines.${i}.${f}`];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="receive-transfer-form">
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2} size="h4">
            {t('supplies.transfers.receiveTitle')}
          </Title>
          <FormAlert error={form.requestError} />
          <TextInput
            type="date"
            label={t('supplies.transfers.receivedOn')}
            required
            {...form.text('receivedOn')}
            w={220}
            data-testid="received-on"
          />
          <ScrollTable minWidth={900} label={t('supplies.transfers.receiveTitle')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supplies.stock.item')}</Table.Th>
                  <Table.Th>{t('supplies.stock.lot')}</Table.Th>
                  <Table.Th>{t('supplies.transfers.sent')}</Table.Th>
                  <Table.Th>{t('supplies.transfers.received')}</Table.Th>
                  <Table.Th>{t('supplies.transfers.shortfallReason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {transfer.lines.map((x, i) => (
                  <Table.Tr key={x.id} data-testid="receive-line">
                    <Table.Td>
                      <bdi>
                        {x.itemCode} · {x.itemName}
                      </bdi>
                    </Table.Td>
                    <Table.Td>
                      <span className="sanad-ltr sanad-nowrap">{x.lotNumber}</span>
                    </Table.Td>
                    <Table.Td>
                      <Quantity value={x.quantity} item={x} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('supplies.transfers.receivedOf', {
                          item: x.itemCode,
                          lot: x.lotNumber,
                        })}
                        min={0}
                        max={x.quantity}
                        allowDecimal={false}
                        value={lines[i]!.received}
                        onChange={(v) => set(i, { received: v })}
                        error={err(i, 'receivedQuantity')}
                        w={140}
                        data-testid="received-quantity"
                      />
                    </Table.Td>
                    <Table.Td>
                      {short(i) ? (
                        <Stack gap={4}>
                          <Select
                            aria-label={t('supplies.transfers.shortfallReason')}
                            data={SHORTFALL_REASONS.map((r) => ({
                              value: r,
                              label: t(`supplies.reasons.${r}`),
                            }))}
                            value={lines[i]!.reason}
                            onChange={(r) => set(i, { reason: r })}
                            error={err(i, 'shortfallReason')}
                            data-testid="shortfall-reason"
                          />
                          <TextInput
                            aria-label={t('supplies.transfers.shortfallText')}
                            placeholder={t('supplies.transfers.shortfallText')}
                            value={lines[i]!.text}
                            onChange={(e) => set(i, { text: e.currentTarget.value })}
                            error={err(i, 'shortfallText')}
                          />
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <OtherErrors messages={unplacedErrors(form.errors, ['receivedOn', 'lines'])} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="receive-transfer-save">
              {t('supplies.transfers.receive')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
