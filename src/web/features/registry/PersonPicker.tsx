import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import { type Person, RESOURCE } from './api.ts';
import { countryName } from './codes.ts';
import { latinName } from './PersonParts.tsx';

const label = (p: Person) =>
  [latinName(p), p.fullNameOriginal, p.registrationNumber, countryName(p.nationality)]
    .filter(Boolean)
    .join(' · ');

/** Finds a registered person by number or any spelling, and picks one (ranked by the server). */
export function PersonPicker({
  label: inputLabel,
  description,
  onPick,
  exclude = [],
  error,
  testId,
}: {
  label: string;
  description?: string;
  onPick: (person: Person) => void;
  exclude?: readonly string[];
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: [RESOURCE, 'list', { q, pick: true }],
    enabled: q.length >= 2,
    queryFn: ({ signal }) => api.get<Page<Person>>(`/${RESOURCE}`, { q, limit: 10 }, signal),
    staleTime: 30_000,
  });
  const people = useMemo(
    () => (found.data?.items ?? []).filter((p) => !exclude.includes(p.id) && p.status === 'active'),
    [found.data, exclude],
  );
  return (
    <Select
      label={inputLabel}
      description={description}
      placeholder={t('registry.searchPlaceholder')}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      // the server ranks every spelling; the input's own filter would hide Arabic-script matches
      filter={({ options }) => options}
      data={people.map((p) => ({ value: p.id, label: label(p) }))}
      onChange={(id) => {
        const p = people.find((x) => x.id === id);
        if (p) {
          onPick(p);
          setSearch('');
        }
      }}
      rightSection={found.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      nothingFoundMessage={
        q.length >= 2 && !found.isFetching ? t('common.noResults') : t('registry.typeToSearch')
      }
      error={error}
      data-testid={testId}
    />
  );
}
