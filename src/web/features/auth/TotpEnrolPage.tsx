import { Alert, Button, Group, Image, List, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totpVerify } from '../../../domain/auth/schemas.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { zodErrors } from '../../components/form/fieldErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { authApi, meQuery, type TotpVerified } from './api.ts';
import { signInErrorKey } from './messages.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** Two-factor enrolment; users whose role requires it cannot leave this page until done. */
export function TotpEnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: authApi.totpSetup,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // shown once, after activation: the account is updated only when the user has kept them
  const [verified, setVerified] = useState<TotpVerified | null>(null);

  const proceed = async (me: TotpVerified) => {
    const { recoveryCodes: _, ...account } = me;
    queryClient.setQueryData(meQuery.queryKey, account);
    queryClient.removeQueries({ queryKey: ['totp-setup'] });
    await navigate({ to: '/' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = totpVerify.safeParse({ token: token.trim() });
    if (!parsed.success) {
      setError(zodErrors(parsed.error.issues, t).token);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const me = await authApi.totpVerify(parsed.data.token);
      if (me && typeof me === 'object' && 'id' in me) {
        if (me.recoveryCodes?.length) setVerified(me);
        else await proceed(me);
      } else {
        await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
        await navigate({ to: '/' });
      }
    } catch (err) {
      setToken('');
      setError(
        err instanceof ApiError && (err.code === 'totp_invalid' || err.status === 400 || err.status === 422)
          ? t('auth.errors.totpInvalid')
          : t(signInErrorKey(err)),
      );
    } finally {
      setBusy(false);
    }
  };

  if (verified) return <RecoveryCodes codes={verified.recoveryCodes} onDone={() => void proceed(verified)} />;

  return (
    <Stack maw={640}>
      <PageHeader title={t('totp.title')} subtitle={t('totp.subtitle')} />
      <Alert color="blue" icon={<IconShieldLock aria-hidden />} data-testid="totp-required">
        {t('totp.why')}
      </Alert>
      {setup.isError ? <ErrorState error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      <Paper withBorder p="lg">
        <Stack>
          <List type="ordered" spacing="xs" size="sm">
            <List.Item>{t('totp.step1')}</List.Item>
            <List.Item>{t('totp.step2')}</List.Item>
            <List.Item>{t('totp.step3')}</List.Item>
          </List>
          <Group align="flex-start" gap="xl" wrap="wrap">
            {setup.data ? (
              <Image src={setup.data.qrDataUrl} alt={t('totp.qrAlt')} className="sanad-qr" w={200} h={200} />
            ) : (
              <Skeleton w={200} h={200} />
            )}
            <Stack gap={4} maw={320}>
              <Text size="sm" fw={600}>
                {t('totp.secretLabel')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('totp.secretHelp')}
              </Text>
              {setup.data ? (
                <Text className="sanad-secret" data-testid="totp-secret" size="md">
                  {setup.data.secret.replace(/(.{4})(?=.)/g, '$1 ')}
                </Text>
              ) : (
                <Skeleton h={24} w={260} />
              )}
            </Stack>
          </Group>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Group align="flex-end">
              <TextInput
                label={t('auth.totpCode')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                dir="ltr"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value.replace(/\D/g, ''))}
                error={error}
                data-testid="totp-token"
                required
                w={200}
              />
              <Button type="submit" loading={busy} disabled={!setup.data} data-testid="totp-verify">
                {t('totp.activate')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Paper>
    </Stack>
  );
}
