import { Badge, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/list/ListParts.tsx';
import { Section } from '../../components/Section.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { latinName, RegistrationNumber } from '../registry/PersonParts.tsx';
import { useDistributionPeople } from './api.ts';
import { PersonLink } from './PersonLink.tsx';

/** The most the event lists at once (the server's limit); a larger centre is searched by name. */
const LISTED = 500;

/**
 * The people held at the event's centre on its day, each marked when served here; optionally only
 * the others. From the event itself, so whoever records it sees them; names link to the person
 * only for those who read the registry.
 */
export function CentrePeople({ distributionId, served }: { distributionId: string; served: Set<string> }) {
  const { t } = useTranslation();
  const [onlyWaiting, setOnlyWaiting] = useState(true);
  const list = useDistributionPeople(distributionId, '', LISTED);
  const people = list.data?.items ?? [];
  const isServed = (p: { id: string; served: boolean }) => p.served || served.has(p.id);
  const shown = onlyWaiting ? people.filter((p) => !isServed(p)) : people;
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
      {list.data ? (
        <Text size="sm" c="dimmed" mb="xs" aria-live="polite" data-testid="centre-people-total">
          {t('assistance.people.total', {
            n: formatNumber(list.data.total),
            served: formatNumber(list.data.served),
          })}
          {list.data.total > people.length
            ? ` ${t('assistance.people.firstListed', { n: formatNumber(people.length) })}`
            : ''}
        </Text>
      ) : null}
      <ListTable
        testId="centre-people-table"
        label={t('assistance.people.title')}
        framed={false}
        count={shown.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={false}
        loadingMore={false}
        onLoadMore={() => undefined}
        minWidth={480}
        head={
          <Table.Tr>
            <Table.Th>{t('assistance.lines.person')}</Table.Th>
            <Table.Th>{t('assistance.people.served')}</Table.Th>
          </Table.Tr>
        }
        rows={shown.map((p) => (
          <Table.Tr key={p.id} data-testid="centre-person" data-served={isServed(p) ? 'true' : undefined}>
            <Table.Td>
              <Group gap="xs" wrap="wrap">
                <PersonLink id={p.id} name={latinName(p)} />
                {p.fullNameOriginal ? (
                  <Text size="sm" c="dimmed" span>
                    <bdi>{p.fullNameOriginal}</bdi>
                  </Text>
                ) : null}
                <RegistrationNumber value={p.registrationNumber} />
              </Group>
            </Table.Td>
            <Table.Td>
              {isServed(p) ? (
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
