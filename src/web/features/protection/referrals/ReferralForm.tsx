import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ReferralService,
  referralConsentPurpose,
  referralCreate,
  URGENCIES,
} from '../../../../domain/protection/records.ts';
import { api, isApiError } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { opt } from '../../../components/record/record.ts';
import { useCreate } from '../../../components/record/useRecord.ts';
import type { Person } from '../../registry/api.ts';
import { type Referral, type ReferralRecipient, useProtectionRefresh } from '../api.ts';
import { ConsentForm } from '../consents/ConsentForm.tsx';
import { useLocalised } from '../labels.ts';
import { ConsentMissing, ConsentRefused, isConsentRefused } from './ConsentMissing.tsx';
import { initialService, serviceOptions } from './services.ts';

const PLACED = [
  'recipientOrganisationId',
  'service',
  'urgency',
  'reason',
  'linkedFlags',
  'consentOverrideReason',
];

/**
 * The organisations a referral of this person for this service may go to, as the server says
 * (a sharing profile that takes the service; never an embassy nor the detaining authority).
 */
function useRecipients(personId: string, service: string | null) {
  const query = useQuery({
    queryKey: ['referrals', 'recipients', personId, service],
    enabled: !!service,
    queryFn: ({ signal }) =>
      api.get<{ items: ReferralRecipient[] }>('/referrals/recipients', { personId, service }, signal),
  });
  const options = (query.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name,
  }));
  return { query, options };
}

/**
 * A new referral (a draft until it is sent). The service comes first, among those the server says
 * the reader may refer this person for (`services`: a doctor or nurse only `medical`); then only
 * the organisations that take it (and may receive this person's data) are offered. Without the person's consent for this recipient the
 * server refuses it: the form then offers to record the consent, or a protection officer's override.
 */
export function ReferralForm({
  person,
  flags,
  overridesConsent,
  services,
  service: wanted,
  onDone,
  onCancel,
}: {
  person: Person;
  /** the service a screening recommends, prefilled */
  service?: string;
  /** the latest screening's flags, offered as the referral's linked flags */
  flags: readonly string[];
  overridesConsent: boolean;
  /** the services the reader may refer this person for: the person's protection summary says */
  services: readonly ReferralService[];
  onDone: (r: Referral) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  const create = useCreate<Referral>('referrals');
  const refresh = useProtectionRefresh();
  const form = useFormState({
    recipientOrganisationId: null as string | null,
    service: initialService(services, wanted) as string | null,
    urgency: 'routine' as string | null,
    reason: '',
    linkedFlags: [...flags],
  });
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState(false);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const [override, setOverride] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const v = form.values;
  const orgs = useRecipients(person.id, v.service);
  const recipient = orgs.options.find((o) => o.value === v.recipientOrganisationId)?.label ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(referralCreate, {
      ...v,
      personId: person.id,
      recipientOrganisationId: v.recipientOrganisationId ?? undefined,
      service: v.service ?? undefined,
      urgency: v.urgency ?? undefined,
      consentOverrideReason: override === null ? undefined : (opt(override) ?? ''),
    });
    if (!body) return;
    setBusy(true);
    try {
      const saved = await create(body);
      await refresh(person.id);
      onDone(saved);
    } catch (error) {
      setRefused(isConsentRefused(error));
      if (isConsentRefused(error)) setMissing(false);
      else if (isApiError(error, 422) && error.code === 'consent_missing') {
        setMissing(true);
        setRecorded(false);
      } else if (isApiError(error, 403) && override !== null)
        form.setErrors({ consentOverrideReason: t('referral.overrideRefused') });
      else form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (recording)
    return (
      <Stack>
        <Text size="sm" fw={600}>
          {t('referral.recordConsentFor', { recipient })}
        </Text>
        <ConsentForm
          person={person}
          // the purpose this referral's consent check asks for: `medical` for a hospital
          preset={{
            purpose: referralConsentPurpose(v.service ?? ''),
            recipientOrganisationId: v.recipientOrganisationId ?? undefined,
          }}
          onCancel={() => setRecording(false)}
          onDone={(c) => {
            setRecording(false);
            if (c.valid) {
              setMissing(false);
              setRecorded(true);
            }
          }}
        />
      </Stack>
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="referral-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('referral.service')}
            required
            searchable
            allowDeselect={false}
            data={serviceOptions(services, l.service)}
            value={v.service}
            onChange={(x) => {
              form.set('service', x);
              // a recipient that does not take the new service is no longer offered
              form.set('recipientOrganisationId', null);
              setMissing(false);
              setRecorded(false);
            }}
            error={form.errors.service}
            data-testid="referral-service"
          />
          <Select
            label={t('referral.recipient')}
            required
            searchable
            allowDeselect={false}
            data={orgs.options}
            disabled={!v.service}
            placeholder={v.service ? undefined : t('protection.chooseServiceFirst')}
            description={t('protection.recipientsHelp')}
            value={v.recipientOrganisationId}
            onChange={(x) => {
              form.set('recipientOrganisationId', x);
              setMissing(false);
              setRecorded(false);
            }}
            error={form.errors.recipientOrganisationId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="referral-recipient"
          />
        </SimpleGrid>
        {v.service && orgs.query.isSuccess && orgs.options.length === 0 ? (
          <InfoNote text={t('protection.noRecipients')} testId="no-recipients" />
        ) : null}
        {orgs.query.isError ? <FormAlert error={orgs.query.error} /> : null}
        <Select
          label={t('referral.urgency')}
          allowDeselect={false}
          data={URGENCIES.map((u) => ({ value: u, label: l.urgency(u) }))}
          value={v.urgency}
          onChange={(x) => form.set('urgency', x)}
          error={form.errors.urgency}
          maw={260}
          data-testid="referral-urgency"
        />
        <Textarea
          label={t('referral.reason')}
          description={t('referral.reasonHelp')}
          required
          autosize
          minRows={3}
          dir="auto"
          value={v.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason}
          data-testid="referral-reason"
        />
        {flags.length > 0 ? (
          <Checkbox.Group
            label={t('referral.linkedFlags')}
            description={t('referral.linkedFlagsHelp')}
            value={v.linkedFlags}
            onChange={(x) => form.set('linkedFlags', x)}
            error={form.errors.linkedFlags}
          >
            <Stack gap={4} mt={6}>
              {flags.map((f) => (
                <Checkbox key={f} value={f} label={l.flag(f)} data-testid={`linked-flag-${f}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {recorded ? <InfoNote text={t('referral.consentRecorded')} testId="consent-recorded" /> : null}
        {refused ? <ConsentRefused /> : null}
        {missing ? (
          <ConsentMissing
            name={`${person.givenName} ${person.familyName}`}
            recipient={recipient}
            overridesConsent={overridesConsent}
            onRecordConsent={() => setRecording(true)}
            override={override}
            onOverride={setOverride}
            error={form.errors.consentOverrideReason}
          />
        ) : null}
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, PLACED)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="referral-save">
            {override !== null ? t('referral.referWithOverride') : t('referral.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
