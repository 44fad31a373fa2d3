import { Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ButtonLink } from '../../../components/links.tsx';
import { Panel } from '../../../components/panels.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { AwaitingReferral as Awaiting } from '../api.ts';
import { FlaggedPersonRow } from './FlaggedPersonRow.tsx';

const LIMIT = 10;

/**
 * Home panel: people in the reader's scope whose latest screening raised a flag and who have no
 * referral under way, most serious first, each with "Refer" when the server allows it.
 */
export function AwaitingReferral() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['screenings', 'awaiting-referral'],
    queryFn: ({ signal }) =>
      api.get<Page<Awaiting>>('/screenings/awaiting-referral', { limit: LIMIT }, signal),
  });
  const items = query.data?.items ?? [];
  return (
    <Panel title={t('protection.awaitingTitle')} testId="awaiting-referral">
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('protection.awaitingNone')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {items.map((a) => (
          <FlaggedPersonRow
            key={a.personId}
            person={a}
            testId="awaiting-person"
            detail={
              <Text size="xs" c="dimmed">
                {t('protection.screenedOn', { date: formatDate(a.screenedOn) })}
              </Text>
            }
            action={
              a.allowedActions.includes('referrals:create') ? (
                <ButtonLink
                  size="compact-sm"
                  variant="light"
                  to="/persons/$id"
                  params={{ id: a.personId }}
                  search={{ tab: 'protection', refer: a.recommendedService ?? undefined }}
                  leftSection={<IconSend size={14} aria-hidden />}
                  data-testid="awaiting-refer"
                >
                  {t('referral.refer')}
                </ButtonLink>
              ) : null
            }
          />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {query.data?.nextCursor ? t('protection.awaitingMore', { n: LIMIT }) : t('protection.awaitingHelp')}
      </Text>
    </Panel>
  );
}
