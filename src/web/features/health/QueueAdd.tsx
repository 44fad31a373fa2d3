import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, newIdempotencyKey, type Page } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { serverErrors } from '../../components/form/fieldErrors.ts';
import { type Person, RESOURCE } from '../registry/api.ts';
import { latinName } from '../registry/PersonParts.tsx';
import { addToQueue, type ClinicSession } from './api.ts';

const label = (p: Person) =>
  [latinName(p), p.fullNameOriginal, p.registrationNumber].filter(Boolean).join(' · ');

/**
 * Adds a patient to the day's queue: type a name (any spelling, either script) or a number, the
 * first match is highlighted and Enter adds it (arrows choose another); then the box is empty for
 * the next one.
 */
export function QueueAdd({ session, onAdded }: { session: ClinicSession; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // one key per patient added: a retry after a lost answer cannot queue them twice
  const keyRef = useRef(newIdempotencyKey());
  const found = useQuery({
    queryKey: [RESOURCE, 'list', { q, pick: true }],
    enabled: q.length >= 2,
    queryFn: ({ signal }) => api.get<Page<Person>>(`/${RESOURCE}`, { q, limit: 10 }, signal),
    staleTime: 30_000,
  });
  const queued = useMemo(() => new Set(session.queue.map((e) => e.personId)), [session.queue]);
  const people = (found.data?.items ?? []).filter((p) => p.status === 'active' && !queued.has(p.id));

  const add = async (person: Person) => {
    setBusy(true);
    setError(null);
    try {
      await addToQueue(session.id, person.id, keyRef.current);
      keyRef.current = newIdempotencyKey();
      setSearch('');
      await onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // e.g. "not held at this centre on the day", beside the search
  const fieldError = error instanceof ApiError ? serverErrors(error.errors, t).personId : undefined;

  return (
    <>
      <Select
        label={t('health.queue.add')}
        description={t('health.queue.addHelp')}
        placeholder={t('registry.searchPlaceholder')}
        searchable
        value={null}
        searchValue={search}
        onSearchChange={(v) => {
          setSearch(v);
          setError(null);
        }}
        // the server ranks every spelling; the input's own filter would hide Arabic-script matches
        filter={({ options }) => options}
        selectFirstOptionOnChange
        data={people.map((p) => ({ value: p.id, label: label(p) }))}
        onChange={(id) => {
          const p = people.find((x) => x.id === id);
          if (p) void add(p);
        }}
        disabled={busy}
        rightSection={
          found.isFetching || busy ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined
        }
        nothingFoundMessage={
          q.length >= 2 && !found.isFetching ? t('common.noResults') : t('registry.typeToSearch')
        }
        error={fieldError}
        data-testid="queue-add"
      />
      {error && !fieldError ? <FormAlert error={error} /> : null}
    </>
  );
}
