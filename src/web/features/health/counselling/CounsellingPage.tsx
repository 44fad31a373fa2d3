import { Grid, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { SESSIONS } from './api.ts';
import { FollowUpsList } from './FollowUpsList.tsx';
import { BandBadge } from './SessionParts.tsx';
import type { CounsellingSessionListItem } from './types.ts';

/** The counsellor's page: open follow-ups (urgent first) and the sessions, newest first. */
export function CounsellingPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const list = useCursorList<CounsellingSessionListItem>(SESSIONS, {});
  return (
    <RequireCapability capability="counselling:read">
      <PageHeader
        title={t('counselling.title')}
        subtitle={t('counselling.subtitle')}
        actions={
          has('counselling:create') ? (
            <ButtonLink
              to="/counselling/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-session"
            >
              {t('counselling.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Grid>
        {has('follow_ups:read') ? (
          <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('counselling.followUps.title')}
              </Title>
              <FollowUpsList />
            </Paper>
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, lg: has('follow_ups:read') ? 8 : 12 }} order={{ base: 2, lg: 1 }}>
          <Title order={2} size="h4" mb="xs">
            {t('counselling.sessions')}
          </Title>
          <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="sessions-total" />
          <ListTable
            testId="sessions-table"
            label={t('counselling.sessions')}
            count={list.items.length}
            isLoading={list.isPending}
            error={list.error}
            onRetry={() => void list.refetch()}
            hasMore={!!list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            minWidth={640}
            head={
              <Table.Tr>
                <Table.Th>{t('counselling.fields.heldOn')}</Table.Th>
                <Table.Th>{t('counselling.fields.people')}</Table.Th>
                <Table.Th>{t('counselling.fields.centre')}</Table.Th>
                <Table.Th>{t('counselling.fields.band')}</Table.Th>
              </Table.Tr>
            }
            rows={list.items.map((s) => (
              <Table.Tr key={s.id} data-testid="session-row">
                <Table.Td className="sanad-nowrap">
                  <AnchorLink to="/counselling/$id" params={{ id: s.id }} data-testid="session-link">
                    {formatDate(s.heldOn)}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {t(`counselling.kinds.${s.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {s.people.map((p) => (
                    <Text key={p.id} size="sm">
                      <bdi>{p.name}</bdi>
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <bdi>{s.centreName}</bdi>
                </Table.Td>
                <Table.Td>
                  <BandBadge score={s.score} band={s.band} urgent={s.urgent} />
                </Table.Td>
              </Table.Tr>
            ))}
          />
        </Grid.Col>
      </Grid>
    </RequireCapability>
  );
}
