import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconPlaneArrival } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordArrival } from '../../../domain/returns/movements.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { Section } from '../../components/Section.tsx';
import { today } from '../registry/identity.ts';
import { postArrival, useReturnsRefresh } from './api.ts';
import type { ReturnCase } from './types.ts';

/**
 * The arrival in the country of return, for a case that departed (offered where the server's
 * allowedActions hold `record_arrival`): the case then moves to arrived.
 */
export function CaseArrival({ rc, onDone }: { rc: ReturnCase; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const form = useFormState({ arrivedOn: today() });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(recordArrival, form.values);
    if (!body) return;
    setBusy(true);
    try {
      await postArrival(rc, body);
      await refresh();
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('returns.arrival.title')} testId="return-arrival">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="arrival-form">
        <Stack gap="sm">
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t('returns.fields.arrivedOn')}
              required
              min={rc.departedOn ?? undefined}
              max={today()}
              {...form.text('arrivedOn')}
              data-testid="arrival-date"
            />
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconPlaneArrival size={16} aria-hidden />}
              data-testid="arrival-save"
            >
              {t('returns.arrival.record')}
            </Button>
          </Group>
          <FormAlert error={form.requestError} />
          <OtherErrors messages={unplacedErrors(form.errors, ['arrivedOn'])} />
        </Stack>
      </form>
    </Section>
  );
}
