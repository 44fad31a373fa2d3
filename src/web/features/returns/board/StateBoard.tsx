import { Badge, Card, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.ts';
import type { Board } from './api.ts';
import { PHASE_KEYS, PHASES, roundDays } from './logic.ts';

type Row = Board['states'][number];

/** One state: how many cases are in it and the median days they have been there. */
function StateCard({ s }: { s: Row }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={`board-state-${s.state}`} data-count={s.count}>
      <Text size="sm" fw={600} lineClamp={2}>
        {t(`returnsBoard.states.${s.state}`)}
      </Text>
      <Group justify="space-between" align="flex-end" mt={4} wrap="nowrap">
        <Text size="xl" fw={700} data-testid="board-count">
          {formatNumber(s.count)}
        </Text>
        <Text size="xs" c="dimmed" ta="end">
          {s.medianDays === null
            ? t('returnsBoard.noMedian')
            : t('returnsBoard.medianDays', { days: formatNumber(roundDays(s.medianDays)) })}
        </Text>
      </Group>
    </Card>
  );
}

/** The same on a phone: one line per state, in a vertical list. */
function StateLine({ s }: { s: Row }) {
  const { t } = useTranslation();
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      py={6}
      data-testid={`board-state-${s.state}`}
      data-count={s.count}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Text size="sm">{t(`returnsBoard.states.${s.state}`)}</Text>
      <Group gap="xs" wrap="nowrap">
        {s.medianDays !== null ? (
          <Text size="xs" c="dimmed">
            {t('returnsBoard.medianDays', { days: formatNumber(roundDays(s.medianDays)) })}
          </Text>
        ) : null}
        <Badge variant={s.count ? 'filled' : 'light'} color={s.count ? 'blue.8' : 'gray'} miw={36}>
          {formatNumber(s.count)}
        </Badge>
      </Group>
    </Group>
  );
}

/** Columns of states grouped by phase (a vertical list on a phone). */
export function StateBoard({ states }: { states: Board['states'] }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const at = new Map(states.map((s) => [s.state, s]));
  const phases = PHASES.map((p) => ({
    ...p,
    rows: p.states.map((s) => at.get(s)).filter((s): s is Row => !!s),
  }));
  if (phone)
    return (
      <Stack gap="md" data-testid="board-states">
        {phases.map((p) => (
          <div key={p.key}>
            <Title order={3} size="h6" c="dimmed" tt="uppercase">
              {t(PHASE_KEYS[p.key])}
            </Title>
            {p.rows.map((s) => (
              <StateLine key={s.state} s={s} />
            ))}
          </div>
        ))}
      </Stack>
    );
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid="board-states">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {phases.map((p) => (
          <Paper key={p.key} withBorder p="sm" bg="var(--mantine-color-default-hover)" miw={200}>
            <Title order={3} size="h6" c="dimmed" tt="uppercase" mb="xs">
              {t(PHASE_KEYS[p.key])}
            </Title>
            <Stack gap="xs" w={p.key === 'preparation' ? 420 : 200}>
              {p.key === 'preparation' ? (
                <Group gap="xs" align="stretch" wrap="wrap">
                  {p.rows.map((s) => (
                    <div key={s.state} style={{ width: 205 }}>
                      <StateCard s={s} />
                    </div>
                  ))}
                </Group>
              ) : (
                p.rows.map((s) => <StateCard key={s.state} s={s} />)
              )}
            </Stack>
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}
