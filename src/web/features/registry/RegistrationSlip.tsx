import { Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { PrintFrame } from '../../components/print/PrintFrame.tsx';
import { RecordDetails } from '../../components/RecordDetails.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { formatDate } from '../../i18n/format.ts';
import { personQuery } from './api.ts';
import { countryName } from './codes.ts';
import { latinName } from './PersonParts.tsx';

/** The registration number as a QR code (an image whose name says the number). */
function RegistrationQr({ value }: { value: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(value, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [value]);
  return src ? (
    <img className="sanad-print-qr" src={src} alt={t('print.qr', { number: value })} data-testid="slip-qr" />
  ) : null;
}

/** A slip handed to the person at registration: names in both scripts, number as text and QR. */
export function RegistrationSlip() {
  const { id } = useParams({ from: '/app/persons/$id/slip' });
  const { t } = useTranslation();
  const query = useQuery(personQuery(id));
  const p = query.data;
  return (
    <RequireCapability capability="registry:read">
      <PrintFrame
        title={t('print.slipTitle')}
        testId="registration-slip"
        query={query}
        back={
          <AnchorLink to="/persons/$id" params={{ id }} size="sm">
            {t('print.back')}
          </AnchorLink>
        }
      >
        {p ? (
          <Paper withBorder p="lg">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
              <Stack gap="xs">
                <Text size="xl" fw={700}>
                  <bdi data-testid="slip-name">{latinName(p)}</bdi>
                </Text>
                {p.fullNameOriginal ? (
                  <Text size="xl" fw={700} dir="auto" data-testid="slip-name-original">
                    <bdi>{p.fullNameOriginal}</bdi>
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {t('print.registrationNumber')}
                </Text>
                <Text size="xl" ff="monospace" className="sanad-ltr" data-testid="slip-number">
                  {p.registrationNumber}
                </Text>
              </Stack>
              <RegistrationQr value={p.registrationNumber} />
            </Group>
            <RecordDetails
              framed={false}
              testId="slip-details"
              items={[
                { label: t('print.centre'), value: p.current?.centreName },
                { label: t('print.date'), value: formatDate(p.createdAt) },
                { label: t('print.nationality'), value: countryName(p.nationality) },
                { label: t('print.sex'), value: t(`person.sexes.${p.sex}`) },
                { label: t('print.birthDate'), value: p.birthDate ? formatDate(p.birthDate) : null },
              ]}
            />
          </Paper>
        ) : null}
      </PrintFrame>
    </RequireCapability>
  );
}
