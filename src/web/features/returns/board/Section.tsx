import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// A titled card as components/panels.tsx's Panel, without that file's home and audit panels (and
// their string bundles) coming along with the board's chunk.
export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
