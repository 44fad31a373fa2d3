import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ErrorState.tsx';
import './print.css';

/**
 * A page meant for paper: a toolbar (back, Print) that the print stylesheet hides with the app's
 * navigation, then the document, in the page's language and direction like every page.
 */
export function PrintFrame({
  title,
  back,
  query,
  children,
  testId,
}: {
  title: string;
  back: ReactNode;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · Sanad`;
  }, [title]);
  return (
    <Stack className="sanad-print" gap="md" data-testid={testId}>
      <Group justify="space-between" className="sanad-no-print">
        {back}
        <Button
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
          data-testid="print"
        >
          {t('print.print')}
        </Button>
      </Group>
      <Title order={1} size="h2">
        {title}
      </Title>
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {children}
    </Stack>
  );
}
