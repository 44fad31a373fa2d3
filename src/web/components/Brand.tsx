import { Group, Text } from '@mantine/core';
import { IconShieldHeart } from '@tabler/icons-react';

export function Brand({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  return (
    <Group gap={6} wrap="nowrap">
      <IconShieldHeart size={size === 'xl' ? 34 : 26} color="var(--mantine-color-teal-7)" aria-hidden />
      <Text fw={700} size={size} lang="en">
        Sanad
      </Text>
      <Text size={size} className="sanad-brand-ar" lang="ar" dir="rtl" aria-hidden>
        سند
      </Text>
    </Group>
  );
}
