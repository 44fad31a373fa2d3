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
import { SearchPick } from './SearchPick.tsx';

const label = (p: Person) =>
  [latinName(p), p.fullNameOriginal, p.registrationNumber].filter(Boolean).join(' · ');

/**
 * Adds a patient to the day's queue: type a name (any spelling, either script) or a number, the
 * first match is highlighted and Enter adds it (arrows choose another; typed before the answer is
 * in, Enter adds the first match once it arrives); then the box is empty for the next one.
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

  // the box stays enabled (and focused) while a patient is added, ready for the next name
  const add = async (person: Person) => {
    if (busy) return;
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
      <SearchPick
        label={t('health.queue.add')}
        description={t('health.queue.addHelp')}
        search={search}
        onSearch={(v) => {
          setSearch(v);
          setError(null);
        }}
        // a match list only once two letters are typed and the server has answered them
        settledQuery={q.length < 2 || found.isFetching ? '\u0000' : q}
        options={people.map((p) => ({ value: p.id, label: <bdi>{label(p)}</bdi> }))}
        loading={found.isFetching || busy}
        onPick={(id) => {
          const p = people.find((x) => x.id === id);
          if (p) void add(p);
        }}
        error={fieldError}
        testId="queue-add"
      />
      {error && !fieldError ? <FormAlert error={error} /> : null}
    </>
  );
}
