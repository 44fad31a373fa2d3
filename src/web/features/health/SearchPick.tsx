import { Loader, Paper, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextActive } from './logic.ts';

export interface PickOption {
  value: string;
  label: ReactNode;
}

/**
 * A search box whose matches come from the server: the first match is highlighted, arrows move,
 * Enter picks (typed before the answer is in, it picks the first match once it arrives), Escape
 * clears. An ARIA combobox, so screen readers announce the highlighted match.
 */
export function SearchPick({
  label,
  description,
  search,
  onSearch,
  settledQuery,
  options,
  loading,
  onPick,
  error,
  disabled,
  testId,
  inputRef,
}: {
  label: string;
  description?: string;
  search: string;
  onSearch: (v: string) => void;
  /** the query the options answer: Enter waits while the typed text is ahead of it */
  settledQuery: string;
  options: readonly PickOption[];
  loading: boolean;
  onPick: (value: string) => void;
  error?: string;
  disabled?: boolean;
  testId: string;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [active, setActive] = useState(0);
  const [pickWhenReady, setPickWhenReady] = useState(false);
  const settled = settledQuery === search.trim() && !loading;
  const shown = settledQuery === search.trim() ? options : [];
  const open = search.trim().length > 0;

  const pick = (value: string | undefined) => {
    if (!value) return;
    onPick(value);
    setActive(0);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the awaited answer lands, not when `onPick` changes
  useEffect(() => {
    if (!pickWhenReady || !settled) return;
    setPickWhenReady(false);
    pick(options[0]?.value);
  }, [pickWhenReady, settled, options]);

  return (
    <div>
      <TextInput
        ref={inputRef}
        label={label}
        description={description}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={loading ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
        value={search}
        disabled={disabled}
        error={error}
        autoComplete="off"
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={open && shown.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onSearch(e.currentTarget.value);
          setActive(0);
          setPickWhenReady(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => nextActive(a, e.key === 'ArrowDown' ? 1 : -1, shown.length));
          } else if (e.key === 'Escape' && search) {
            e.preventDefault();
            onSearch('');
          } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            if (settled && shown.length > 0) pick(shown[active]?.value ?? shown[0]?.value);
            else if (search.trim()) setPickWhenReady(true);
          }
        }}
        data-testid={testId}
      />
      {open && shown.length > 0 ? (
        <Paper
          withBorder
          mt={4}
          p={4}
          role="listbox"
          id={listId}
          aria-label={label}
          data-testid={`${testId}-options`}
        >
          {shown.map((o, i) => (
            <UnstyledButton
              key={o.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o.value)}
              data-active={i === active ? 'true' : undefined}
              data-testid={`${testId}-option`}
              w="100%"
              p={6}
              style={{
                borderRadius: 4,
                background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
              }}
            >
              {o.label}
            </UnstyledButton>
          ))}
        </Paper>
      ) : null}
      {open && settled && shown.length === 0 ? (
        <Text size="sm" c="dimmed" p={6} role="status">
          {t('common.noResults')}
        </Text>
      ) : null}
    </div>
  );
}
