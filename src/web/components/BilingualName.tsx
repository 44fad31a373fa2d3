import { Stack, Text } from '@mantine/core';

/**
 * A name in Latin script with its other form beneath it when one is known: Arabic by default, or
 * any script (`script="auto"`: Ge'ez, Bengali…, its direction taken from its letters).
 */
export function BilingualName({
  name,
  nameAr,
  strong,
  script = 'ar',
}: {
  name: string;
  nameAr?: string | null;
  strong?: boolean;
  script?: 'ar' | 'auto';
}) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={strong ? 600 : undefined}>
        <bdi>{name}</bdi>
      </Text>
      {nameAr ? (
        <Text size="sm" c="dimmed" lang={script === 'ar' ? 'ar' : undefined}>
          {script === 'ar' ? <bdi dir="rtl">{nameAr}</bdi> : <bdi>{nameAr}</bdi>}
        </Text>
      ) : null}
    </Stack>
  );
}
