import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../domain/directory/schemas.ts';
import { reintegrationPlanInput } from '../../../../domain/returns/reintegration.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { opt } from '../../../components/record/record.ts';
import { type ReintegrationView, savePlan } from './api.ts';
import { NOT_PARTNER_KINDS, today } from './logic.ts';

type Plan = NonNullable<ReintegrationView['plan']>;

/** Makes the plan (no version) or changes it; the server moves the case and schedules follow-ups. */
export function PlanForm({
  caseId,
  plan,
  onDone,
  onCancel,
}: {
  caseId: string;
  plan: Plan | null;
  onDone: () => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const orgs = useAllOf<Organisation>('organisations', { active: 'true' });
  const form = useFormState({
    partnerOrganisationId: plan?.partner.id ?? '',
    currency: plan?.currency ?? 'USD',
    agreedOn: plan?.agreedOn ?? today(),
    note: plan?.note ?? '',
  });
  const [busy, setBusy] = useState(false);
  const v = form.values;
  const partners = (orgs.data ?? [])
    .filter((o) => !NOT_PARTNER_KINDS.includes(o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  const submit = async () => {
    const body = form.validate(reintegrationPlanInput, {
      ...(plan ? { version: plan.version } : {}),
      partnerOrganisationId: v.partnerOrganisationId,
      currency: v.currency.trim().toUpperCase(),
      agreedOn: v.agreedOn,
      note: opt(v.note) ?? null,
    });
    if (!body) return;
    setBusy(true);
    try {
      await savePlan(caseId, body);
      await onDone();
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="plan-form">
      <Select
        label={t('reintegration.plan.partner')}
        required
        searchable
        data={partners}
        value={v.partnerOrganisationId || null}
        onChange={(x) => form.set('partnerOrganisationId', x ?? '')}
        error={form.errors.partnerOrganisationId}
        nothingFoundMessage={t('common.noResults')}
        data-testid="plan-partner"
      />
      <Group grow wrap="wrap" align="flex-start">
        <TextInput
          label={t('reintegration.plan.currency')}
          description={t('reintegration.plan.currencyHint')}
          required
          maxLength={3}
          dir="ltr"
          {...form.text('currency')}
          data-testid="plan-currency"
        />
        <TextInput
          type="date"
          label={t('reintegration.plan.agreedOn')}
          required
          {...form.text('agreedOn')}
          data-testid="plan-agreed-on"
        />
      </Group>
      <Textarea
        label={t('reintegration.plan.note')}
        autosize
        minRows={2}
        value={form.values.note}
        onChange={(e) => form.set('note', e.currentTarget.value)}
      />
      <FormAlert error={form.requestError} />
      <Group gap="xs">
        <Button onClick={() => void submit()} loading={busy} data-testid="plan-save">
          {plan ? t('common.save') : t('reintegration.plan.create')}
        </Button>
        {onCancel ? (
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
