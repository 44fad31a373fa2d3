import { Button, Group, Paper, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personUpdate } from '../../../domain/registry/schemas.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { changedFields } from '../../components/record/record.ts';
import type { Person } from './api.ts';
import { IDENTITY_FIELDS, IdentityFields } from './IdentityFields.tsx';
import { identityValues, updatePayload } from './identity.ts';

/** Edits the person's own fields; sends only what changed, with the version read (409 if stale). */
export function PersonEditForm({
  person,
  onSubmit,
  onCancel,
}: {
  person: Person;
  onSubmit: (changes: object) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const form = useFormState(identityValues(person));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const payload = updatePayload(form.values);
    const diff = changedFields(person, payload);
    const cleared = Object.fromEntries(diff.cleared.map((k) => [k, t('validation.cannotClear')]));
    const body = form.validate(personUpdate, { ...diff.changes, version: person.version }, cleared);
    if (!body) return;
    if (Object.keys(diff.changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(diff.changes);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="person-edit-form">
      <Paper withBorder p="lg">
        <Stack>
          <FormAlert error={form.requestError} />
          <IdentityFields values={form.values} errors={form.errors} set={form.set} />
          <OtherErrors messages={unplacedErrors(form.errors, [...IDENTITY_FIELDS, 'version'])} />
          {unchanged ? <InfoNote text={t('directory.noChanges')} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
