import { Button, Center, Container, EmptyState, Loader, Stack } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { type ErrorComponentProps, Outlet, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState.tsx';
import { ButtonLink } from '../components/links.tsx';
import { LanguageSync } from './LanguageSync.tsx';

export function RootLayout() {
  return (
    <>
      <LanguageSync />
      <Outlet />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <EmptyState
        data-testid="not-found"
        icon={<IconMapQuestion size={32} aria-hidden />}
        title={t('errors.pageNotFoundTitle')}
        description={t('errors.pageNotFoundBody')}
      >
        <ButtonLink to="/" variant="light" mt="md">
          {t('nav.home')}
        </ButtonLink>
      </EmptyState>
    </Center>
  );
}

/** Errors thrown while loading a route (e.g. /me unreachable): explain and offer a retry. */
export function RootErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorState error={error} onRetry={() => router.invalidate()} />
        <Button variant="subtle" onClick={() => router.navigate({ to: '/sign-in' })}>
          {t('auth.goToSignIn')}
        </Button>
      </Stack>
    </Container>
  );
}

export function PendingPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
