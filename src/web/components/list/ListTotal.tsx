import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';

/** What a counted list's first page says about the whole list (`countedPage` in the domain). */
export interface Counted {
  total?: number;
  totalCapped?: boolean;
}

/**
 * "N found" above a list, from the server's count (exact up to 10,000, then "more than").
 * `keys` names other wording (the registry says "people found"); announced politely when it
 * changes with the filters.
 */
export function ListTotal({
  first,
  testId,
  keys = { total: 'common.listTotal', capped: 'common.listTotalCapped' },
}: {
  first: Counted | undefined;
  testId: string;
  keys?: { total: string; capped: string };
}) {
  const { t } = useTranslation();
  if (first?.total === undefined) return null;
  const n = formatNumber(first.total);
  return (
    <Text size="sm" c="dimmed" mb="xs" data-testid={testId} aria-live="polite">
      {first.totalCapped ? t(keys.capped, { n }) : t(keys.total, { n })}
    </Text>
  );
}
