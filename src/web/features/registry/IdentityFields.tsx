import {
  Checkbox,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, SEXES } from '../../../domain/registry/schemas.ts';
import type { FieldErrors } from '../../components/form/fieldErrors.ts';
import { languageOptions, nationalityOptions } from './codes.ts';
import {
  type BirthMode,
  heldDocuments,
  type IdentityValues,
  OTHER_NATIONALITY,
  type SetIdentity,
  today,
} from './identity.ts';

/** Field names the identity block shows (for errors it does not place). */
export const IDENTITY_FIELDS = [
  'givenName',
  'familyName',
  'fullNameOriginal',
  'sex',
  'birthDate',
  'birthDateEstimated',
  'estimatedAge',
  'nationality',
  'languages',
  'documents',
  'phone',
] as const;

/** Names, sex, birth, nationality, languages, documents and phone: shared by registration and edit. */
export function IdentityFields({
  values: v,
  errors,
  set,
}: {
  values: IdentityValues;
  errors: FieldErrors;
  set: SetIdentity;
}) {
  const { t } = useTranslation();
  const nationalities = useMemo(
    () => [...nationalityOptions(), { value: OTHER_NATIONALITY, label: t('register.otherNationality') }],
    [t],
  );
  const languages = useMemo(() => languageOptions(v.languages), [v.languages]);
  const held = heldDocuments(v);
  const docError = (type: string, field: 'type' | 'number') =>
    errors[`documents.${held.indexOf(type as (typeof held)[number])}.${field}`];

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('person.givenName')}
          required
          autoComplete="off"
          value={v.givenName}
          onChange={(e) => set('givenName', e.currentTarget.value)}
          error={errors.givenName}
          data-testid="given-name"
        />
        <TextInput
          label={t('person.familyName')}
          required
          autoComplete="off"
          value={v.familyName}
          onChange={(e) => set('familyName', e.currentTarget.value)}
          error={errors.familyName}
          data-testid="family-name"
        />
      </SimpleGrid>
      <TextInput
        label={t('person.fullNameOriginal')}
        description={t('person.fullNameOriginalHelp')}
        dir="auto"
        autoComplete="off"
        value={v.fullNameOriginal}
        onChange={(e) => set('fullNameOriginal', e.currentTarget.value)}
        error={errors.fullNameOriginal}
        data-testid="full-name-original"
      />
      <Radio.Group
        label={t('person.sex')}
        required
        value={v.sex}
        onChange={(s) => set('sex', s)}
        error={errors.sex}
        data-testid="sex"
      >
        <Group gap="lg" mt={4}>
          {SEXES.map((s) => (
            <Radio key={s} value={s} label={t(`person.sexes.${s}`)} data-testid={`sex-${s}`} />
          ))}
        </Group>
      </Radio.Group>
      <Input.Wrapper label={t('person.birth')} error={errors.birthDate ?? errors.estimatedAge}>
        <Stack gap="xs" mt={4}>
          <SegmentedControl
            aria-label={t('person.birth')}
            value={v.birthMode}
            onChange={(m) => set('birthMode', m as BirthMode)}
            data={[
              { value: 'date', label: t('person.birthDate') },
              { value: 'age', label: t('person.estimatedAge') },
            ]}
            data-testid="birth-mode"
            w="fit-content"
          />
          {v.birthMode === 'date' ? (
            <Group align="flex-end" gap="md">
              <TextInput
                type="date"
                aria-label={t('person.birthDate')}
                max={today()}
                value={v.birthDate}
                onChange={(e) => set('birthDate', e.currentTarget.value)}
                error={!!errors.birthDate}
                w={180}
                data-testid="birth-date"
              />
              <Checkbox
                label={t('person.birthDateIsEstimate')}
                checked={v.birthDateEstimated}
                onChange={(e) => set('birthDateEstimated', e.currentTarget.checked)}
                mb={8}
                data-testid="birth-date-estimated"
              />
            </Group>
          ) : (
            <NumberInput
              aria-label={t('person.estimatedAge')}
              description={t('person.estimatedAgeHelp')}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              value={v.estimatedAge}
              onChange={(n) => set('estimatedAge', n)}
              error={!!errors.estimatedAge}
              w={180}
              data-testid="estimated-age"
            />
          )}
        </Stack>
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap="xs">
          <Select
            label={t('person.nationality')}
            required
            searchable
            data={nationalities}
            value={v.nationality}
            onChange={(n) => set('nationality', n)}
            error={v.nationality === OTHER_NATIONALITY ? undefined : errors.nationality}
            nothingFoundMessage={t('common.noResults')}
            data-testid="nationality"
          />
          {v.nationality === OTHER_NATIONALITY ? (
            <TextInput
              label={t('register.nationalityCode')}
              description={t('directory.countryHelp')}
              maxLength={3}
              dir="ltr"
              value={v.nationalityOther}
              onChange={(e) => set('nationalityOther', e.currentTarget.value.toUpperCase())}
              error={errors.nationality}
              data-testid="nationality-other"
            />
          ) : null}
        </Stack>
        <MultiSelect
          label={t('person.languages')}
          searchable
          data={languages}
          value={v.languages}
          onChange={(l) => set('languages', l)}
          error={errors.languages}
          nothingFoundMessage={t('common.noResults')}
          data-testid="languages"
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('person.documents')}
        description={t('register.documentsHelp')}
        value={v.documentTypes}
        onChange={(d) => set('documentTypes', d)}
        error={errors.documents}
        data-testid="documents"
      >
        <Stack gap="xs" mt={6}>
          {DOCUMENT_TYPES.map((d) => (
            <Group key={d} gap="md" align="center" mih={36}>
              <Checkbox
                value={d}
                label={t(`person.documentTypes.${d}`)}
                w={200}
                data-testid={`document-${d}`}
              />
              {v.documentTypes.includes(d) ? (
                <TextInput
                  aria-label={t('register.documentNumber', { document: t(`person.documentTypes.${d}`) })}
                  placeholder={t('register.documentNumberPlaceholder')}
                  dir="ltr"
                  size="xs"
                  value={v.documentNumbers[d] ?? ''}
                  onChange={(e) =>
                    set('documentNumbers', { ...v.documentNumbers, [d]: e.currentTarget.value })
                  }
                  error={docError(d, 'number')}
                  w={220}
                  data-testid={`document-number-${d}`}
                />
              ) : null}
            </Group>
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput
        label={t('person.phone')}
        type="tel"
        dir="ltr"
        autoComplete="off"
        value={v.phone}
        onChange={(e) => set('phone', e.currentTarget.value)}
        error={errors.phone}
        w={{ base: '100%', sm: 260 }}
        data-testid="phone"
      />
    </Stack>
  );
}
