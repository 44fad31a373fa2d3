import { Alert, Anchor, Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../domain/auth/schemas.ts';
import { ApiError, setSignedIn } from '../../api/client.ts';
import { onReauthenticate } from '../../api/reauth.ts';
import { authApi, meQuery } from './api.ts';
import { signInErrorKey } from './messages.ts';

/**
 * Signing in again on the same page when the session has ended: the page stays mounted, so what
 * was typed is kept, and the request that met the expired session is sent again afterwards
 * (api/client.ts). The username is the signed-in user's; only the password (and code) is asked.
 */
export function ReauthDialog({ me }: { me: Pick<Me, 'id' | 'username' | 'displayName'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = useRef<((userId: string | null) => void) | null>(null);

  useEffect(() => {
    onReauthenticate(
      () =>
        new Promise<string | null>((resolve) => {
          answer.current = resolve;
          setOpened(true);
        }),
    );
    return () => {
      onReauthenticate(null);
      answer.current?.(null);
    };
  }, []);

  const finish = (userId: string | null) => {
    setOpened(false);
    setPassword('');
    setTotp('');
    setStep('password');
    setErrorKey(null);
    const resolve = answer.current;
    answer.current = null;
    resolve?.(userId);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password || (step === 'totp' && !/^\d{6}$/.test(totp))) {
      setErrorKey(step === 'totp' ? 'auth.errors.totpInvalid' : 'session.passwordNeeded');
      return;
    }
    setBusy(true);
    setErrorKey(null);
    try {
      await authApi.login({ username: me.username, password, totp: step === 'totp' ? totp : undefined });
      const now = await authApi.whoAmI();
      // the same user: their /me is fresh again; another (e.g. from another tab) is handled by the client
      if (now.id === me.id) queryClient.setQueryData(meQuery.queryKey, now);
      finish(now.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setStep('totp');
        setTotp('');
      } else {
        if (error instanceof ApiError && error.code === 'totp_invalid') setTotp('');
        setErrorKey(signInErrorKey(error));
      }
    } finally {
      setBusy(false);
    }
  };

  // the explicit way out: what was not saved is lost, and the dialog says so
  const leave = async () => {
    finish(null);
    setSignedIn(false);
    await navigate({ to: '/sign-in', search: { reason: 'expired' } });
    queryClient.clear();
  };

  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      centered
      title={t('session.reauthTitle')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="reauth-dialog">
        <Stack gap="sm">
          <Text size="sm">{t('session.reauthBody')}</Text>
          {errorKey ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="reauth-error">
              {t(errorKey)}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            dir="ltr"
            value={me.username}
            readOnly
            data-testid="reauth-username"
          />
          {step === 'password' ? (
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="reauth-password"
            />
          ) : (
            <TextInput
              label={t('auth.totpCode')}
              description={t('auth.totpHelp')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              dir="ltr"
              value={totp}
              onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
              data-testid="reauth-totp"
            />
          )}
          <Button type="submit" loading={busy} data-testid="reauth-submit">
            {t(step === 'totp' ? 'auth.verify' : 'session.reauthSubmit')}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => void leave()}
            data-testid="reauth-leave"
          >
            {t('session.reauthLeave')}
          </Anchor>
        </Stack>
      </form>
    </Modal>
  );
}
