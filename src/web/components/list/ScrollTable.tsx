import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen. The scrolling box takes the keyboard focus and
 * is a named region, so someone without a mouse can reach and scroll it (WCAG 2.1.1).
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  /** what the table lists, e.g. the heading above it */
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
