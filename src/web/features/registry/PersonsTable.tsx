import { Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonSort } from '../../../domain/registry/schemas.ts';
import { ListTable } from '../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../components/list/SortHeader.tsx';
import type { useCursorList } from '../../components/list/useCursorList.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Person } from './api.ts';
import { countryName } from './codes.ts';
import { ageText, latinName, PersonLink, RegistrationNumber, StatusBadge } from './PersonParts.tsx';

export type Selection = { selected: ReadonlyMap<string, Person>; toggle: (p: Person) => void };

/**
 * A page of people with "load more": the registry's search results and a centre's population.
 * With `sorting`, the name, number, age, nationality and registration-date headers sort the list.
 */
export function PersonsTable({
  list,
  testId,
  showLocation = true,
  selection,
  sorting,
}: {
  list: ReturnType<typeof useCursorList<Person>>;
  testId: string;
  showLocation?: boolean;
  /** a checkbox per person the server lets the user transfer (a centre's bulk transfer) */
  selection?: Selection;
  sorting?: { state: SortState<PersonSort> | undefined; onSort: (next: SortState<PersonSort>) => void };
}) {
  const { t } = useTranslation();
  const th = (column: PersonSort, label: string, inverted = false) =>
    sorting ? (
      <SortHeader column={column} label={label} inverted={inverted} {...sorting} />
    ) : (
      <Table.Th>{label}</Table.Th>
    );
  return (
    <>
      <ListTotal
        first={list.data?.pages[0] as Counted | undefined}
        testId="persons-total"
        keys={{ total: 'registry.total', capped: 'registry.totalCapped' }}
      />
      <ListTable
        testId={testId}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={(showLocation ? 760 : 600) + (sorting ? 120 : 0)}
        head={
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <VisuallyHidden>{t('ops.bulk.select')}</VisuallyHidden>
              </Table.Th>
            ) : null}
            {th('name', t('person.name'))}
            {th('registrationNumber', t('person.registrationNumber'))}
            <Table.Th>{t('person.sex')}</Table.Th>
            {th('birthDate', t('person.age'), true)}
            {th('nationality', t('person.nationality'))}
            {showLocation ? <Table.Th>{t('person.currentLocation')}</Table.Th> : null}
            {sorting ? th('registeredAt', t('person.registeredAt')) : null}
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
            {sorting ? <Table.Td>{formatDate(p.createdAt)}</Table.Td> : null}
          </Table.Tr>
        ))}
      />
    </>
  );
}
