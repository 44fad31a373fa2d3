import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadMore({
  hasMore,
  loading,
  onLoad,
  shown,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  shown: number;
}) {
  const { t } = useTranslation();
  return (
    <Center mt="md">
      {hasMore ? (
        <Button variant="default" onClick={onLoad} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('common.shownAll', { n: shown })}
        </Text>
      )}
    </Center>
  );
}
