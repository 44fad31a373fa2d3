import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
  /** e.g. "ar" for a name in Arabic script */
  lang?: string;
}

/** A record shown to someone who may read but not change it: labelled values, not inputs. */
export function RecordDetails({
  items,
  testId,
  framed = true,
}: {
  items: Detail[];
  testId?: string;
  /** false inside a section that already has a frame */
  framed?: boolean;
}) {
  return (
    <Paper withBorder={framed} p={framed ? 'lg' : 0} data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" component="dl" m={0}>
        {items.map((d) => (
          <Stack key={d.label} gap={2}>
            <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
              {d.label}
            </Text>
            <Text component="dd" m={0} lang={d.lang}>
              {d.value === undefined || d.value === null || d.value === '' ? '—' : <bdi>{d.value}</bdi>}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
