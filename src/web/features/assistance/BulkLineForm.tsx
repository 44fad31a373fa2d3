import { Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { distributionLineCreate } from '../../../domain/supplies/distributions.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { type Distribution, type Item, postBulkLine, useAssistanceRefresh } from './api.ts';
import { useAssistanceLabels } from './labels.ts';

/** A bulk event's line: an item and a quantity handed to the centre, without names. */
export function BulkLineForm({
  distribution,
  items,
}: {
  distribution: Distribution;
  items: Map<string, Item>;
}) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const refresh = useAssistanceRefresh();
  const form = useFormState({
    itemId: (distribution.itemIds[0] ?? null) as string | null,
    quantity: '' as number | string,
  });
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const item = form.values.itemId ? items.get(form.values.itemId) : undefined;
  const q = form.values.quantity;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(distributionLineCreate, {
      itemId: form.values.itemId ?? undefined,
      quantity: q === '' ? undefined : Number(q),
    });
    if (!body) return;
    setBusy(true);
    try {
      await refresh(await postBulkLine(distribution.id, body, idempotencyKey), undefined, true);
      form.set('quantity', '');
      // the next line is a new request
      setIdempotencyKey(newIdempotencyKey());
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk-title">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="bulk-form">
        <Stack gap="sm">
          <Text fw={700} id="bulk-title">
            {t('assistance.bulk.title')}
          </Text>
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t('assistance.lines.item')}
              required
              allowDeselect={false}
              data={distribution.itemIds.map((id) => {
                const it = items.get(id);
                return { value: id, label: it ? l.name(it) : id };
              })}
              value={form.values.itemId}
              onChange={(x) => form.set('itemId', x)}
              error={form.errors.itemId}
              w={260}
              data-testid="bulk-item"
            />
            <NumberInput
              label={t('assistance.lines.quantity')}
              description={item && typeof q === 'number' && q > 0 ? l.quantity(q, item) : undefined}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              value={q}
              onChange={(x) => form.set('quantity', x)}
              error={form.errors.quantity}
              w={200}
              data-testid="bulk-quantity"
            />
          </Group>
          <FormAlert error={form.requestError} />
          <OtherErrors messages={unplacedErrors(form.errors, ['itemId', 'quantity'])} />
          <Group>
            <Button type="submit" loading={busy} data-testid="bulk-save">
              {t('assistance.bulk.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
