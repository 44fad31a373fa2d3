// Risk, flags and statuses shown the same way everywhere: always in words, never by colour alone.
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from './labels.ts';

const RISK_COLOURS: Record<string, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export function RiskBadge({ level, size = 'md' }: { level: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const l = useLocalised();
  if (!level) return null;
  const serious = level === 'high' || level === 'critical';
  return (
    <Badge
      color={RISK_COLOURS[level] ?? 'gray'}
      variant={serious ? 'filled' : 'light'}
      size={size}
      tt="none"
      leftSection={serious ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
      data-testid="risk-level"
      data-level={level}
    >
      {t('protection.riskOf', { level: l.risk(level) })}
    </Badge>
  );
}

export function FlagBadges({ flags, empty }: { flags: readonly string[]; empty?: string }) {
  const l = useLocalised();
  if (flags.length === 0)
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  return (
    <Group gap={4} wrap="wrap" data-testid="flags">
      {flags.map((f) => (
        <Badge
          key={f}
          variant="outline"
          color="grape"
          tt="none"
          leftSection={<IconFlag size={12} aria-hidden />}
          data-testid="flag"
          data-flag={f}
        >
          {l.flag(f)}
        </Badge>
      ))}
    </Group>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  sent: 'blue',
  acknowledged: 'cyan',
  accepted: 'teal',
  declined: 'orange',
  completed: 'green',
  cancelled: 'dark',
  open: 'teal',
  on_hold: 'yellow',
  closed: 'gray',
  done: 'green',
};

/** A referral, case or task status, by its translated word. */
export function StatusBadge({ kind, status }: { kind: 'referral' | 'case' | 'task'; status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status] ?? 'gray'}
      variant="light"
      tt="none"
      // the whole status, never cut to "Awaiting ack…": it wraps in a narrow column instead
      h="auto"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      data-testid={`${kind}-status`}
    >
      {t(`protection.${kind}Statuses.${status}`)}
    </Badge>
  );
}

/** Late: red, with a clock icon and the word, so it does not rely on colour. */
export function OverdueBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="filled"
      tt="none"
      leftSection={<IconClockExclamation size={12} aria-hidden />}
      data-testid="overdue"
    >
      {label ?? t('protection.overdue')}
    </Badge>
  );
}
