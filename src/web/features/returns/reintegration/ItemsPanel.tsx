import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REINTEGRATION_ITEM_KINDS,
  REINTEGRATION_ITEM_STATUSES,
  type ReintegrationItem,
  type ReintegrationItemStatus,
  reintegrationItemCreate,
} from '../../../../domain/returns/reintegration.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { can } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import { toMinor } from '../../supplies/stock/lines.ts';
import { addItem, type ReintegrationView, updateItem } from './api.ts';
import { formatMinor, today } from './logic.ts';

const STATUS_COLOURS: Record<ReintegrationItemStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  delivered: 'green',
  cancelled: 'red',
};

/** The plan's items with their status (changed in place where allowed), and the budget totals. */
export function ItemsPanel({
  view,
  onChange,
}: {
  view: ReintegrationView;
  onChange: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const plan = view.plan!;
  const money = (minor: number, currency = plan.currency) => formatMinor(minor, currency, i18n.language);
  return (
    <Stack gap="sm">
      {plan.items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="no-items">
          {t('reintegration.items.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reintegration.items.kind')}</Table.Th>
                <Table.Th>{t('reintegration.items.description')}</Table.Th>
                <Table.Th ta="end">{t('reintegration.items.budget')}</Table.Th>
                <Table.Th>{t('reintegration.items.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.items.map((i) => (
                <Table.Tr key={i.id} data-testid="item">
                  <Table.Td>{t(`reintegration.kinds.${i.kind}`)}</Table.Td>
                  <Table.Td>
                    <bdi>{i.description}</bdi>
                  </Table.Td>
                  <Table.Td ta="end" className="sanad-ltr">
                    {money(i.budgetMinor)}
                  </Table.Td>
                  <Table.Td>
                    <ItemStatus item={i} onChange={onChange} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {view.totals.map((x) => (
        <Group key={x.currency} gap="md" data-testid="totals" data-currency={x.currency}>
          <Text size="sm" fw={600}>
            {t('reintegration.items.total')}:{' '}
            <span className="sanad-ltr">{money(x.budgetMinor, x.currency)}</span>
          </Text>
          <Text size="sm" c="dimmed">
            {t('reintegration.items.delivered')}:{' '}
            <span className="sanad-ltr">{money(x.deliveredMinor, x.currency)}</span>
          </Text>
        </Group>
      ))}
      {can(view, 'add_item') ? (
        <AddItem caseId={view.caseId} currency={plan.currency} onDone={onChange} />
      ) : null}
    </Stack>
  );
}

function ItemStatus({ item, onChange }: { item: ReintegrationItem; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [next, setNext] = useState<ReintegrationItemStatus | null>(null);
  const [day, setDay] = useState(today());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = (s: ReintegrationItemStatus) => t(`reintegration.statuses.${s}`);
  if (!can(item, 'update'))
    return (
      <Badge color={STATUS_COLOURS[item.status]} variant="light">
        {label(item.status)}
        {item.deliveredOn ? ` · ${formatDate(item.deliveredOn)}` : ''}
      </Badge>
    );
  const save = async (status: ReintegrationItemStatus) => {
    setBusy(true);
    setError(null);
    try {
      await updateItem(item.id, {
        version: item.version,
        status,
        ...(status === 'delivered' ? { deliveredOn: day } : {}),
      });
      setNext(null);
      await onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        aria-label={t('reintegration.items.status')}
        allowDeselect={false}
        data={REINTEGRATION_ITEM_STATUSES.map((s) => ({ value: s, label: label(s) }))}
        value={next ?? item.status}
        disabled={busy}
        onChange={(s) => {
          const status = s as ReintegrationItemStatus;
          // a delivery needs its day: asked before saving
          if (status === 'delivered') setNext(status);
          else void save(status);
        }}
        data-testid="item-status"
      />
      {next === 'delivered' ? (
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            type="date"
            aria-label={t('reintegration.items.deliveredOn')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
          />
          <Button
            size="xs"
            loading={busy}
            onClick={() => void save('delivered')}
            data-testid="item-delivered"
          >
            {t('common.save')}
          </Button>
        </Group>
      ) : item.deliveredOn ? (
        <Text size="xs" c="dimmed">
          {formatDate(item.deliveredOn)}
        </Text>
      ) : null}
      <FormAlert error={error} />
    </Stack>
  );
}

function AddItem({
  caseId,
  currency,
  onDone,
}: {
  caseId: string;
  currency: string;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const form = useFormState({ kind: 'cash', description: '', budget: '' as string | number });
  const v = form.values;
  if (!open)
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)} data-testid="item-add">
          {t('reintegration.items.add')}
        </Button>
      </Group>
    );
  const submit = async () => {
    const budgetMinor = toMinor(v.budget, currency);
    const body = form.validate(reintegrationItemCreate, {
      kind: v.kind,
      description: v.description,
      budgetMinor,
    });
    if (!body) return;
    setBusy(true);
    try {
      await addItem(caseId, body, key);
      setKey(newIdempotencyKey());
      form.setValues({ kind: 'cash', description: '', budget: '' });
      setOpen(false);
      await onDone();
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="item-form">
      <Group grow wrap="wrap" align="flex-start">
        <Select
          label={t('reintegration.items.kind')}
          allowDeselect={false}
          data={REINTEGRATION_ITEM_KINDS.map((k) => ({ value: k, label: t(`reintegration.kinds.${k}`) }))}
          value={v.kind}
          onChange={(k) => form.set('kind', k ?? 'cash')}
          data-testid="item-kind"
        />
        <NumberInput
          label={`${t('reintegration.items.budget')} (${currency})`}
          min={0}
          decimalScale={3}
          value={v.budget}
          onChange={(x) => form.set('budget', x)}
          error={form.errors.budgetMinor}
          dir="ltr"
          data-testid="item-budget"
        />
      </Group>
      <TextInput
        label={t('reintegration.items.description')}
        required
        {...form.text('description')}
        data-testid="item-description"
      />
      <FormAlert error={form.requestError} />
      <Group gap="xs">
        <Button size="xs" onClick={() => void submit()} loading={busy} data-testid="item-save">
          {t('reintegration.items.add')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
