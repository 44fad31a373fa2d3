import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { can } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import { completeFollowUp, useCounsellingRefresh, useOpenFollowUps } from './api.ts';
import { sortFollowUps } from './session-form.ts';
import type { MhpssFollowUp } from './types.ts';

/** The counsellor's open follow-ups, urgent first, each marked done in one click. */
export function FollowUpsList({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const query = useOpenFollowUps();
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const all = sortFollowUps(query.data.items);
  const items = limit ? all.slice(0, limit) : all;
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="no-follow-ups">
        {t('counselling.followUps.none')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="follow-ups">
      {items.map((f) => (
        <FollowUpRow key={f.id} followUp={f} />
      ))}
      {all.length > items.length ? (
        <AnchorLink to="/counselling" size="sm">
          {t('counselling.followUps.seeAll', { n: all.length })}
        </AnchorLink>
      ) : null}
    </Stack>
  );
}

function FollowUpRow({ followUp: f }: { followUp: MhpssFollowUp }) {
  const { t } = useTranslation();
  const refresh = useCounsellingRefresh();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const done = async () => {
    setBusy(true);
    setError(null);
    try {
      await completeFollowUp(f, key);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} data-testid="follow-up" data-urgent={f.urgent || undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {f.urgent ? (
              <Badge color="red" variant="filled" size="sm">
                {t('counselling.followUps.urgent')}
              </Badge>
            ) : null}
            <AnchorLink to="/counselling/$id" params={{ id: f.sessionId }} size="sm" fw={600} truncate>
              {t(`counselling.followUpReasons.${f.reason}`)}
            </AnchorLink>
          </Group>
          <Text size="xs" c={f.overdue ? 'red.8' : 'dimmed'}>
            <bdi>{f.personName}</bdi> · <span className="sanad-ltr">{f.registrationNumber}</span> ·{' '}
            {f.overdue
              ? t('counselling.followUps.overdue', { date: formatDate(f.dueOn) })
              : t('counselling.followUps.due', { date: formatDate(f.dueOn) })}
          </Text>
        </Stack>
        {can(f, 'complete') ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCheck size={14} aria-hidden />}
            loading={busy}
            onClick={() => void done()}
            aria-label={t('counselling.followUps.doneFor', { name: f.personName })}
            data-testid="follow-up-done"
          >
            {t('counselling.followUps.done')}
          </Button>
        ) : null}
      </Group>
      <FormAlert error={error} />
    </Stack>
  );
}
