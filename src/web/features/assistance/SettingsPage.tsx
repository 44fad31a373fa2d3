import { Button, Checkbox, Group, MultiSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eligibilityRulesSet,
  ITEM_CATEGORIES,
  type ItemCategory,
  suppliesSettingsUpdate,
} from '../../../domain/supplies/catalogue.ts';
import { api } from '../../api/client.ts';
import { ErrorState, FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors, SavedNote } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { Section } from '../../components/Section.tsx';
import {
  assistanceKeys,
  type EligibilityRules,
  type SuppliesSettings,
  useEligibilityRules,
  useSuppliesSettings,
} from './api.ts';
import { useAssistanceLabels } from './labels.ts';
import { type RuleRows, ruleRows, rulesOf } from './rules.ts';

/** The mission's supplies settings: the near-expiry block, and eligibility rules per category. */
export function SettingsPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const settings = useSuppliesSettings();
  const rules = useEligibilityRules();
  const editable = has('catalogue:create');
  return (
    <RequireCapability capability="catalogue:read">
      <Stack maw={900}>
        <PageHeader title={t('assistance.settings.title')} subtitle={t('assistance.settings.subtitle')} />
        <Section title={t('assistance.settings.expiryTitle')} testId="near-expiry-settings">
          {settings.isError ? (
            <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
          ) : null}
          {settings.data ? (
            <NearExpiryForm key={settings.data.version} settings={settings.data} editable={editable} />
          ) : null}
        </Section>
        <Section title={t('assistance.settings.rulesTitle')} testId="eligibility-rules">
          {rules.isError ? <ErrorState error={rules.error} onRetry={() => void rules.refetch()} /> : null}
          {rules.data ? (
            <RulesForm key={JSON.stringify(rules.data)} rules={rules.data} editable={editable} />
          ) : null}
        </Section>
      </Stack>
    </RequireCapability>
  );
}

function NearExpiryForm({ settings, editable }: { settings: SuppliesSettings; editable: boolean }) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const queryClient = useQueryClient();
  const form = useFormState({
    nearExpiryBlockDays: settings.nearExpiryBlockDays as number | string,
    nearExpiryBlockCategories: settings.nearExpiryBlockCategories as string[],
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const v = form.values;
    const body = form.validate(suppliesSettingsUpdate, {
      nearExpiryBlockDays: v.nearExpiryBlockDays === '' ? undefined : Number(v.nearExpiryBlockDays),
      nearExpiryBlockCategories: v.nearExpiryBlockCategories,
      version: settings.version,
    });
    if (!body) return;
    setBusy(true);
    try {
      const updated = await api.patch<SuppliesSettings>('/stock/settings', body);
      queryClient.setQueryData(assistanceKeys.settings(), updated);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="near-expiry-form">
      <Stack gap="sm">
        {saved ? <SavedNote text={t('assistance.settings.saved')} /> : null}
        <NumberInput
          label={t('assistance.settings.days')}
          description={t('assistance.settings.daysHelp')}
          min={0}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          disabled={!editable}
          value={form.values.nearExpiryBlockDays}
          onChange={(v) => form.set('nearExpiryBlockDays', v)}
          error={form.errors.nearExpiryBlockDays}
          w={220}
          data-testid="near-expiry-days"
        />
        <MultiSelect
          label={t('assistance.settings.categories')}
          description={t('assistance.settings.categoriesHelp')}
          disabled={!editable}
          data={ITEM_CATEGORIES.map((c) => ({ value: c, label: l.category(c) }))}
          value={form.values.nearExpiryBlockCategories}
          onChange={(v) => form.set('nearExpiryBlockCategories', v)}
          error={form.errors.nearExpiryBlockCategories}
          data-testid="near-expiry-categories"
        />
        <FormAlert error={form.requestError} />
        <OtherErrors
          messages={unplacedErrors(form.errors, ['nearExpiryBlockDays', 'nearExpiryBlockCategories'])}
        />
        {editable ? (
          <Group>
            <Button type="submit" loading={busy} data-testid="near-expiry-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

function RulesForm({ rules, editable }: { rules: EligibilityRules; editable: boolean }) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const queryClient = useQueryClient();
  const form = useFormState({ rows: ruleRows(rules.items) });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const rows = form.values.rows;
  const change = (c: ItemCategory, patch: Partial<RuleRows[ItemCategory]>) =>
    form.set('rows', { ...rows, [c]: { ...rows[c], ...patch } });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = form.validate(eligibilityRulesSet, { items: rulesOf(rows) });
    if (!body) return;
    setBusy(true);
    try {
      const updated = await api.put<EligibilityRules>('/distributions/rules', body);
      queryClient.setQueryData(assistanceKeys.rules(), updated);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
    setBusy(false);
  };
  // the checked rows, in order, are what `items.N` in an error refers to
  const indexOf = (c: ItemCategory) => rulesOf(rows).findIndex((r) => r.category === c);
  const err = (c: ItemCategory, f: string) => {
    const i = indexOf(c);
    return i < 0 ? undefined : form.errors[`items.${i}.${f}`];
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="rules-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('assistance.settings.rulesHelp')}
        </Text>
        {saved ? <SavedNote text={t('assistance.settings.saved')} /> : null}
        <ScrollTable minWidth={560} label={t('assistance.settings.rulesTitle')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assistance.settings.category')}</Table.Th>
                <Table.Th>{t('assistance.settings.allowed')}</Table.Th>
                <Table.Th>{t('assistance.settings.interval')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ITEM_CATEGORIES.map((c) => (
                <Table.Tr key={c} data-testid={`rule-${c}`}>
                  <Table.Td>
                    <Checkbox
                      label={l.category(c)}
                      checked={rows[c].on}
                      disabled={!editable}
                      onChange={(e) => change(c, { on: e.currentTarget.checked })}
                      data-testid="rule-on"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${l.category(c)} — ${t('assistance.settings.allowed')}`}
                      min={1}
                      max={100}
                      allowDecimal={false}
                      disabled={!editable || !rows[c].on}
                      value={rows[c].allowed}
                      onChange={(v) => change(c, { allowed: v })}
                      error={err(c, 'allowed')}
                      w={110}
                      data-testid="rule-allowed"
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${l.category(c)} — ${t('assistance.settings.interval')}`}
                      min={1}
                      max={3650}
                      allowDecimal={false}
                      disabled={!editable || !rows[c].on}
                      value={rows[c].intervalDays}
                      onChange={(v) => change(c, { intervalDays: v })}
                      error={err(c, 'intervalDays')}
                      w={130}
                      data-testid="rule-interval"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, ['items'])} />
        {editable ? (
          <Group>
            <Button type="submit" loading={busy} data-testid="rules-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
