import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type TimelineItem, useTimeline } from './api.ts';
import type { PersonPageParts } from './contributions.ts';

const when = (at: string) => (at.length > 10 ? formatDateTime(at) : formatDate(at));

function useDescribe(useDescribeOthers: PersonPageParts['useDescribe']) {
  const { t, i18n } = useTranslation();
  const others = useDescribeOthers();
  return (item: TimelineItem): { title: string; body?: string; link?: ReactNode } => {
    const other = others(item);
    if (other) return other;
    const key = `timeline.kinds.${item.kind}`;
    // later modules add kinds: one this release does not know still shows, by its code
    const title = i18n.exists(key) ? t(key) : item.kind;
    const d = item.detail;
    if (item.kind === 'registration') return { title, body: String(d.registrationNumber ?? '') };
    if (item.kind === 'admission')
      return {
        title,
        body: [d.centreName, d.circumstances ? t(`episode.circumstanceTypes.${d.circumstances}`) : null]
          .filter(Boolean)
          .join(' · '),
      };
    if (typeof d.centreName === 'string') return { title, body: d.centreName };
    return { title };
  };
}

/** The person's history, newest first; each viewer sees only the categories their role may read. */
export function TimelinePanel({
  personId,
  useDescribeOthers,
}: {
  personId: string;
  /** later modules' item kinds (PersonPageParts.useDescribe) */
  useDescribeOthers: PersonPageParts['useDescribe'];
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(personId);
  const describe = useDescribe(useDescribeOthers);
  const items = timeline.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" mb="sm" id="timeline-title">
        {t('timeline.title')}
      </Title>
      {timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      {timeline.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      ) : null}
      <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
        {items.map((item) => {
          const { title, body, link } = describe(item);
          return (
            <Timeline.Item key={item.id} title={title} data-testid="timeline-item" data-kind={item.kind}>
              {body ? (
                <Text size="sm">
                  <bdi>{body}</bdi>
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {when(item.at)}
              </Text>
              {link}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
