import { Alert, Badge, Group, List, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconUserCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_THRESHOLDS } from '../../../domain/registry/duplicates.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { type DuplicateCandidate, type DuplicateQuery, useDuplicates } from './api.ts';
import { PersonFacts, PersonName } from './PersonParts.tsx';
import { describeReason, type Tone } from './reasons.ts';

const TONE_ICON: Record<Tone, typeof IconCheck> = { for: IconCheck, against: IconX, neutral: IconMinus };
const TONE_COLOR: Record<Tone, string> = { for: 'teal', against: 'red', neutral: 'gray' };

/** People who may already be registered, best first, each saying why; updated as the form fills. */
export function DuplicatePanel({
  query,
  likelyAt = DUPLICATE_THRESHOLDS.likely,
}: {
  query: DuplicateQuery | null;
  /** the mission's threshold for "likely the same person" */
  likelyAt?: number;
}) {
  const { t } = useTranslation();
  const found = useDuplicates(query);
  const items = query ? (found.data?.items ?? []) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="duplicates-title" data-testid="duplicates">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="duplicates-title">
            {t('duplicates.title')}
          </Title>
          {found.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        </Group>
        <div aria-live="polite">
          {!query ? (
            <Text size="sm" c="dimmed">
              {t('duplicates.startTyping')}
            </Text>
          ) : found.isError ? (
            <ErrorState error={found.error} onRetry={() => void found.refetch()} />
          ) : found.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="duplicates-none">
              {t('duplicates.none')}
            </Text>
          ) : items.length > 0 ? (
            <Text size="sm" fw={500}>
              {t('duplicates.found', { n: formatNumber(items.length) })}
            </Text>
          ) : null}
        </div>
        {items.map((c) => (
          <Candidate key={c.person.id} candidate={c} likelyAt={likelyAt} />
        ))}
      </Stack>
    </Paper>
  );
}

function Candidate({ candidate: c, likelyAt }: { candidate: DuplicateCandidate; likelyAt: number }) {
  const { t } = useTranslation();
  const p = c.person;
  const likely = c.score >= likelyAt;
  const percent = Math.round(c.score * 100);
  return (
    <Paper
      withBorder
      p="sm"
      bg={likely ? 'var(--mantine-color-orange-light)' : undefined}
      data-testid="candidate"
    >
      <Stack gap={6}>
        <PersonName person={p} strong />
        {likely ? (
          <Badge
            color="orange"
            tt="none"
            w="fit-content"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            data-testid="candidate-likely"
          >
            {t('duplicates.likely')}
          </Badge>
        ) : null}
        <PersonFacts person={p} />
        <Text size="sm">
          {p.current ? (
            <>
              {t('person.currentLocation')}: <bdi>{p.current.centreName}</bdi>
            </>
          ) : (
            t('person.notDetained')
          )}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={percent}
            color={likely ? 'orange' : 'gray'}
            style={{ flexGrow: 1 }}
            aria-label={t('duplicates.score')}
            data-testid="candidate-score"
          />
          <Text size="xs" fw={600} miw={36} ta="end">
            {t('duplicates.percent', { n: percent })}
          </Text>
        </Group>
        <List size="xs" spacing={2} data-testid="candidate-reasons">
          {c.reasons.map((code) => {
            const r = describeReason(code, t);
            const Icon = TONE_ICON[r.tone];
            return (
              <List.Item
                key={code}
                icon={<Icon size={14} color={`var(--mantine-color-${TONE_COLOR[r.tone]}-6)`} aria-hidden />}
              >
                {r.text}
              </List.Item>
            );
          })}
        </List>
        {p.status === 'active' ? (
          <ButtonLink
            to="/persons/$id"
            params={{ id: p.id }}
            search={{ found: true }}
            size="xs"
            variant={likely ? 'filled' : 'light'}
            color="orange"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            data-testid="same-person"
          >
            {t('duplicates.samePerson')}
          </ButtonLink>
        ) : (
          <Alert color="gray" p="xs">
            {t(`person.statuses.${p.status}`)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
