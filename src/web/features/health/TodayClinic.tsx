import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDoorEnter, IconStethoscope } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client.ts';
import { ErrorState, FormAlert } from '../../components/ErrorState.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  openSession,
  type Schedule,
  type SessionSummary,
  type TodayClinics,
  useCentreName,
  useSessionRefresh,
  useTodayClinics,
} from './api.ts';
import { QueueCounts } from './parts.tsx';

/** The page /clinic: today's sessions in the reader's centres and those scheduled but not opened. */
export function ClinicPage() {
  const { t } = useTranslation();
  return (
    <RequireCapability capability="clinic_sessions:read">
      <PageHeader title={t('health.today.title')} subtitle={t('health.today.subtitle')} />
      <TodayClinic />
    </RequireCapability>
  );
}

export function TodayClinic() {
  const { t } = useTranslation();
  const today = useTodayClinics();
  if (today.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (today.isError) return <ErrorState error={today.error} onRetry={() => void today.refetch()} />;
  const d = today.data;
  return (
    <Stack gap="sm" data-testid="today-clinic">
      <Text size="sm" c="dimmed">
        {formatDate(d.today)}
      </Text>
      {d.sessions.map((s) => (
        <SessionCard key={s.id} session={s} />
      ))}
      {d.scheduled.map((s) => (
        <ScheduledCard key={s.id} schedule={s} today={d} />
      ))}
      {d.sessions.length === 0 && d.scheduled.length === 0 ? (
        <Text c="dimmed" data-testid="no-clinic-today">
          {t('health.today.none')}
        </Text>
      ) : null}
    </Stack>
  );
}

function SessionCard({ session: s }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const centreName = useCentreName();
  return (
    <Paper withBorder p="sm" data-testid="clinic-session-card">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>
              <bdi>{centreName(s.centreId, s.centreName)}</bdi>
            </Text>
            <Badge color={s.status === 'open' ? 'teal' : 'gray'} variant="light">
              {t(`health.sessionStatuses.${s.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <bdi>{s.stockPointName}</bdi>
            {s.staff.length > 0 ? (
              <>
                {' · '}
                <bdi>{s.staff.map((x) => x.name).join(', ')}</bdi>
              </>
            ) : null}
          </Text>
          <QueueCounts counts={s.counts} />
        </Stack>
        <ButtonLink
          to="/clinic-sessions/$id"
          params={{ id: s.id }}
          leftSection={<IconStethoscope size={16} aria-hidden />}
          variant={s.status === 'open' ? 'filled' : 'light'}
          data-testid="open-queue"
        >
          {t('health.today.openQueue')}
        </ButtonLink>
      </Group>
    </Paper>
  );
}

/** A clinic due today and not opened yet: whoever may open sessions opens it here. */
function ScheduledCard({ schedule: s, today }: { schedule: Schedule; today: TodayClinics }) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const navigate = useNavigate();
  const refresh = useSessionRefresh();
  const [key] = useState(newIdempotencyKey);
  const centreName = useCentreName();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const session = await openSession(
        { centreId: s.centreId, heldOn: today.today, stockPointId: s.stockPointId },
        key,
      );
      await refresh(session);
      await navigate({ to: '/clinic-sessions/$id', params: { id: session.id } });
    } catch (e) {
      // someone else opened it meanwhile: the list shows their session
      if (isApiError(e, 409)) await refresh();
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm" data-testid="clinic-scheduled-card">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>
              <bdi>{centreName(s.centreId, s.centreName)}</bdi>
            </Text>
            <Badge color="gray" variant="light">
              {t('health.today.scheduled')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <span className="sanad-ltr">{s.startsAt}</span> · <bdi>{s.stockPointName}</bdi>
          </Text>
        </Stack>
        {has('clinic_sessions:create') ? (
          <Button
            onClick={() => void open()}
            loading={busy}
            leftSection={<IconDoorEnter size={16} aria-hidden />}
            data-testid="open-session"
          >
            {t('health.today.openSession')}
          </Button>
        ) : null}
      </Group>
      {error ? <FormAlert error={error} /> : null}
    </Paper>
  );
}
