import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headcountCreate } from '../../../domain/registry/schemas.ts';
import { api, isApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorState, FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors, SavedNote } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { opt, optNum } from '../../components/record/record.ts';
import { today } from './identity.ts';

const FIELDS = ['countedOn', 'total', 'men', 'women', 'children', 'note'];

/** The detaining authority's own count of a day (men, women, children), recorded by a monitor or manager. */
export function HeadcountForm({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const empty = { countedOn: today(), total: '', men: '', women: '', children: '', note: '' };
  const form = useFormState<Record<string, string | number>>(empty);
  const v = form.values;
  const num = (field: string) => ({
    min: 0,
    max: 100_000,
    allowDecimal: false,
    allowNegative: false,
    value: v[field],
    onChange: (n: string | number) => form.set(field, n),
    error: form.errors[field],
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = form.validate(headcountCreate, {
      countedOn: v.countedOn,
      total: optNum(v.total as string | number),
      men: optNum(v.men as string | number),
      women: optNum(v.women as string | number),
      children: optNum(v.children as string | number),
      note: opt(String(v.note)),
    });
    if (!body) return;
    setBusy(true);
    try {
      await api.post(`/centres/${centreId}/headcounts`, body, key);
      setSaved(true);
      form.setValues(empty);
      setKey(newIdempotencyKey());
      await queryClient.invalidateQueries({ queryKey: ['population', centreId] });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (isApiError(form.requestError, 403)) return <ErrorState error={form.requestError} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="headcount-form">
      <Paper withBorder p="md">
        <Stack>
          <Title order={3} size="h5">
            {t('population.recordHeadcount')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <TextInput
              type="date"
              label={t('population.countedOn')}
              required
              max={today()}
              {...form.text('countedOn')}
              data-testid="headcount-date"
            />
            <NumberInput
              label={t('population.total')}
              required
              {...num('total')}
              data-testid="headcount-total"
            />
            <NumberInput label={t('population.men')} {...num('men')} data-testid="headcount-men" />
            <NumberInput label={t('population.women')} {...num('women')} data-testid="headcount-women" />
            <NumberInput
              label={t('population.children')}
              {...num('children')}
              data-testid="headcount-children"
            />
          </SimpleGrid>
          <TextInput label={t('population.note')} {...form.text('note')} data-testid="headcount-note" />
          <FormAlert error={form.requestError} />
          <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
          {saved ? <SavedNote text={t('population.headcountSaved')} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="headcount-save">
              {t('population.saveHeadcount')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
