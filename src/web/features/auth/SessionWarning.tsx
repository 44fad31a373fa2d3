import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionClock, sessionPhase, subscribeSessionClock, warningLeadMs } from '../../api/session.ts';
import { authApi } from './api.ts';

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Warns before the session ends for inactivity, with "stay signed in"; once it has ended, says
 * that the page's input is kept and that saving will ask for the password (ReauthDialog).
 */
export function SessionWarning({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const { t } = useTranslation();
  const clock = useSyncExternalStore(subscribeSessionClock, sessionClock);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const state = sessionPhase(clock, now, warningLeadMs(idleTimeoutSeconds));
  if (state.phase === 'unknown' || state.phase === 'active') return null;

  // a refresh after the end meets the expired session: the client opens the sign-in dialog
  const refresh = async () => {
    setBusy(true);
    try {
      await authApi.refreshSession();
    } catch {
      // the banner stays; the next save asks for the password
    } finally {
      setBusy(false);
      setNow(Date.now());
    }
  };

  const expired = state.phase === 'expired';
  const extendable = state.phase === 'warning' && state.extendable;
  return (
    <Paper
      withBorder
      shadow="md"
      p="md"
      radius="md"
      data-testid={expired ? 'session-ended' : 'session-warning'}
      mt="md"
      // sticky at the end of the page: in view while scrolling, never over the page's last button
      style={{
        position: 'sticky',
        bottom: 16,
        marginInlineStart: 'auto',
        zIndex: 190, // above the page, below a dialog (the sign-in dialog covers it)
        width: 380,
        maxWidth: '100%',
        borderColor: 'var(--mantine-color-orange-6)',
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconClockExclamation size={20} aria-hidden color="var(--mantine-color-orange-8)" />
          {/* announced once: the countdown below is not read out every second */}
          <Text fw={600} role="alert">
            {t(expired ? 'session.endedTitle' : 'session.warningTitle')}
          </Text>
        </Group>
        <Text size="sm">
          {expired ? t('session.endedBody') : t(extendable ? 'session.warningBody' : 'session.limitBody')}{' '}
          {state.phase === 'warning' ? (
            <Text span fw={600} aria-hidden data-testid="session-countdown">
              {mmss(state.endsAt - now)}
            </Text>
          ) : null}
        </Text>
        {extendable || expired ? (
          <Group justify="flex-end">
            <Button size="xs" loading={busy} onClick={() => void refresh()} data-testid="stay-signed-in">
              {t(expired ? 'session.signInAgain' : 'session.staySignedIn')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
