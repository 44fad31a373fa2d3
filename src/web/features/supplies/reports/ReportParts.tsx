import { Button, Group, Loader, Select } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ITEM_CATEGORIES } from '../../../../domain/supplies/catalogue.ts';
import { withQuery } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { usePointOptions } from '../parts.tsx';

/** The report as XLSX, with the same filters, in the page's language (a plain link: the browser downloads it). */
export function XlsxLink({
  path,
  filters,
}: {
  path: string;
  filters: Record<string, string | number | undefined>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      component="a"
      variant="default"
      href={withQuery(`/api/v1${path}`, { ...filters, format: 'xlsx', lang: i18n.language })}
      download
      leftSection={<IconDownload size={16} aria-hidden />}
      data-testid={`xlsx-${path.split('/').at(-1)}`}
    >
      {t('export.xlsx')}
    </Button>
  );
}

export function PointFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const points = usePointOptions();
  return (
    <Select
      label={t('supplies.stock.point')}
      placeholder={t('common.all')}
      clearable
      searchable
      data={points.options}
      value={value}
      onChange={onChange}
      w={240}
      nothingFoundMessage={t('common.noResults')}
    />
  );
}

export function CategoryFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('supplies.items.category')}
      placeholder={t('common.all')}
      clearable
      data={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`supplies.categories.${c}`) }))}
      value={value}
      onChange={onChange}
      w={200}
    />
  );
}

/** Loading and error of a report's query. */
export function ReportState({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const { t } = useTranslation();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Group justify="center" p="lg">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Group>
    );
  return null;
}
