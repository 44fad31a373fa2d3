import { Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ErrorState.tsx';
import { SavedNote } from '../form/Notes.tsx';

/** Back link, then loading / error / the record's content, with the last confirmation on top. */
export function RecordFrame({
  back,
  query,
  notice,
  children,
  maw = 900,
}: {
  back: ReactNode;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  notice: string | null;
  children: ReactNode;
  maw?: number;
}) {
  const { t } = useTranslation();
  return (
    <Stack maw={maw}>
      {back}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {notice ? <SavedNote text={notice} /> : null}
      {children}
    </Stack>
  );
}
