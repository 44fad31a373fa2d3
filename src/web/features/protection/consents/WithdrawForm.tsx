import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentWithdraw } from '../../../../domain/protection/records.ts';
import { api } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { today } from '../../registry/identity.ts';
import { type Consent, useProtectionRefresh } from '../api.ts';

/** Withdrawal stops every later share under this consent; it is dated and explained. */
export function WithdrawForm({
  consent,
  onDone,
  onCancel,
}: {
  consent: Consent;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useProtectionRefresh();
  const form = useFormState({ withdrawnOn: today(), reason: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(consentWithdraw, { ...form.values, version: consent.version });
    if (!body) return;
    setBusy(true);
    try {
      await api.post<Consent>(`/consents/${consent.id}/withdraw`, body);
      await refresh(consent.personId);
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="withdraw-form">
      <Stack>
        <Text size="sm">
          {t('consent.withdrawBody', {
            purpose: t(`consent.purposes.${consent.purpose}`),
            recipient: consent.recipientName,
          })}
        </Text>
        <TextInput
          type="date"
          label={t('consent.withdrawnOn')}
          required
          min={consent.givenOn}
          max={today()}
          {...form.text('withdrawnOn')}
          data-testid="withdrawn-on"
        />
        <TextInput
          label={t('consent.withdrawReason')}
          required
          dir="auto"
          {...form.text('reason')}
          data-testid="withdraw-reason"
        />
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, ['withdrawnOn', 'reason'])} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy} data-testid="withdraw-save">
            {t('consent.withdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
