import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../domain/common/schemas.ts';
import { api, isApiError } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher.tsx';
import { Section } from '../../../components/Section.tsx';
import type { Referral } from '../api.ts';
import { ConsentRefused, isConsentRefused } from './ConsentMissing.tsx';

type Format = 'pdf' | 'xlsx';

/** Saves a file the browser received (no address of it stays behind). */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The referral packet for the recipient, in PDF or Excel and in the language it reads: only the
 * fields its data-sharing profile allows, only with consent. Each download is recorded as a share.
 */
export function PacketDownload({ referral: r }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<Format>('pdf');
  const [locale, setLocale] = useState<string>(
    LOCALES.includes(i18n.language as never) ? i18n.language : 'en',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.download(`/referrals/${r.id}/packet`, { format, locale });
      save(file.blob, file.filename ?? `${r.reference}-${locale}.${format}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('packet.title')} testId="packet">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('packet.help', { recipient: r.recipientName })}
        </Text>
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            aria-label={t('packet.format')}
            value={format}
            onChange={(v) => setFormat(v as Format)}
            data={[
              { value: 'pdf', label: 'PDF' },
              { value: 'xlsx', label: t('packet.excel') },
            ]}
            data-testid="packet-format"
          />
          <Select
            label={t('packet.language')}
            allowDeselect={false}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={locale}
            onChange={(v) => setLocale(v ?? 'en')}
            w={200}
            data-testid="packet-locale"
          />
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy}
            onClick={() => void download()}
            data-testid="packet-download"
          >
            {t('packet.download')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('packet.audited')}
        </Text>
        {isApiError(error, 422) && error.code === 'consent_missing' ? (
          <Alert
            color="orange"
            icon={<IconShieldX aria-hidden />}
            role="alert"
            title={t('referral.consentMissingTitle')}
          >
            {t('packet.consentMissing')}
          </Alert>
        ) : isConsentRefused(error) ? (
          <ConsentRefused />
        ) : error ? (
          <ErrorState error={error} />
        ) : null}
      </Stack>
    </Section>
  );
}
