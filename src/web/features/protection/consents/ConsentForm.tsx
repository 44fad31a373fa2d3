import { Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, consentCreate } from '../../../../domain/protection/records.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useCreate } from '../../../components/record/useRecord.ts';
import type { Person } from '../../registry/api.ts';
import { languageOptions } from '../../registry/codes.ts';
import { today } from '../../registry/identity.ts';
import { type Consent, useProtectionRefresh, useProtectionSummary } from '../api.ts';
import { useOrganisationOptions } from '../options.ts';
import { initialPurpose } from '../referrals/services.ts';

const PLACED = [
  'purpose',
  'recipientOrganisationId',
  'decision',
  'method',
  'language',
  'interpreter',
  'givenOn',
];

export interface ConsentPreset {
  purpose?: string;
  recipientOrganisationId?: string;
  /** the purpose and recipient are given (a consent to return, for the case's embassy): shown, not chosen */
  fixed?: boolean;
}

/**
 * Informed consent (or a refusal) for one purpose and one recipient organisation (DESIGN §6). The
 * purposes offered are those the person's protection summary says the reader may record (a doctor
 * only `medical`), so the form never offers what the server would refuse.
 */
export function ConsentForm({
  person,
  preset = {},
  onDone,
  onCancel,
}: {
  person: Person;
  preset?: ConsentPreset;
  onDone: (c: Consent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreate<Consent>('consents');
  const refresh = useProtectionRefresh();
  const orgs = useOrganisationOptions();
  const languages = useMemo(() => languageOptions(person.languages), [person.languages]);
  const offered = useProtectionSummary(person.id).data?.consentPurposes ?? [];
  const form = useFormState({
    purpose: initialPurpose(offered, preset.purpose) as string | null,
    recipientOrganisationId: (preset.recipientOrganisationId ?? null) as string | null,
    decision: 'given' as string,
    method: 'verbal' as string,
    language: (person.languages[0] ?? null) as string | null,
    interpreter: false,
    givenOn: today(),
  });
  const [busy, setBusy] = useState(false);
  const v = form.values;
  // the summary may arrive after the form opened: its purpose is then chosen as it would have been
  const purpose = v.purpose ?? initialPurpose(offered, preset.purpose);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(consentCreate, {
      ...v,
      personId: person.id,
      purpose: purpose ?? undefined,
      recipientOrganisationId: v.recipientOrganisationId ?? undefined,
      language: v.language ?? undefined,
    });
    if (!body) return;
    setBusy(true);
    try {
      const saved = await create(body);
      await refresh(person.id);
      onDone(saved);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="consent-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('consent.purpose')}
            required
            allowDeselect={false}
            readOnly={preset.fixed}
            data={offered.map((p) => ({ value: p, label: t(`consent.purposes.${p}`) }))}
            value={purpose}
            onChange={(x) => form.set('purpose', x)}
            error={form.errors.purpose}
            data-testid="consent-purpose"
          />
          <Select
            label={t('consent.recipient')}
            required
            searchable={!preset.fixed}
            readOnly={preset.fixed}
            allowDeselect={false}
            data={orgs.options}
            value={v.recipientOrganisationId}
            onChange={(x) => form.set('recipientOrganisationId', x)}
            error={form.errors.recipientOrganisationId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="consent-recipient"
          />
        </SimpleGrid>
        <Radio.Group
          label={t('consent.decision')}
          required
          value={v.decision}
          onChange={(x) => form.set('decision', x)}
          error={form.errors.decision}
        >
          <Group gap="lg" mt={4}>
            <Radio value="given" label={t('consent.decisions.given')} data-testid="consent-given" />
            <Radio value="declined" label={t('consent.decisions.declined')} data-testid="consent-declined" />
          </Group>
        </Radio.Group>
        <Radio.Group
          label={t('consent.method')}
          required
          value={v.method}
          onChange={(x) => form.set('method', x)}
          error={form.errors.method}
        >
          <Group gap="lg" mt={4}>
            {CONSENT_METHODS.map((m) => (
              <Radio
                key={m}
                value={m}
                label={t(`consent.methods.${m}`)}
                data-testid={`consent-method-${m}`}
              />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('consent.language')}
            required
            searchable
            allowDeselect={false}
            data={languages}
            value={v.language}
            onChange={(x) => form.set('language', x)}
            error={form.errors.language}
            nothingFoundMessage={t('common.noResults')}
            data-testid="consent-language"
          />
          <TextInput
            type="date"
            label={t('consent.givenOn')}
            required
            max={today()}
            {...form.text('givenOn')}
            data-testid="consent-date"
          />
        </SimpleGrid>
        <Checkbox
          label={t('consent.interpreter')}
          checked={v.interpreter}
          onChange={(e) => form.set('interpreter', e.currentTarget.checked)}
          data-testid="consent-interpreter"
        />
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, PLACED)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="consent-save">
            {t('consent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
