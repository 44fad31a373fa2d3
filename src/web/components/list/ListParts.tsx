import { Badge, Group, Loader, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ErrorState.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { ScrollTable } from './ScrollTable.tsx';

/** Search box whose value settles (debounced) before it reaches the query. */
export function SearchBox({
  onSearch,
  label,
  placeholder,
  autoFocus,
  initial = '',
}: {
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** e.g. a search carried in the address */
  initial?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [debounced] = useDebouncedValue(value.trim(), 300);
  useEffect(() => onSearch(debounced || undefined), [debounced, onSearch]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      autoFocus={autoFocus}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      type="search"
      data-testid="search"
      miw={220}
      style={{ flexGrow: 1 }}
    />
  );
}

export function Filters({ children }: { children: ReactNode }) {
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      {children}
    </Group>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? t('directory.active') : t('directory.inactive')}
    </Badge>
  );
}

/** Table frame shared by the directory lists: loading, error, empty, rows and "load more". */
export function ListTable({
  head,
  rows,
  count,
  isLoading,
  error,
  onRetry,
  hasMore,
  loadingMore,
  onLoadMore,
  minWidth = 720,
  testId,
  framed = true,
  label,
}: {
  head: ReactNode;
  rows: ReactNode;
  count: number;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  minWidth?: number;
  testId: string;
  /** false inside a section that already has a frame */
  framed?: boolean;
  /** names the scrolling region for screen readers: what the table lists */
  label?: string;
}) {
  const { t } = useTranslation();
  if (error && count === 0) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Paper withBorder={framed}>
      <ScrollTable minWidth={minWidth} label={label ?? t('a11y.table')}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid={testId}>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      </ScrollTable>
      {isLoading ? (
        <Group justify="center" p="lg">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Group>
      ) : count === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
          {t('common.noResults')}
        </Text>
      ) : (
        <LoadMore hasMore={hasMore} loading={loadingMore} onLoad={onLoadMore} shown={count} />
      )}
      {error && count > 0 ? <ErrorState error={error} onRetry={onRetry} /> : null}
    </Paper>
  );
}
