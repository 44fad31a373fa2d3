import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { protectionClearance } from '../../../domain/returns/cases.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { postClearance, useReturnsRefresh } from './api.ts';
import type { ReturnCase } from './types.ts';

/**
 * A protection officer documents why return is still appropriate for a person flagged with a
 * possible need for international protection. Shown only when the server offers `clear_protection`.
 */
export function ProtectionClearance({ rc, onDone }: { rc: ReturnCase; onDone: (u: ReturnCase) => void }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const form = useFormState({ reason: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = form.validate(protectionClearance, {
        version: rc.version,
        reason: form.values.reason.trim(),
      });
      if (body !== null) {
        const updated = await postClearance(rc, body.reason);
        await refresh();
        onDone(updated);
      }
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconShieldCheck aria-hidden />}
      title={t('returns.clearance.title')}
      data-testid="protection-clearance"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('returns.clearance.body')}</Text>
          <Textarea
            label={t('returns.clearance.reason')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            dir="auto"
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.errors.reason}
            data-testid="clearance-reason"
          />
          <FormAlert error={form.requestError} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="clearance-save">
              {t('returns.clearance.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
