import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../api.ts';

/** "In transit" while dispatched and not received: the stock is at neither point. */
export function TransferBadge({ status }: { status: Transfer['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'dispatched' ? 'orange' : 'teal'} variant="light" data-testid="transfer-status">
      {t(`supplies.transferStatuses.${status}`)}
    </Badge>
  );
}
