import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useEpisodes } from './api.ts';

/** Every detention episode the user may see, oldest first: where, from when, until when and why. */
export function EpisodesTable({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const episodes = useEpisodes(personId);
  const items = episodes.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="episodes-title">
      <Title order={2} size="h4" mb="sm" id="episodes-title">
        {t('episode.title')}
      </Title>
      {episodes.isError ? (
        <ErrorState error={episodes.error} onRetry={() => void episodes.refetch()} />
      ) : null}
      {episodes.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('episode.none')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <ScrollTable minWidth={560} label={t('episode.title')}>
          <Table striped verticalSpacing="xs" data-testid="episodes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.centre')}</Table.Th>
                <Table.Th>{t('episode.admittedOn')}</Table.Th>
                <Table.Th>{t('episode.circumstances')}</Table.Th>
                <Table.Th>{t('episode.endedOn')}</Table.Th>
                <Table.Th>{t('episode.endReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id} data-testid="episode-row">
                  <Table.Td>
                    <AnchorLink to="/centres/$id" params={{ id: e.centreId }} size="sm">
                      <bdi>{e.centreName}</bdi>
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(e.admittedOn)}</Table.Td>
                  <Table.Td>{t(`episode.circumstanceTypes.${e.circumstances}`)}</Table.Td>
                  <Table.Td>
                    {e.endedOn ? (
                      formatDate(e.endedOn)
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('episode.open')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.endReason ? t(`episode.endReasons.${e.endReason}`) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Paper>
  );
}
