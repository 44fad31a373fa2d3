import { EmptyState } from '@mantine/core';
import { IconHourglassEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** An honest empty state for a module this release does not include yet. */
export function ComingLater({ moduleName }: { moduleName: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      data-testid="coming-later"
      icon={<IconHourglassEmpty size={32} aria-hidden />}
      variant="light"
      title={t('modules.comingTitle', { module: moduleName })}
      description={t('modules.comingBody', { module: moduleName })}
    />
  );
}
