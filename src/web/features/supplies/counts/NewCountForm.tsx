import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countCreate } from '../../../../domain/supplies/counts.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { postCount } from '../api.ts';
import { today, usePointOptions } from '../parts.tsx';

/** Open a count sheet at a point: it lists every lot with stock there; the store keeps working. */
export function NewCountForm({ stockPointId }: { stockPointId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const points = usePointOptions();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const form = useFormState({ stockPointId: (stockPointId ?? null) as string | null, countedOn: today() });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(countCreate, {
      stockPointId: form.values.stockPointId ?? undefined,
      countedOn: form.values.countedOn,
    });
    if (!body) return;
    setBusy(true);
    try {
      const created = await postCount(body, key);
      await navigate({ to: '/stock-counts/$id', params: { id: created.id } });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="new-count-form">
      <Paper withBorder p="md" mb="md">
        <FormAlert error={form.requestError} />
        <Group align="flex-end">
          <Select
            label={t('supplies.stock.point')}
            required
            searchable
            data={points.options}
            value={form.values.stockPointId}
            onChange={(p) => form.set('stockPointId', p)}
            error={form.errors.stockPointId}
            nothingFoundMessage={t('common.noResults')}
            w={260}
            data-testid="count-point"
          />
          <TextInput
            type="date"
            label={t('supplies.counts.countedOn')}
            required
            {...form.text('countedOn')}
            data-testid="count-date"
          />
          <Button type="submit" loading={busy} data-testid="count-create">
            {t('supplies.counts.new')}
          </Button>
        </Group>
      </Paper>
    </form>
  );
}
