import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CENTRE_TYPES,
  type Centre,
  type CentreCreate,
  centreCreate,
  type Organisation,
} from '../../../../domain/directory/schemas.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { useCapabilities } from '../../../components/RequireCapability.tsx';
import { changedFields, opt, optNum } from '../../../components/record/record.ts';

const FIELDS = [
  'name',
  'nameAr',
  'nameFr',
  'type',
  'location',
  'latitude',
  'longitude',
  'capacity',
  'authorityOrganisationId',
] as const;

export function CentreForm({
  record,
  onSubmit,
  submitLabel,
}: {
  record?: Centre;
  onSubmit: (body: Partial<CentreCreate>) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const authorities = useAllOf<Organisation>(
    'organisations',
    { kind: 'authority' },
    has('organisations:read'),
  );
  const form = useFormState({
    name: record?.name ?? '',
    nameAr: record?.nameAr ?? '',
    nameFr: record?.nameFr ?? '',
    type: (record?.type ?? null) as string | null,
    location: record?.location ?? '',
    latitude: (record?.latitude ?? '') as number | string,
    longitude: (record?.longitude ?? '') as number | string,
    capacity: (record?.capacity ?? '') as number | string,
    authorityOrganisationId: (record?.authorityOrganisationId ?? null) as string | null,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const v = form.values;
    const payload = {
      name: v.name.trim(),
      nameAr: opt(v.nameAr),
      nameFr: opt(v.nameFr),
      type: v.type ?? undefined,
      location: opt(v.location),
      latitude: optNum(v.latitude),
      longitude: optNum(v.longitude),
      capacity: optNum(v.capacity),
      authorityOrganisationId: v.authorityOrganisationId ?? undefined,
    };
    const diff = record ? changedFields(record, payload) : { changes: payload, cleared: [] };
    const cleared = Object.fromEntries(diff.cleared.map((k) => [k, t('validation.cannotClear')]));
    const body = form.validate(centreCreate, payload, cleared);
    if (!body) return;
    if (record && Object.keys(diff.changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(record ? (diff.changes as Partial<CentreCreate>) : body);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const authorityOptions = (authorities.data ?? []).map((o) => ({
    value: o.id,
    label: o.nameAr ? `${o.name} — ${o.nameAr}` : o.name,
  }));
  if (
    record?.authorityOrganisationId &&
    !authorityOptions.some((o) => o.value === record.authorityOrganisationId)
  )
    authorityOptions.push({ value: record.authorityOrganisationId, label: t('centre.unknownAuthority') });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="centre-form">
      <Stack>
        <FormAlert error={form.requestError} />
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('centre.name')} required {...form.text('name')} data-testid="centre-name" />
              <TextInput
                label={t('centre.nameAr')}
                description={t('directory.arabicScript')}
                dir="rtl"
                lang="ar"
                {...form.text('nameAr')}
                data-testid="centre-name-ar"
              />
              <TextInput
                label={t('a11y.nameFr')}
                description={t('a11y.nameFrHelp')}
                lang="fr"
                {...form.text('nameFr')}
                data-testid="centre-name-fr"
              />
              <Select
                label={t('centre.type')}
                required
                data={CENTRE_TYPES.map((k) => ({ value: k, label: t(`centre.types.${k}`) }))}
                value={form.values.type}
                onChange={(v) => form.set('type', v)}
                error={form.errors.type}
                data-testid="centre-type"
              />
              <NumberInput
                label={t('centre.capacity')}
                description={t('centre.capacityHelp')}
                required
                min={0}
                max={100_000}
                allowDecimal={false}
                allowNegative={false}
                value={form.values.capacity}
                onChange={(v) => form.set('capacity', v)}
                error={form.errors.capacity}
                data-testid="centre-capacity"
              />
              <TextInput
                label={t('centre.location')}
                {...form.text('location')}
                data-testid="centre-location"
              />
              <Select
                label={t('centre.authority')}
                description={t('centre.authorityHelp')}
                clearable
                searchable
                data={authorityOptions}
                value={form.values.authorityOrganisationId}
                onChange={(v) => form.set('authorityOrganisationId', v)}
                error={form.errors.authorityOrganisationId}
                nothingFoundMessage={t('common.noResults')}
                data-testid="centre-authority"
              />
              <NumberInput
                label={t('centre.latitude')}
                min={-90}
                max={90}
                decimalScale={6}
                dir="ltr"
                value={form.values.latitude}
                onChange={(v) => form.set('latitude', v)}
                error={form.errors.latitude}
                data-testid="centre-latitude"
              />
              <NumberInput
                label={t('centre.longitude')}
                min={-180}
                max={180}
                decimalScale={6}
                dir="ltr"
                value={form.values.longitude}
                onChange={(v) => form.set('longitude', v)}
                error={form.errors.longitude}
                data-testid="centre-longitude"
              />
            </SimpleGrid>
            <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
            {unchanged ? <InfoNote text={t('directory.noChanges')} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="save">
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
