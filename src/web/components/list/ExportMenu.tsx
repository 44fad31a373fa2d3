import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client.ts';
import { useCapabilities } from '../RequireCapability.tsx';
import type { ListFilters } from './useCursorList.ts';

/**
 * "Export" on a list page: the list as XLSX or CSV with the filter shown, in the page's language.
 * Offered only when /me says the user may read the list (`<resource>:read`): the export is
 * authorised by the same policy action as the list. Plain links: the browser downloads the file
 * with the session cookie, and the server audits the export.
 */
export function ExportMenu({
  resource,
  filters,
  capability = `${resource}:read`,
}: {
  resource: string;
  filters: ListFilters;
  /** when the capability is not named after the path (`/items` is read with `catalogue:read`) */
  capability?: string;
}) {
  const { t, i18n } = useTranslation();
  const has = useCapabilities();
  if (!has(capability)) return null;
  const href = (format: 'xlsx' | 'csv') =>
    withQuery(`/api/v1/${resource}/export`, { ...filters, format, lang: i18n.language });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid={`export-${resource}`}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.hint')}</Menu.Label>
        <Menu.Item component="a" href={href('xlsx')} download data-testid="export-xlsx">
          {t('export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={href('csv')} download data-testid="export-csv">
          {t('export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
