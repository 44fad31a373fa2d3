import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transferCreate } from '../../../../domain/supplies/transfers.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { opt } from '../../../components/record/record.ts';
import { postTransfer, useOnHand, useStockRefresh } from '../api.ts';
import { today, useItemOptions, usePointOptions } from '../parts.tsx';
import { emptyIssueLine, IssueLine, type IssueLineDraft } from '../stock/IssueLine.tsx';
import { toBaseUnits } from '../stock/lines.ts';

const FIELDS = ['fromStockPointId', 'toStockPointId', 'dispatchedOn', 'documentNumber', 'lines'] as const;

/** Dispatch stock to another point: it leaves the source now and is in transit until received. */
export function NewTransferPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/stock-transfers/new' });
  const navigate = useNavigate();
  const refresh = useStockRefresh();
  const points = usePointOptions();
  const items = useItemOptions();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<IssueLineDraft[]>(() => [emptyIssueLine()]);
  const form = useFormState({
    fromStockPointId: (search.from ?? null) as string | null,
    toStockPointId: null as string | null,
    dispatchedOn: today(),
    documentNumber: '',
  });
  const v = form.values;
  const onHand = useOnHand(v.fromStockPointId);
  // expired lots cannot be dispatched: only the usable ones are offered
  const lots = v.fromStockPointId ? (onHand.data?.items ?? []).filter((l) => !l.blocked) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const payload = {
      fromStockPointId: v.fromStockPointId ?? undefined,
      toStockPointId: v.toStockPointId ?? undefined,
      dispatchedOn: v.dispatchedOn,
      documentNumber: opt(v.documentNumber),
      lines: lines.map((l) => ({
        itemId: l.itemId ?? undefined,
        lotId: l.lotId ?? undefined,
        quantity: toBaseUnits(l.quantity, l.mode, (l.itemId && items.byId.get(l.itemId)?.packSize) || 1),
      })),
    };
    const body = form.validate(transferCreate, payload);
    if (!body) return;
    setBusy(true);
    try {
      const created = await postTransfer(body, key);
      await refresh();
      await navigate({ to: '/stock-transfers/$id', params: { id: created.id }, search: { created: true } });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="transfers:create">
      <Stack maw={1100}>
        <BackLink to="/stock-transfers">{t('supplies.transfers.backToList')}</BackLink>
        <PageHeader title={t('supplies.transfers.new')} subtitle={t('supplies.transfers.newHelp')} />
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="transfer-form">
          <Stack>
            <FormAlert error={form.requestError} />
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Select
                  label={t('supplies.transfers.from')}
                  required
                  searchable
                  data={points.options}
                  value={v.fromStockPointId}
                  onChange={(p) => form.set('fromStockPointId', p)}
                  error={form.errors.fromStockPointId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="transfer-from"
                />
                <Select
                  label={t('supplies.transfers.to')}
                  required
                  searchable
                  data={points.options}
                  value={v.toStockPointId}
                  onChange={(p) => form.set('toStockPointId', p)}
                  error={form.errors.toStockPointId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="transfer-to"
                />
                <TextInput
                  type="date"
                  label={t('supplies.transfers.dispatchedOn')}
                  required
                  {...form.text('dispatchedOn')}
                  data-testid="transfer-date"
                />
                <TextInput label={t('supplies.card.document')} {...form.text('documentNumber')} />
              </SimpleGrid>
            </Paper>
            {lines.map((l, i) => (
              <IssueLine
                key={l.key}
                index={i}
                line={l}
                stockPointId={v.fromStockPointId}
                item={l.itemId ? items.byId.get(l.itemId) : undefined}
                lots={lots}
                itemOptions={items.options}
                errors={form.errors}
                onChange={(patch) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
                onRemove={lines.length > 1 ? () => setLines((ls) => ls.filter((_, j) => j !== i)) : undefined}
              />
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setLines((ls) => [...ls, emptyIssueLine()])}
                data-testid="add-line"
              >
                {t('supplies.receive.addLine')}
              </Button>
            </Group>
            <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
            {form.errors.lines ? <OtherErrors messages={[form.errors.lines]} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="transfer-save">
                {t('supplies.transfers.dispatch')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </RequireCapability>
  );
}
