import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client.ts';

/** Forbidden page body: shown for a 403, or when navigation reaches a page the user's capabilities exclude. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      icon={<IconLock aria-hidden />}
      title={t('errors.forbiddenTitle')}
      data-testid="forbidden"
      role="alert"
    >
      {t('errors.forbiddenBody')}
    </Alert>
  );
}

/** What went wrong with a read, in the user's language, with a retry when retrying can help. */
export function ErrorState({
  error,
  onRetry,
  saving = false,
}: {
  error: unknown;
  onRetry?: () => void;
  /** the failed request was a save (a form's), not a read */
  saving?: boolean;
}) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  const network = error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
  const notFound = error instanceof ApiError && error.status === 404;
  // the request never left this device: say so, rather than blame the server
  const offline = error instanceof NetworkError && !navigator.onLine;
  const [title, body] = offline
    ? ['offline.title', saving ? 'offline.saveBody' : 'offline.listBody']
    : network
      ? ['errors.networkTitle', 'errors.networkBody']
      : notFound
        ? ['errors.notFoundTitle', 'errors.notFoundBody']
        : ['errors.genericTitle', 'errors.genericBody'];
  return (
    <Alert
      color={notFound ? 'gray' : 'red'}
      icon={network ? <IconWifiOff aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={t(title)}
      data-testid={offline ? 'offline-error' : 'error-state'}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{t(body)}</Text>
        {error instanceof ApiError && !network && error.detail ? (
          <Text size="xs" c="dimmed">
            {t('errors.serverDetail')}: <bdi>{error.detail}</bdi>
          </Text>
        ) : null}
        {onRetry && !notFound ? (
          <Group>
            <Button size="xs" variant="light" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** The request-level error of a form (validation errors are shown beside their fields). */
export function FormAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  // 409 is also used for duplicates (a unique name): only a stale version means "someone else changed it"
  const stale =
    error instanceof ApiError &&
    error.status === 409 &&
    (error.code === 'stale_version' || (!error.code && error.errors.length === 0));
  if (stale)
    return (
      <Alert color="orange" title={t('errors.conflictTitle')} data-testid="conflict" role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('errors.conflictBody')}</Text>
          <Group>
            <Button size="xs" variant="light" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  if (error instanceof ApiError && (error.status === 400 || error.status === 409 || error.status === 422))
    return (
      <Alert color="red" title={t('errors.validationTitle')} data-testid="form-error" role="alert">
        <Text size="sm">{t('errors.validationBody')}</Text>
        {error.detail ? (
          <Text size="xs" c="dimmed">
            {t('errors.serverDetail')}: <bdi>{error.detail}</bdi>
          </Text>
        ) : null}
      </Alert>
    );
  return <ErrorState error={error} saving />;
}
