import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { serverReachable, subscribeReachable } from '../api/connectivity.ts';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** The device's connection (navigator.onLine) and whether the server answered the last request. */
export function useConnection(): 'online' | 'offline' | 'unreachable' {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const reachable = useSyncExternalStore(subscribeReachable, serverReachable);
  return !online ? 'offline' : reachable ? 'online' : 'unreachable';
}

/** Says the app is offline, and that what was typed stays on the page until it can be saved. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const connection = useConnection();
  if (connection === 'online') return null;
  return (
    <Alert
      color="orange"
      icon={<IconWifiOff aria-hidden />}
      title={t(connection === 'offline' ? 'offline.title' : 'offline.unreachableTitle')}
      role="status"
      mb="md"
      data-testid="offline-banner"
    >
      {t('offline.body')}
    </Alert>
  );
}
