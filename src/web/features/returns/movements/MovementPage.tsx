import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { countryName } from '../../registry/codes.ts';
import { downloadManifest, type Movement, useMovement } from './api.ts';
import { AddPassenger, EscortsSection } from './MovementParts.tsx';
import { STATUS_COLOURS } from './MovementsPage.tsx';
import { Passengers } from './Passengers.tsx';

/** Saves a file the browser received. */
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

/** One movement: what it is, its passengers (booking, departure per person), escorts, manifest. */
export function MovementPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/movements/$id' });
  const q = useMovement(id);
  return (
    <RequireCapability capability="movements:read">
      <BackLink to="/movements">{t('movements.back')}</BackLink>
      {q.data ? (
        <MovementView m={q.data} />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
    </RequireCapability>
  );
}

function MovementView({ m }: { m: Movement }) {
  const { t } = useTranslation();
  const can = (a: string) => m.allowedActions.includes(a);
  const facts: [string, string][] = [
    [t('movements.fields.kind'), t(`movements.kinds.${m.kind}`)],
    [t('movements.fields.departsOn'), formatDate(m.departsOn)],
    [t('movements.fields.route'), m.route],
    [t('movements.fields.destinationCountry'), countryName(m.destinationCountry)],
    [t('movements.fields.carrier'), [m.carrier, m.flightNumber].filter(Boolean).join(' · ')],
    [t('movements.fields.seats'), t('movements.taken', { taken: m.taken, seats: m.seats })],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={`${m.reference} · ${formatDate(m.departsOn)}`}
        subtitle={m.route}
        actions={
          <Badge color={STATUS_COLOURS[m.status]} variant="light" size="lg" data-testid="movement-status">
            {t(`movements.statuses.${m.status}`)}
          </Badge>
        }
      />
      <Section title={t('movements.details')} testId="movement-details">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {facts.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">
                <bdi>{value}</bdi>
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Section>
      <Section title={t('movements.passengers')} testId="passengers">
        <Stack gap="md">
          {can('book') ? <AddPassenger m={m} /> : null}
          <Passengers m={m} />
        </Stack>
      </Section>
      <EscortsSection m={m} />
      {can('manifest') ? <ManifestSection m={m} /> : null}
    </Stack>
  );
}

function ManifestSection({ m }: { m: Movement }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const get = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    setError(null);
    try {
      const file = await downloadManifest(m.id, format, i18n.language);
      save(file.blob, file.filename ?? `${m.reference}-manifest.${format}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title={t('movements.manifest.title')} testId="manifest">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('movements.manifest.help')}
        </Text>
        <Group gap="xs">
          {(['pdf', 'xlsx'] as const).map((f) => (
            <Button
              key={f}
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={busy === f}
              onClick={() => void get(f)}
              data-testid={`manifest-${f}`}
            >
              {f === 'pdf' ? t('movements.manifest.pdf') : t('movements.manifest.xlsx')}
            </Button>
          ))}
        </Group>
        {error ? <ErrorState error={error} /> : null}
      </Stack>
    </Section>
  );
}
