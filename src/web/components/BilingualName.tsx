import { Stack, Text } from '@mantine/core';

/** A name in Latin script with its Arabic form beneath it when one is known. */
export function BilingualName({
  name,
  nameAr,
  strong,
}: {
  name: string;
  nameAr?: string | null;
  strong?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={strong ? 600 : undefined}>
        <bdi>{name}</bdi>
      </Text>
      {nameAr ? (
        <Text size="sm" c="dimmed" lang="ar">
          <bdi dir="rtl">{nameAr}</bdi>
        </Text>
      ) : null}
    </Stack>
  );
}
