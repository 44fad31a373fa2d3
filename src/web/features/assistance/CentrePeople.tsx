import { Badge, Group, Switch, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { ListTable } from '../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../components/list/ListTotal.tsx';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { Section } from '../../components/Section.tsx';
import type { Person } from '../registry/api.ts';
import { latinName, RegistrationNumber } from '../registry/PersonParts.tsx';

/** The centre's people present now, each marked when served at this event; optionally only the others. */
export function CentrePeople({ centreId, served }: { centreId: string; served: Set<string> }) {
  const { t } = useTranslation();
  const [onlyWaiting, setOnlyWaiting] = useState(true);
  const list = useCursorList<Person>(
    'persons',
    { centreId, present: 'true', sort: 'name', order: 'asc' },
    50,
  );
  const shown = onlyWaiting ? list.items.filter((p) => !served.has(p.id)) : list.items;
  return (
    <Section
      title={t('assistance.people.title')}
      testId="centre-people"
      actions={
        <Switch
          label={t('assistance.people.onlyWaiting')}
          checked={onlyWaiting}
          onChange={(e) => setOnlyWaiting(e.currentTarget.checked)}
          data-testid="only-waiting"
        />
      }
    >
      <ListTotal
        first={list.data?.pages[0] as Counted | undefined}
        testId="centre-people-total"
        keys={{ total: 'assistance.people.total', capped: 'assistance.people.totalCapped' }}
      />
      <ListTable
        testId="centre-people-table"
        label={t('assistance.people.title')}
        framed={false}
        count={shown.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={480}
        head={
          <Table.Tr>
            <Table.Th>{t('assistance.lines.person')}</Table.Th>
            <Table.Th>{t('assistance.people.served')}</Table.Th>
          </Table.Tr>
        }
        rows={shown.map((p) => (
          <Table.Tr
            key={p.id}
            data-testid="centre-person"
            data-served={served.has(p.id) ? 'true' : undefined}
          >
            <Table.Td>
              <Group gap="xs" wrap="wrap">
                <AnchorLink to="/persons/$id" params={{ id: p.id }} size="sm">
                  <bdi>{latinName(p)}</bdi>
                </AnchorLink>
                <RegistrationNumber value={p.registrationNumber} />
              </Group>
            </Table.Td>
            <Table.Td>
              {served.has(p.id) ? (
                <Badge color="teal" variant="light">
                  {t('assistance.entry.served')}
                </Badge>
              ) : (
                <Badge color="gray" variant="outline">
                  {t('assistance.people.waiting')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </Section>
  );
}
