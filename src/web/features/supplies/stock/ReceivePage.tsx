import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptCreate } from '../../../../domain/supplies/movements.ts';
import { REASONS, RECEIPT_REASONS, type ReasonCode } from '../../../../domain/supplies/reasons.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { localName } from '../../../components/BilingualName.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { opt } from '../../../components/record/record.ts';
import { postReceipt, useOrganisations, useStockRefresh } from '../api.ts';
import { today, useItemOptions, usePointOptions, useProjectOptions } from '../parts.tsx';
import { toBaseUnits, toMinor } from './lines.ts';
import { emptyLine, type ReceiptLineDraft, ReceiptLines } from './ReceiptLines.tsx';

const FIELDS = [
  'stockPointId',
  'occurredOn',
  'reason',
  'reasonText',
  'documentNumber',
  'supplierOrganisationId',
  'projectId',
  'lines',
] as const;

/** Receive a consignment into a stock point: who gave it, who paid, and each lot with its expiry. */
export function ReceivePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/stock/receive' });
  const navigate = useNavigate();
  const refresh = useStockRefresh();
  const points = usePointOptions();
  const items = useItemOptions();
  const projects = useProjectOptions();
  const orgs = useOrganisations();
  const orgOptions = useMemo(
    () => (orgs.data ?? []).map((o) => ({ value: o.id, label: localName(o) })),
    [orgs.data],
  );
  // one key per form: a retry after a lost answer cannot receive twice
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<ReceiptLineDraft[]>(() => [emptyLine()]);
  const form = useFormState({
    stockPointId: (search.stockPointId ?? null) as string | null,
    occurredOn: today(),
    reason: 'donation' as string | null,
    reasonText: '',
    documentNumber: '',
    supplierOrganisationId: null as string | null,
    projectId: null as string | null,
  });
  const v = form.values;
  const freeText = v.reason ? REASONS[v.reason as ReasonCode].freeText : 'none';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const payload = {
      stockPointId: v.stockPointId ?? undefined,
      occurredOn: v.occurredOn,
      reason: v.reason ?? undefined,
      reasonText: freeText === 'none' ? undefined : opt(v.reasonText),
      documentNumber: opt(v.documentNumber),
      supplierOrganisationId: v.supplierOrganisationId ?? undefined,
      projectId: v.projectId ?? undefined,
      lines: lines.map((l) => {
        const item = l.itemId ? items.byId.get(l.itemId) : undefined;
        const currency = opt(l.currency);
        return {
          itemId: l.itemId ?? undefined,
          lotNumber: l.lotNumber.trim(),
          expiryOn: l.expiryOn || undefined,
          quantity: toBaseUnits(l.quantity, l.mode, item?.packSize ?? 1),
          // a cost without its currency is kept, so the schema says what is missing
          unitCostMinor: toMinor(l.unitCost, currency ?? ''),
          currency,
        };
      }),
    };
    const body = form.validate(receiptCreate, payload);
    if (!body) return;
    setBusy(true);
    try {
      await postReceipt(body, key);
      await refresh();
      await navigate({ to: '/stock', search: { stockPointId: body.stockPointId } });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="stock:receive">
      <Stack maw={1100}>
        <BackLink to="/stock">{t('supplies.stock.backToList')}</BackLink>
        <PageHeader title={t('supplies.receive.title')} subtitle={t('supplies.receive.subtitle')} />
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="receive-form">
          <Stack>
            <FormAlert error={form.requestError} />
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Select
                  label={t('supplies.stock.point')}
                  required
                  searchable
                  data={points.options}
                  value={v.stockPointId}
                  onChange={(p) => form.set('stockPointId', p)}
                  error={form.errors.stockPointId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="receive-point"
                />
                <TextInput
                  type="date"
                  label={t('supplies.receive.date')}
                  required
                  {...form.text('occurredOn')}
                  data-testid="receive-date"
                />
                <Select
                  label={t('supplies.receive.reason')}
                  required
                  data={RECEIPT_REASONS.map((r) => ({ value: r, label: t(`supplies.reasons.${r}`) }))}
                  value={v.reason}
                  onChange={(r) => form.set('reason', r)}
                  error={form.errors.reason}
                  data-testid="receive-reason"
                />
                <Select
                  label={t('supplies.receive.supplier')}
                  description={t('supplies.receive.supplierHelp')}
                  clearable
                  searchable
                  data={orgOptions}
                  value={v.supplierOrganisationId}
                  onChange={(o) => form.set('supplierOrganisationId', o)}
                  error={form.errors.supplierOrganisationId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="receive-supplier"
                />
                <Select
                  label={t('supplies.stock.project')}
                  description={t('supplies.receive.projectHelp')}
                  clearable
                  searchable
                  data={projects}
                  value={v.projectId}
                  onChange={(p) => form.set('projectId', p)}
                  error={form.errors.projectId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="receive-project"
                />
                <TextInput
                  label={t('supplies.card.document')}
                  {...form.text('documentNumber')}
                  data-testid="receive-document"
                />
              </SimpleGrid>
              {freeText !== 'none' ? (
                <Textarea
                  mt="md"
                  label={t('supplies.receive.reasonText')}
                  required={freeText === 'required'}
                  autosize
                  minRows={2}
                  value={v.reasonText}
                  onChange={(e) => form.set('reasonText', e.currentTarget.value)}
                  error={form.errors.reasonText}
                />
              ) : null}
            </Paper>
            <ReceiptLines
              lines={lines}
              onChange={(next) => {
                setLines(next);
                form.setErrors((errs) =>
                  Object.fromEntries(Object.entries(errs).filter(([k]) => !k.startsWith('lines'))),
                );
              }}
              items={items.byId}
              itemOptions={items.options}
              errors={form.errors}
            />
            <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
            {form.errors.lines ? <OtherErrors messages={[form.errors.lines]} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="receive-save">
                {t('supplies.receive.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </RequireCapability>
  );
}
