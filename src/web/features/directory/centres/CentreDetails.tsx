import { useTranslation } from 'react-i18next';
import type { Centre, Organisation } from '../../../../domain/directory/schemas.ts';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { useCapabilities } from '../../../components/RequireCapability.tsx';
import { formatNumber } from '../../../i18n/format.ts';

/** A centre for those who may read it (every role, within its scope) but not change it. */
export function CentreDetails({ centre }: { centre: Centre }) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const authorities = useAllOf<Organisation>(
    'organisations',
    { kind: 'authority' },
    has('organisations:read'),
  );
  const authority = authorities.data?.find((o) => o.id === centre.authorityOrganisationId);
  return (
    <RecordDetails
      testId="centre-details"
      items={[
        { label: t('centre.name'), value: centre.name },
        { label: t('centre.nameAr'), value: centre.nameAr, lang: 'ar' },
        { label: t('a11y.nameFr'), value: centre.nameFr, lang: 'fr' },
        { label: t('centre.type'), value: t(`centre.types.${centre.type}`) },
        { label: t('centre.capacity'), value: formatNumber(centre.capacity) },
        { label: t('centre.location'), value: centre.location },
        { label: t('centre.authority'), value: authority?.name },
        {
          label: `${t('centre.latitude')}, ${t('centre.longitude')}`,
          value:
            centre.latitude !== undefined && centre.longitude !== undefined
              ? `${centre.latitude}, ${centre.longitude}`
              : undefined,
        },
      ]}
    />
  );
}
