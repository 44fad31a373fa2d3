import {
  Button,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createReturnCase, PROGRAMMES, REQUEST_ORIGINS } from '../../../domain/returns/cases.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { useCreate } from '../../components/record/useRecord.ts';
import { countryName } from '../registry/codes.ts';
import { latinName } from '../registry/PersonParts.tsx';
import { PersonPicker } from '../registry/PersonPicker.tsx';
import { RESOURCE } from './api.ts';
import { embassyOf, emptyCase, type NewCaseValues, newCasePayload, withPerson } from './logic.ts';
import { useCountryOptions, useEmbassyOptions, useProjectOptions } from './parts.tsx';
import { localToday } from './today.ts';
import type { ReturnCase } from './types.ts';

const PLACED = [
  'personId',
  'programme',
  'origin',
  'destinationCountry',
  'embassyOrganisationId',
  'projectId',
  'requestedOn',
];

/** Opens a return case: the person, the programme, who asked, where to, the embassy, the project. */
export function NewReturnPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<ReturnCase>(RESOURCE);
  const form = useFormState<NewCaseValues>(emptyCase(localToday()));
  const { values: v, set, errors } = form;
  const [busy, setBusy] = useState(false);
  const countries = useCountryOptions();
  const embassies = useEmbassyOptions();
  const projects = useProjectOptions();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = form.validate(createReturnCase, newCasePayload(v));
      if (body !== null) {
        const created = await create(body);
        await navigate({ to: '/returns/$id', params: { id: created.id }, search: { created: true } });
      }
    } catch (err) {
      // the typed values stay; the server's field errors show in place
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="return_cases:create">
      <BackLink to="/returns">{t('returns.back')}</BackLink>
      <PageHeader title={t('returns.new')} subtitle={t('returns.newHelp')} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="return-form">
        <Stack maw={900}>
          <Paper withBorder p="lg">
            <Stack>
              {v.person ? (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('returns.fields.person')}
                  </Text>
                  <Group gap="xs" data-testid="return-person">
                    <Paper withBorder px="sm" py={4} radius="xl">
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">
                          <bdi>{v.person.name}</bdi> ·{' '}
                          <span className="sanad-ltr">{v.person.registrationNumber}</span> ·{' '}
                          {countryName(v.person.nationality)}
                        </Text>
                        <CloseButton
                          size="sm"
                          aria-label={t('returns.form.removePerson', { name: v.person.name })}
                          onClick={() => set('person', null)}
                        />
                      </Group>
                    </Paper>
                  </Group>
                </Stack>
              ) : (
                <PersonPicker
                  label={t('returns.fields.person')}
                  description={t('returns.form.personHelp')}
                  error={errors.personId}
                  testId="return-person-picker"
                  onPick={(p) =>
                    form.setValues((old) =>
                      withPerson(
                        old,
                        {
                          id: p.id,
                          name: latinName(p),
                          registrationNumber: p.registrationNumber,
                          nationality: p.nationality,
                        },
                        embassies.list,
                      ),
                    )
                  }
                />
              )}
              <Stack gap={4}>
                <Text size="sm" fw={500} id="return-programme-label">
                  {t('returns.fields.programme')}
                </Text>
                <div>
                  <SegmentedControl
                    aria-labelledby="return-programme-label"
                    value={v.programme}
                    onChange={(p) => set('programme', p as NewCaseValues['programme'])}
                    data={PROGRAMMES.map((p) => ({ value: p, label: t(`returns.programmes.${p}`) }))}
                    data-testid="return-programme"
                  />
                </div>
              </Stack>
              <Select
                label={t('returns.fields.origin')}
                data={REQUEST_ORIGINS.map((o) => ({ value: o, label: t(`returns.origins.${o}`) }))}
                value={v.origin}
                allowDeselect={false}
                onChange={(o) => o && set('origin', o as NewCaseValues['origin'])}
                error={errors.origin}
                maw={420}
                data-testid="return-origin"
              />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('returns.fields.destination')}
                description={t('returns.form.destinationHelp')}
                searchable
                data={countries}
                value={v.destinationCountry}
                onChange={(c) => {
                  set('destinationCountry', c);
                  // the embassy follows the country, unless the officer chose one
                  if (!v.embassyOrganisationId) set('embassyOrganisationId', embassyOf(embassies.list, c));
                }}
                error={errors.destinationCountry}
                nothingFoundMessage={t('common.noResults')}
                data-testid="return-destination"
              />
              <Select
                label={t('returns.fields.embassy')}
                searchable
                clearable
                data={embassies.options}
                value={v.embassyOrganisationId}
                onChange={(o) => set('embassyOrganisationId', o)}
                error={errors.embassyOrganisationId}
                nothingFoundMessage={t('common.noResults')}
                data-testid="return-embassy"
              />
              {projects ? (
                <Select
                  label={t('returns.fields.project')}
                  searchable
                  clearable
                  data={projects}
                  value={v.projectId}
                  onChange={(p) => set('projectId', p)}
                  error={errors.projectId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="return-project"
                />
              ) : null}
              <TextInput
                type="date"
                label={t('returns.fields.requestedOn')}
                {...form.text('requestedOn')}
                data-testid="return-requested-on"
              />
            </SimpleGrid>
          </Paper>
          <OtherErrors messages={unplacedErrors(errors, PLACED)} />
          <FormAlert error={form.requestError} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="return-save">
              {t('returns.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </RequireCapability>
  );
}
