import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginBody, type Me } from '../../../domain/auth/schemas.ts';
import type { Locale } from '../../../domain/common/schemas.ts';
import { ApiError } from '../../api/client.ts';
import { Brand } from '../../components/Brand.tsx';
import { zodErrors } from '../../components/form/fieldErrors.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { i18n, rememberLocale } from '../../i18n/index.ts';
import { authApi, meQuery } from './api.ts';
import { signInErrorKey } from './messages.ts';

const safeRedirect = (r: string | undefined) =>
  r?.startsWith('/') && !r.startsWith('//') && !r.startsWith('/sign-in') ? r : '/';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/sign-in' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  // lost phone: one of the recovery codes shown at enrolment stands in for the TOTP code
  const [useRecovery, setUseRecovery] = useState(false);
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // a language picked on this page is kept after signing in, and saved to the account
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  // "your session expired" / "signed out" explain how the user got here: gone once they act
  const [attempted, setAttempted] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const heading = step === 'totp' ? t('auth.totpTitle') : t('auth.signInTitle');
  useEffect(() => {
    document.title = `${heading} · Sanad`;
  }, [heading]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrorKey(null);
    setAttempted(true);
    const parsed = loginBody.safeParse({
      username,
      password,
      totp: step === 'totp' && !useRecovery ? totp.trim() : undefined,
      recoveryCode: step === 'totp' && useRecovery ? totp.trim() : undefined,
    });
    if (!parsed.success) {
      setFieldErrors(zodErrors(parsed.error.issues, t));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await authApi.login(parsed.data);
      queryClient.removeQueries();
      const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      await settleLocale(me);
      // replace: going back from the first page never returns to the sign-in form
      await navigate({ to: safeRedirect(search.redirect), replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        setStep('totp');
        setTotp('');
        setTimeout(() => totpRef.current?.focus(), 0);
      } else {
        if (error instanceof ApiError && error.code === 'totp_invalid') setTotp('');
        setErrorKey(signInErrorKey(error));
      }
    } finally {
      setBusy(false);
    }
  };

  // the language chosen here wins; otherwise the account's saved one applies
  const settleLocale = async (me: Me) => {
    if (chosenLocale && chosenLocale !== me.locale) {
      let saved: Me = { ...me, locale: chosenLocale };
      try {
        const updated = await authApi.setLocale(chosenLocale);
        if (updated && 'id' in updated) saved = updated;
      } catch {
        // not saved on the account: this session still keeps the language chosen
      }
      queryClient.setQueryData<Me>(meQuery.queryKey, saved);
      return;
    }
    if (i18n.language !== me.locale) await i18n.changeLanguage(me.locale);
    rememberLocale(me.locale);
  };

  const back = () => {
    setStep('credentials');
    setUseRecovery(false);
    setTotp('');
    setPassword('');
    setErrorKey(null);
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="flex-end" p="sm">
        <LanguageSwitcher onChoose={setChosenLocale} />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <Stack gap="md">
            <Stack gap={4} align="center">
              <Brand size="xl" />
              <Text size="sm" c="dimmed" ta="center">
                {t('app.tagline')}
              </Text>
            </Stack>
            <Title order={1} size="h3" ta="center">
              {heading}
            </Title>
            {search.reason === 'expired' && !attempted ? (
              <Alert
                color="yellow"
                icon={<IconInfoCircle aria-hidden />}
                data-testid="session-expired"
                role="status"
              >
                {t('auth.sessionExpired')}
              </Alert>
            ) : null}
            {search.reason === 'signed_out' && !attempted ? (
              <Alert
                color="teal"
                icon={<IconInfoCircle aria-hidden />}
                data-testid="signed-out"
                role="status"
              >
                {t('auth.signedOut')}
              </Alert>
            ) : null}
            {errorKey ? (
              <Alert
                color="red"
                icon={<IconAlertCircle aria-hidden />}
                data-testid="sign-in-error"
                role="alert"
              >
                {t(errorKey)}
              </Alert>
            ) : null}
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Stack gap="sm">
                {step === 'credentials' ? (
                  <>
                    <TextInput
                      label={t('auth.username')}
                      name="username"
                      autoComplete="username"
                      autoCapitalize="none"
                      spellCheck={false}
                      required
                      dir="ltr"
                      value={username}
                      onChange={(e) => setUsername(e.currentTarget.value)}
                      error={fieldErrors.username}
                      data-testid="username"
                      autoFocus
                    />
                    <PasswordInput
                      label={t('auth.password')}
                      name="password"
                      autoComplete="current-password"
                      required
                      value={password}
                      onChange={(e) => setPassword(e.currentTarget.value)}
                      error={fieldErrors.password}
                      data-testid="password"
                    />
                  </>
                ) : (
                  <>
                    <Text size="sm">{useRecovery ? t('ops.recovery.signInHelp') : t('auth.totpHelp')}</Text>
                    {useRecovery ? (
                      <TextInput
                        ref={totpRef}
                        label={t('ops.recovery.code')}
                        name="recoveryCode"
                        autoComplete="off"
                        maxLength={40}
                        required
                        dir="ltr"
                        value={totp}
                        onChange={(e) => setTotp(e.currentTarget.value)}
                        error={fieldErrors.recoveryCode}
                        data-testid="recovery-code"
                      />
                    ) : (
                      <TextInput
                        ref={totpRef}
                        label={t('auth.totpCode')}
                        name="totp"
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        maxLength={6}
                        required
                        dir="ltr"
                        value={totp}
                        onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
                        error={fieldErrors.totp}
                        data-testid="totp"
                      />
                    )}
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => {
                        setUseRecovery((r) => !r);
                        setTotp('');
                        setErrorKey(null);
                        setTimeout(() => totpRef.current?.focus(), 0);
                      }}
                      data-testid="toggle-recovery"
                    >
                      {useRecovery ? t('ops.recovery.useApp') : t('ops.recovery.useCode')}
                    </Anchor>
                  </>
                )}
                <Button type="submit" loading={busy} fullWidth data-testid="sign-in-submit">
                  {step === 'totp' ? t('auth.verify') : t('auth.signIn')}
                </Button>
                {step === 'totp' ? (
                  <Anchor component="button" type="button" size="sm" onClick={back}>
                    {t('auth.useAnotherAccount')}
                  </Anchor>
                ) : null}
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
