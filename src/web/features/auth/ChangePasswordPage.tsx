import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { IconCheck, IconKey } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordChange } from '../../../domain/auth/schemas.ts';
import { ApiError } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { authApi, meQuery } from './api.ts';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(meQuery);
  const form = useFormState({ currentPassword: '', newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const { currentPassword, newPassword, confirm } = form.values;
    const mismatch: Record<string, string> =
      confirm !== newPassword ? { confirm: t('password.mismatch') } : {};
    const body = form.validate(passwordChange, { currentPassword, newPassword }, mismatch);
    if (!body) return;
    setBusy(true);
    try {
      await authApi.changePassword(body.currentPassword, body.newPassword);
      const wasForced = me.passwordChangeRequired;
      form.setValues({ currentPassword: '', newPassword: '', confirm: '' });
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      if (wasForced) await navigate({ to: '/' });
      else setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        form.setErrors({ currentPassword: t('password.currentWrong') });
      } else form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={520}>
      <PageHeader title={t('password.title')} />
      {me.passwordChangeRequired ? (
        <Alert color="blue" icon={<IconKey aria-hidden />} data-testid="password-change-required">
          {t('password.required')}
        </Alert>
      ) : null}
      {done ? (
        <Alert color="teal" icon={<IconCheck aria-hidden />} data-testid="password-changed" role="status">
          {t('password.changed')}
        </Alert>
      ) : null}
      <FormAlert error={form.requestError} />
      <Paper withBorder p="lg">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.text('currentPassword')}
              data-testid="current-password"
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rules')}
              autoComplete="new-password"
              required
              {...form.text('newPassword')}
              data-testid="new-password"
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              {...form.text('confirm')}
              data-testid="confirm-password"
            />
            <Button type="submit" loading={busy} data-testid="change-password-submit">
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
