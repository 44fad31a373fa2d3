import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ActiveValue = 'true' | 'false' | 'all';

export function ActiveFilter({
  value,
  onChange,
}: {
  value: ActiveValue;
  onChange: (v: ActiveValue) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('directory.status')}
      allowDeselect={false}
      data={[
        { value: 'true', label: t('directory.activeOnly') },
        { value: 'false', label: t('directory.inactiveOnly') },
        { value: 'all', label: t('common.all') },
      ]}
      value={value}
      onChange={(v) => onChange((v ?? 'true') as ActiveValue)}
      w={170}
      data-testid="filter-active"
    />
  );
}
