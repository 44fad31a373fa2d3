import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldCheck, IconShieldX, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';

/**
 * The server refused to share without consent: say so plainly, offer to record the consent and,
 * for protection officers, an override that must say why.
 */
export function ConsentMissing({
  name,
  recipient,
  overridesConsent,
  onRecordConsent,
  override,
  onOverride,
  error,
}: {
  name: string;
  recipient: string;
  /** the server's word: the referral's (or the person's) allowedActions hold `override_consent` */
  overridesConsent: boolean;
  onRecordConsent?: () => void;
  /** the override reason being typed, or null when no override is under way */
  override: string | null;
  onOverride: (reason: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      icon={<IconShieldX aria-hidden />}
      title={t('referral.consentMissingTitle')}
      role="alert"
      data-testid="consent-missing"
    >
      <Stack gap="sm">
        <Text size="sm">{t('referral.consentMissingBody', { name, recipient })}</Text>
        <Group gap="xs">
          {onRecordConsent ? (
            <Button
              size="xs"
              leftSection={<IconSignature size={14} aria-hidden />}
              onClick={onRecordConsent}
              data-testid="record-consent-now"
            >
              {t('referral.recordConsentNow')}
            </Button>
          ) : null}
          {overridesConsent && override === null ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconShieldCheck size={14} aria-hidden />}
              onClick={() => onOverride('')}
              data-testid="consent-override"
            >
              {t('referral.overrideConsent')}
            </Button>
          ) : null}
        </Group>
        {override !== null ? (
          <Stack gap={4}>
            <Textarea
              label={t('referral.overrideReason')}
              description={t('referral.overrideReasonHelp')}
              required
              autosize
              minRows={2}
              dir="auto"
              value={override}
              onChange={(e) => onOverride(e.currentTarget.value)}
              error={error}
              data-testid="consent-override-reason"
            />
            <Group>
              <Button size="compact-xs" variant="subtle" onClick={() => onOverride(null)}>
                {t('referral.noOverride')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** The person declined or withdrew consent: nothing is shared, and no override can change that. */
export function ConsentRefused() {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconShieldX aria-hidden />}
      title={t('referral.consentRefusedTitle')}
      role="alert"
      data-testid="consent-refused"
    >
      <Text size="sm">{t('referral.consentRefusedBody')}</Text>
    </Alert>
  );
}

/** Did the server refuse because the person said no? */
export const isConsentRefused = (e: unknown) => isApiError(e, 422) && e.code === 'consent_refused';
