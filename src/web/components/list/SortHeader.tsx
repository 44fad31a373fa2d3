import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';

export type SortOrder = 'asc' | 'desc';
export interface SortState<C extends string = string> {
  sort: C;
  order: SortOrder;
}

const flip = (o: SortOrder): SortOrder => (o === 'asc' ? 'desc' : 'asc');

/**
 * A column header that sorts the list: a button (keyboard operable) inside a header cell whose
 * aria-sort tells assistive technology the current order. `inverted` is for a column shown in the
 * opposite order of its sort key (age ascending = birth date descending).
 */
export function SortHeader<C extends string>({
  column,
  label,
  state,
  onSort,
  inverted = false,
  ta,
}: {
  column: C;
  label: string;
  state: SortState<C> | undefined;
  onSort: (next: SortState<C>) => void;
  inverted?: boolean;
  /** the header's alignment, as its column's (numbers at the end) */
  ta?: 'start' | 'end';
}) {
  const active = state?.sort === column;
  const shown = active ? (inverted ? flip(state.order) : state.order) : undefined;
  const next = shown ? flip(shown) : 'asc';
  const Icon = shown === 'asc' ? IconArrowUp : shown === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th ta={ta} aria-sort={shown === 'asc' ? 'ascending' : shown === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton
        onClick={() => onSort({ sort: column, order: inverted ? flip(next) : next })}
        data-testid={`sort-${column}`}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden stroke={shown ? 2.2 : 1.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** What a list page hands its table to make the headers sort: the order and how to change it. */
export interface Sorting<C extends string> {
  state: SortState<C> | undefined;
  onSort: (next: SortState<C>) => void;
}

/**
 * A header that sorts when the table was given `sorting` (its list page), else a plain header (the
 * same table in a panel, e.g. a person's referrals).
 */
export function HeaderCell<C extends string>({
  column,
  label,
  sorting,
}: {
  column: C;
  label: string;
  sorting: Sorting<C> | undefined;
}) {
  return sorting ? <SortHeader column={column} label={label} {...sorting} /> : <Table.Th>{label}</Table.Th>;
}
