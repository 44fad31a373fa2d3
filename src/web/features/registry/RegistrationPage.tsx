import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { ADMISSION_CIRCUMSTANCES, registration } from '../../../domain/registry/schemas.ts';
import { ApiError } from '../../api/client.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { type FieldErrors, unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { useCreate } from '../../components/record/useRecord.ts';
import { type Person, RESOURCE, useRefreshDuplicates } from './api.ts';
import { DuplicateDecision, useLikelyDuplicates, useLikelyThreshold } from './DuplicateDecision.tsx';
import { DuplicatePanel } from './DuplicatePanel.tsx';
import { FamilyField, type Relative } from './FamilyField.tsx';
import { IDENTITY_FIELDS, IdentityFields } from './IdentityFields.tsx';
import { duplicateQueryOf, identityValues, personPayload, type SetIdentity, today } from './identity.ts';

const PLACED = [...IDENTITY_FIELDS, 'family', 'centreId', 'admittedOn', 'circumstances'];

/** "Register a person": identity, first admission, family; people who may already be registered beside it. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<Person>(RESOURCE);
  const [busy, setBusy] = useState(false);
  const [family, setFamily] = useState<Relative[]>([]);
  const centres = useAllOf<Centre>('centres', { active: 'true' });
  const form = useFormState({
    ...identityValues(),
    centreId: null as string | null,
    admittedOn: today(),
    circumstances: 'unknown' as string | null,
  });
  const { values: v, errors, set } = form;

  // one centre in scope: it is the one
  const only = centres.data?.length === 1 ? centres.data[0]!.id : null;
  useEffect(() => {
    if (only && !v.centreId) set('centreId', only);
  }, [only, v.centreId, set]);

  const links = family.map((r) => ({
    personId: r.person.id,
    relationship: r.relationship ?? 'other_relative',
  }));
  // settles ~400 ms after the last keystroke before the server is asked
  const [debounced] = useDebouncedValue(JSON.stringify(duplicateQueryOf(v, links)), 400);
  const duplicateQuery = useMemo(
    () => JSON.parse(debounced) as ReturnType<typeof duplicateQueryOf>,
    [debounced],
  );

  const likely = useLikelyDuplicates(duplicateQuery);
  const likelyAt = useLikelyThreshold();
  const refreshDuplicates = useRefreshDuplicates();
  // the server found a likely duplicate outside the user's scope: only someone wider may decide
  const [outsideScope, setOutsideScope] = useState(false);

  const submit = async (e?: FormEvent, decision?: { notDuplicateOf: string[]; reason: string }) => {
    e?.preventDefault();
    setOutsideScope(false);
    const { estimatedAge, ...fields } = personPayload(v);
    const payload = {
      ...fields,
      ...(estimatedAge !== undefined || v.birthMode === 'age' ? { estimatedAge, birthDate: undefined } : {}),
      centreId: v.centreId ?? undefined,
      admittedOn: v.admittedOn,
      circumstances: v.circumstances ?? undefined,
      family: family.map((r) => ({ personId: r.person.id, relationship: r.relationship ?? undefined })),
      ...decision,
    };
    const missingAge: FieldErrors =
      v.birthMode === 'age' && estimatedAge === undefined ? { estimatedAge: t('validation.required') } : {};
    const body = form.validate(registration, payload, missingAge);
    if (!body) return;
    setBusy(true);
    try {
      const created = await create(body);
      await navigate({ to: '/persons/$id', params: { id: created.id }, search: { created: true } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'duplicate_outside_scope') setOutsideScope(true);
      else if (error instanceof ApiError && error.code === 'duplicate_review_required') {
        // the panel had not caught up with the form: show the candidates and ask for the decision
        await refreshDuplicates();
      } else form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="registry:read">
      <BackLink to="/registry">{t('registry.backToSearch')}</BackLink>
      <PageHeader title={t('register.title')} subtitle={t('register.subtitle')} />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="registration-form">
        <div className="sanad-register">
          <Paper withBorder p="lg" className="sanad-register-identity">
            <Stack>
              <Title order={2} size="h4">
                {t('register.identity')}
              </Title>
              <IdentityFields values={v} errors={errors} set={set as SetIdentity} />
            </Stack>
          </Paper>
          <div className="sanad-register-duplicates">
            <DuplicatePanel query={duplicateQuery} likelyAt={likelyAt} />
          </div>
          <Paper withBorder p="lg" className="sanad-register-detention">
            <Stack>
              <Title order={2} size="h4">
                {t('register.detention')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('person.centre')}
                  required
                  searchable
                  data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={v.centreId}
                  onChange={(c) => set('centreId', c)}
                  error={errors.centreId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="centre"
                />
                <TextInput
                  type="date"
                  label={t('episode.admittedOn')}
                  required
                  max={today()}
                  {...form.text('admittedOn')}
                  data-testid="admitted-on"
                />
                <Select
                  label={t('episode.circumstances')}
                  allowDeselect={false}
                  data={ADMISSION_CIRCUMSTANCES.map((c) => ({
                    value: c,
                    label: t(`episode.circumstanceTypes.${c}`),
                  }))}
                  value={v.circumstances}
                  onChange={(c) => set('circumstances', c)}
                  error={errors.circumstances}
                  data-testid="circumstances"
                />
              </SimpleGrid>
              <FamilyField value={family} onChange={setFamily} errors={errors} />
              <FormAlert error={form.requestError} />
              <OtherErrors messages={unplacedErrors(errors, PLACED)} />
              {outsideScope ? (
                <Alert color="orange" data-testid="duplicate-outside-scope">
                  {t('ops.duplicates.outsideScope')}
                </Alert>
              ) : null}
              {likely.length ? (
                <DuplicateDecision
                  likely={likely}
                  busy={busy}
                  onRegisterAnyway={(decision) => void submit(undefined, decision)}
                />
              ) : (
                <Group justify="flex-end">
                  <Button type="submit" loading={busy} data-testid="save">
                    {t('register.submit')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        </div>
      </form>
    </RequireCapability>
  );
}
