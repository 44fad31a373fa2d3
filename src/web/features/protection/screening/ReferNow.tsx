import { Group, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { recommendedService } from '../../../../domain/protection/recipients.ts';
import { ButtonLink } from '../../../components/links.tsx';
import { personOffers } from '../access.ts';
import { useProtectionSummary } from '../api.ts';
import { useLocalised } from '../labels.ts';

/**
 * A screening whose flags call for a referral offers it at once: the person's protection tab
 * opens with the referral form, the recommended service filled in. Offered only to those the
 * server says may refer this person.
 */
export function ReferNow({ personId, flags }: { personId: string; flags: readonly string[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const service = recommendedService(flags);
  const summary = useProtectionSummary(personId, !!service);
  if (!service || !personOffers(summary.data).refer) return null;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" data-testid="refer-now">
      <Text size="sm">{t('protection.recommends', { service: l.service(service) })}</Text>
      <ButtonLink
        to="/persons/$id"
        params={{ id: personId }}
        search={{ tab: 'protection', refer: service }}
        leftSection={<IconSend size={16} aria-hidden />}
        data-testid="screening-refer"
      >
        {t('protection.referRecommended', { service: l.service(service) })}
      </ButtonLink>
    </Group>
  );
}
