import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationCreate,
  organisationCreate,
} from '../../../../domain/directory/schemas.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { changedFields, opt } from '../../../components/record/record.ts';

const FIELDS = ['name', 'nameAr', 'nameFr', 'acronym', 'kind', 'countryCode'] as const;

export function OrganisationForm({
  record,
  onSubmit,
  submitLabel,
}: {
  record?: Organisation;
  /** create: the whole body; edit: only the changed fields */
  onSubmit: (body: Partial<OrganisationCreate>) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const form = useFormState({
    name: record?.name ?? '',
    nameAr: record?.nameAr ?? '',
    nameFr: record?.nameFr ?? '',
    acronym: record?.acronym ?? '',
    kind: (record?.kind ?? null) as string | null,
    countryCode: record?.countryCode ?? '',
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const v = form.values;
    const payload = {
      name: v.name.trim(),
      nameAr: opt(v.nameAr),
      nameFr: opt(v.nameFr),
      acronym: opt(v.acronym),
      kind: v.kind ?? undefined,
      countryCode: opt(v.countryCode)?.toUpperCase(),
    };
    const diff = record ? changedFields(record, payload) : { changes: payload, cleared: [] };
    const clearedErrors = Object.fromEntries(diff.cleared.map((k) => [k, t('validation.cannotClear')]));
    const body = form.validate(organisationCreate, payload, clearedErrors);
    if (!body) return;
    if (record && Object.keys(diff.changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(record ? (diff.changes as Partial<OrganisationCreate>) : body);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const extra = unplacedErrors(form.errors, FIELDS);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="organisation-form">
      <Stack>
        <FormAlert error={form.requestError} />
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('organisation.name')}
                required
                {...form.text('name')}
                data-testid="org-name"
              />
              <TextInput
                label={t('organisation.nameAr')}
                description={t('directory.arabicScript')}
                dir="rtl"
                lang="ar"
                {...form.text('nameAr')}
                data-testid="org-name-ar"
              />
              <TextInput
                label={t('a11y.nameFr')}
                description={t('a11y.nameFrHelp')}
                lang="fr"
                {...form.text('nameFr')}
                data-testid="org-name-fr"
              />
              <TextInput
                label={t('organisation.acronym')}
                {...form.text('acronym')}
                data-testid="org-acronym"
              />
              <Select
                label={t('organisation.kind')}
                required
                data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisation.kinds.${k}`) }))}
                value={form.values.kind}
                onChange={(v) => form.set('kind', v)}
                error={form.errors.kind}
                data-testid="org-kind"
              />
              <TextInput
                label={t('organisation.countryCode')}
                description={t('directory.countryHelp')}
                maxLength={3}
                dir="ltr"
                {...form.text('countryCode')}
                data-testid="org-country"
              />
            </SimpleGrid>
            <OtherErrors messages={extra} />
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
