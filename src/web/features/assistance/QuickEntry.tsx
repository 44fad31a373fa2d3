import { Badge, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import type { Person } from '../registry/api.ts';
import { latinName, RegistrationNumber } from '../registry/PersonParts.tsx';
import type { Distribution, Item } from './api.ts';
import { RecipientRow } from './RecipientRow.tsx';

/** People of the centre's current population matching `q` in any spelling (the server ranks them). */
function usePresentPeople(centreId: string, q: string) {
  return useQuery({
    queryKey: ['persons', 'list', { q, centreId, present: 'true', quick: true }],
    enabled: q.length >= 2,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api.get<Page<Person>>('/persons', { q, centreId, present: 'true', limit: 8 }, signal),
  });
}

/**
 * Keyboard-first entry of recipients: type a name (any spelling) or number, Enter picks the first
 * match, the row offers each item of the event at 1, Enter saves; then the search box again.
 * A rule that warns (same category within its interval) needs a reason before the row saves.
 */
export function QuickEntry({
  distribution,
  items,
  served,
}: {
  distribution: Distribution;
  items: Map<string, Item>;
  served: Set<string>;
}) {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = usePresentPeople(distribution.centreId, q);
  const [person, setPerson] = useState<Person | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const settled = q === search.trim() && !found.isFetching;
  const people = q === search.trim() ? (found.data?.items ?? []) : [];
  // Enter typed before the search settled: pick the first match once it is in
  const [pickWhenReady, setPickWhenReady] = useState(false);
  // the match Enter picks: the first, or another chosen with the arrow keys
  const [active, setActive] = useState(0);

  const pick = (p: Person | undefined) => {
    if (!p) return;
    setPerson(p);
    setLastSaved(null);
  };
  useEffect(() => {
    if (!pickWhenReady || !settled) return;
    setPickWhenReady(false);
    const first = found.data?.items[0];
    if (first) {
      setPerson(first);
      setLastSaved(null);
    }
  }, [pickWhenReady, settled, found.data]);
  const done = (name: string | null) => {
    setPerson(null);
    setSearch('');
    setLastSaved(name);
    // the next person: straight back to the search box
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="quick-entry-title"
      data-testid="quick-entry"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={700} id="quick-entry-title">
            {t('assistance.entry.title')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd>Enter</Kbd> {t('assistance.entry.keys')}
          </Text>
        </Group>
        {lastSaved ? (
          <Text size="sm" c="teal" role="status" data-testid="entry-saved">
            {t('assistance.entry.saved', { name: lastSaved })}
          </Text>
        ) : null}
        {person ? (
          <RecipientRow
            key={person.id}
            person={person}
            distribution={distribution}
            items={items}
            already={served.has(person.id)}
            onDone={(saved) => done(saved ? latinName(person) : null)}
          />
        ) : (
          <>
            <TextInput
              ref={searchRef}
              label={t('assistance.entry.search')}
              description={t('assistance.entry.searchHelp')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              autoFocus
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPickWhenReady(false);
                setActive(0);
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  const step = e.key === 'ArrowDown' ? 1 : -1;
                  setActive((a) => Math.min(Math.max(a + step, 0), Math.max(people.length - 1, 0)));
                }
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (settled && people.length > 0) pick(people[active] ?? people[0]);
                  else if (search.trim().length >= 2) setPickWhenReady(true);
                }
              }}
              data-testid="entry-search"
            />
            {q.length >= 2 && people.length === 0 && !found.isFetching ? (
              <Text size="sm" c="dimmed">
                {t('common.noResults')}
              </Text>
            ) : null}
            <Stack gap={2} data-testid="entry-matches" aria-live="polite">
              {people.map((p, i) => (
                <UnstyledButton
                  key={p.id}
                  onClick={() => pick(p)}
                  data-testid="entry-match"
                  data-active={i === active ? 'true' : undefined}
                  aria-current={i === active ? 'true' : undefined}
                  p={6}
                  style={{
                    borderRadius: 4,
                    background: i === active ? 'var(--mantine-color-gray-1)' : undefined,
                  }}
                >
                  <Group gap="xs" wrap="wrap">
                    <bdi>{latinName(p)}</bdi>
                    {p.fullNameOriginal ? <bdi>{p.fullNameOriginal}</bdi> : null}
                    <RegistrationNumber value={p.registrationNumber} />
                    {served.has(p.id) ? (
                      <Badge size="xs" color="gray">
                        {t('assistance.entry.served')}
                      </Badge>
                    ) : null}
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
