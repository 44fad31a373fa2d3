import { Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../domain/common/schemas.ts';
import {
  type Centre,
  type Organisation,
  type User,
  userCreate,
  userUpdate,
} from '../../../../domain/directory/schemas.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher.tsx';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { changedFields, opt } from '../../../components/record/record.ts';
import { fromRows, RoleAssignmentsInput, rowsMissingCentres, toRows } from './RoleAssignmentsInput.tsx';

const FIELDS = ['username', 'displayName', 'email', 'organisationId', 'locale', 'password', 'roles'] as const;

export type UserBody = Record<string, unknown>;

export function UserForm({
  record,
  readOnly,
  onSubmit,
  submitLabel,
}: {
  record?: User;
  readOnly?: boolean;
  onSubmit: (body: UserBody) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const organisations = useAllOf<Organisation>('organisations');
  const centres = useAllOf<Centre>('centres');
  const form = useFormState({
    username: record?.username ?? '',
    displayName: record?.displayName ?? '',
    email: record?.email ?? '',
    organisationId: (record?.organisationId ?? null) as string | null,
    locale: (record?.locale ?? 'en') as string,
    password: '',
    roles: record ? toRows(record.roles) : toRows([{ role: 'caseworker', centreIds: [] }]),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const v = form.values;
    const missing = Object.fromEntries(
      rowsMissingCentres(v.roles).map((i) => [`roles.${i}.centreIds`, t('user.chooseCentre')]),
    );
    const common = {
      displayName: v.displayName.trim(),
      email: opt(v.email),
      organisationId: v.organisationId ?? undefined,
      locale: v.locale,
      roles: fromRows(v.roles),
    };
    if (!record) {
      const body = form.validate(
        userCreate,
        { ...common, username: v.username, password: v.password },
        missing,
      );
      if (!body) return;
      return send(body);
    }
    const diff = changedFields(record, common);
    const cleared = Object.fromEntries(diff.cleared.map((k) => [k, t('validation.cannotClear')]));
    const body = form.validate(
      userUpdate,
      { ...diff.changes, version: record.version },
      { ...missing, ...cleared },
    );
    if (!body) return;
    if (Object.keys(diff.changes).length === 0) {
      setUnchanged(true);
      return;
    }
    return send(body);
  };

  const send = async (body: UserBody) => {
    setBusy(true);
    try {
      await onSubmit(body);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const orgOptions = (organisations.data ?? []).map((o) => ({
    value: o.id,
    label:
      (o.acronym ? `${o.name} (${o.acronym})` : o.name) + (o.active ? '' : ` — ${t('directory.inactive')}`),
  }));
  const centreOptions = (centres.data ?? []).map((c) => ({
    value: c.id,
    label:
      (c.nameAr ? `${c.name} — ${c.nameAr}` : c.name) + (c.active ? '' : ` — ${t('directory.inactive')}`),
  }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-form">
      <Stack>
        <FormAlert error={form.requestError} />
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('user.username')}
                description={record ? undefined : t('user.usernameHelp')}
                required
                readOnly={readOnly || !!record}
                autoCapitalize="none"
                spellCheck={false}
                dir="ltr"
                {...form.text('username')}
                data-testid="user-username"
              />
              <TextInput
                label={t('user.displayName')}
                required
                readOnly={readOnly}
                dir="auto"
                {...form.text('displayName')}
                data-testid="user-display-name"
              />
              <TextInput
                label={t('user.email')}
                type="email"
                dir="ltr"
                readOnly={readOnly}
                {...form.text('email')}
                data-testid="user-email"
              />
              <Select
                label={t('user.organisation')}
                required
                readOnly={readOnly}
                searchable
                data={orgOptions}
                value={form.values.organisationId}
                onChange={(v) => form.set('organisationId', v)}
                error={form.errors.organisationId}
                nothingFoundMessage={t('common.noResults')}
                data-testid="user-organisation"
              />
              <Select
                label={t('user.locale')}
                required
                readOnly={readOnly}
                allowDeselect={false}
                data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                value={form.values.locale}
                onChange={(v) => form.set('locale', v ?? 'en')}
                error={form.errors.locale}
                data-testid="user-locale"
              />
              {record ? null : (
                <PasswordInput
                  label={t('user.initialPassword')}
                  description={t('user.initialPasswordHelp')}
                  required
                  autoComplete="new-password"
                  {...form.text('password')}
                  data-testid="user-password"
                />
              )}
            </SimpleGrid>
            <RoleAssignmentsInput
              value={form.values.roles}
              onChange={(rows) => form.set('roles', rows)}
              errors={form.errors}
              centres={centreOptions}
              readOnly={readOnly}
            />
            <OtherErrors messages={unplacedErrors(form.errors, [...FIELDS, 'version'])} />
            {unchanged ? <InfoNote text={t('directory.noChanges')} /> : null}
            {readOnly ? null : (
              <Group justify="flex-end">
                <Button type="submit" loading={busy} data-testid="save">
                  {submitLabel}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
