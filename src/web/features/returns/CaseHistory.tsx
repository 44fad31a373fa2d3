import { Text, Timeline } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { daysKey, timeline } from './logic.ts';
import type { StateSpan } from './types.ts';

/** Each state the case went through: when, who moved it, the reason given, and the days spent. */
export function CaseHistory({ history }: { history: readonly StateSpan[] }) {
  const { t } = useTranslation();
  const entries = useMemo(() => timeline(history, new Date()), [history]);
  return (
    <Section title={t('returns.history.title')} testId="return-history">
      <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2}>
        {entries.map((s) => {
          const d = daysKey(s.days);
          return (
            <Timeline.Item
              key={`${s.state}-${s.enteredAt}`}
              title={t(`returns.states.${s.state}`)}
              data-testid="history-entry"
              data-state={s.state}
            >
              <Text size="sm" c="dimmed">
                {formatDateTime(s.enteredAt)}
                {' · '}
                {s.byName ? <bdi>{s.byName}</bdi> : t('returns.history.system')}
              </Text>
              <Text size="sm">
                {s.current
                  ? t('returns.history.since', { days: t(d.key, { count: d.n }) })
                  : t(d.key, { count: d.n })}
              </Text>
              {s.reason ? (
                <Text size="sm" dir="auto" fs="italic">
                  {s.reason}
                </Text>
              ) : null}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Section>
  );
}
