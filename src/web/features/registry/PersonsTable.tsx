import { Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/list/ListParts.tsx';
import type { useCursorList } from '../../components/list/useCursorList.ts';
import type { Person } from './api.ts';
import { countryName } from './codes.ts';
import { ageText, latinName, PersonLink, RegistrationNumber, StatusBadge } from './PersonParts.tsx';

export type Selection = { selected: ReadonlyMap<string, Person>; toggle: (p: Person) => void };

/** A page of people with "load more": the registry's search results and a centre's population. */
export function PersonsTable({
  list,
  testId,
  showLocation = true,
  selection,
}: {
  list: ReturnType<typeof useCursorList<Person>>;
  testId: string;
  showLocation?: boolean;
  /** a checkbox per person the server lets the user transfer (a centre's bulk transfer) */
  selection?: Selection;
}) {
  const { t } = useTranslation();
  return (
    <ListTable
      testId={testId}
      count={list.items.length}
      isLoading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      hasMore={!!list.hasNextPage}
      loadingMore={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
      minWidth={showLocation ? 760 : 600}
      head={
        <Table.Tr>
          {selection ? (
            <Table.Th w={40}>
              <VisuallyHidden>{t('ops.bulk.select')}</VisuallyHidden>
            </Table.Th>
          ) : null}
          <Table.Th>{t('person.name')}</Table.Th>
          <Table.Th>{t('person.registrationNumber')}</Table.Th>
          <Table.Th>{t('person.sex')}</Table.Th>
          <Table.Th>{t('person.age')}</Table.Th>
          <Table.Th>{t('person.nationality')}</Table.Th>
          {showLocation ? <Table.Th>{t('person.currentLocation')}</Table.Th> : null}
        </Table.Tr>
      }
      rows={list.items.map((p) => (
        <Table.Tr key={p.id} data-testid="person-row">
          {selection ? (
            <Table.Td>
              <Checkbox
                aria-label={t('ops.bulk.selectOne', { name: latinName(p) })}
                disabled={!p.allowedActions.includes('transfer')}
                checked={selection.selected.has(p.id)}
                onChange={() => selection.toggle(p)}
                data-testid="person-select"
              />
            </Table.Td>
          ) : null}
          <Table.Td>
            <PersonLink person={p} />
            <StatusBadge status={p.status} />
          </Table.Td>
          <Table.Td>
            <RegistrationNumber value={p.registrationNumber} />
          </Table.Td>
          <Table.Td>{t(`person.sexes.${p.sex}`)}</Table.Td>
          <Table.Td>{ageText(p, t)}</Table.Td>
          <Table.Td>{countryName(p.nationality)}</Table.Td>
          {showLocation ? (
            <Table.Td>
              <Text size="sm">
                <bdi>{p.current?.centreName ?? t('person.notDetained')}</bdi>
              </Text>
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    />
  );
}
