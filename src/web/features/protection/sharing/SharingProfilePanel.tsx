import { Button, Checkbox, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REFERRAL_SERVICES,
  type ReferralService,
  SHAREABLE_FIELDS,
  type ShareableField,
} from '../../../../domain/protection/records.ts';
import { api } from '../../../api/client.ts';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { can } from '../../../components/record/record.ts';
import { Section } from '../../../components/Section.tsx';
import { protectionKeys, type SharingProfile, useSharingProfile } from '../api.ts';
import { useLocalised } from '../labels.ts';

/**
 * The fields this organisation may receive in a referral packet (DESIGN §6). Administrators edit
 * them; those who refer see what will be shared. An organisation without a profile receives nothing.
 */
export function SharingProfilePanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const profile = useSharingProfile(organisationId);
  return (
    <Section title={t('sharing.title')} testId="sharing-profile">
      {profile.isError ? <ErrorState error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? (
        can(profile.data, 'update') ? (
          <SharingForm profile={profile.data} />
        ) : (
          <>
            <SharingList fields={profile.data.fields} />
            <ServicesList services={profile.data.services} />
          </>
        )
      ) : null}
    </Section>
  );
}

function SharingList({ fields }: { fields: readonly ShareableField[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  if (fields.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.nothing')}
      </Text>
    );
  return (
    <List size="sm" icon={<IconCheck size={14} aria-hidden />} data-testid="sharing-fields">
      {fields.map((f) => (
        <List.Item key={f}>{l.field(f)}</List.Item>
      ))}
    </List>
  );
}

function ServicesList({ services }: { services: readonly ReferralService[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Text size="sm" mt="sm" data-testid="sharing-services">
      {t('protection.sharingServices')}:{' '}
      {services.length ? services.map((s) => l.service(s)).join(', ') : t('protection.servicesNone')}
    </Text>
  );
}

function SharingForm({ profile }: { profile: SharingProfile }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<string[]>(profile.fields);
  const [services, setServices] = useState<string[]>(profile.services);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  const changed = !same(fields, profile.fields) || !same(services, profile.services);

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      // in the vocabulary's order, as packets print them
      const ordered = SHAREABLE_FIELDS.filter((f) => fields.includes(f));
      const updated = await api.put<SharingProfile>(
        `/organisations/${profile.organisationId}/sharing-profile`,
        { fields: ordered, services: REFERRAL_SERVICES.filter((x) => services.includes(x)) },
      );
      queryClient.setQueryData(protectionKeys.sharing(profile.organisationId), updated);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('sharing.help')}
      </Text>
      <Checkbox.Group
        label={t('sharing.fields')}
        value={fields}
        onChange={(v) => {
          setFields(v);
          setSaved(false);
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
          {SHAREABLE_FIELDS.map((f) => (
            <Checkbox key={f} value={f} label={l.field(f)} data-testid={`share-${f}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('protection.sharingServices')}
        description={t('protection.sharingServicesHelp')}
        value={services}
        onChange={(v) => {
          setServices(v);
          setSaved(false);
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
          {REFERRAL_SERVICES.map((x) => (
            <Checkbox key={x} value={x} label={l.service(x)} data-testid={`takes-${x}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {saved ? <SavedNote text={t('sharing.saved')} /> : null}
      <FormAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy} disabled={!changed} data-testid="sharing-save">
          {t('sharing.save')}
        </Button>
      </Group>
    </Stack>
  );
}
