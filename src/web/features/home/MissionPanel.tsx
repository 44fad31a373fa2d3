import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Me } from '../../../domain/auth/schemas.ts';
import { type mission, missionUpdate } from '../../../domain/directory/schemas.ts';
import { api } from '../../api/client.ts';
import { ErrorState, FormAlert } from '../../components/ErrorState.tsx';
import { InfoNote, SavedNote } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { Panel } from '../../components/panels.tsx';
import { changedFields, opt, optNum } from '../../components/record/record.ts';
import { meQuery } from '../auth/api.ts';

type Mission = z.infer<typeof mission>;
const percentToShare = (n: number | undefined) => (n === undefined ? undefined : n / 100);
const KEY = ['mission'];

/** The mission's own name and country, for those the server lets update it. */
export function MissionPanel() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<Mission>('/mission', undefined, signal),
  });
  // kept here: the form below starts afresh with each new version
  const [saved, setSaved] = useState(false);
  return (
    <Panel title={t('mission.title')} testId="mission-panel">
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {saved ? <SavedNote text={t('directory.saved')} /> : null}
      {query.data ? <MissionForm key={query.data.version} mission={query.data} onSaved={setSaved} /> : null}
    </Panel>
  );
}

function MissionForm({ mission, onSaved }: { mission: Mission; onSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const form = useFormState({
    name: mission.name,
    countryCode: mission.countryCode ?? '',
    referralOverdueDays: mission.referralOverdueDays as number | string,
    idempotencyKeyHours: mission.idempotencyKeyHours as number | string,
    // shown as a percentage, like the duplicate panel's scores
    duplicatePercent: Math.round(mission.duplicateThreshold * 100) as number | string,
  });
  const editable = mission.allowedActions.includes('update');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSaved(false);
    setUnchanged(false);
    const payload = {
      name: form.values.name.trim(),
      countryCode: opt(form.values.countryCode)?.toUpperCase(),
      referralOverdueDays: optNum(form.values.referralOverdueDays),
      idempotencyKeyHours: optNum(form.values.idempotencyKeyHours),
      duplicateThreshold: percentToShare(optNum(form.values.duplicatePercent)),
    };
    const { changes, cleared } = changedFields(mission, payload);
    const extra = Object.fromEntries(cleared.map((k) => [k, t('validation.cannotClear')]));
    const body = form.validate(missionUpdate, { ...changes, version: mission.version }, extra);
    if (!body) return;
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.patch<Mission>('/mission', body);
      onSaved(true);
      queryClient.setQueryData(KEY, updated);
      // the header shows the mission's name from /me: update it here rather than wait for a refetch
      queryClient.setQueryData<Me>(meQuery.queryKey, (me) =>
        me ? { ...me, mission: { ...me.mission, name: updated.name } } : me,
      );
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('mission.code')}: <span className="sanad-ltr">{mission.code}</span>
        </Text>
        {unchanged ? <InfoNote text={t('directory.noChanges')} /> : null}
        <FormAlert error={form.requestError} />
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('mission.name')}
            readOnly={!editable}
            {...form.text('name')}
            style={{ flexGrow: 1 }}
            data-testid="mission-name"
          />
          <TextInput
            label={t('organisation.countryCode')}
            readOnly={!editable}
            maxLength={3}
            dir="ltr"
            w={140}
            {...form.text('countryCode')}
            data-testid="mission-country"
          />
        </Group>
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('mission.referralOverdueDays')}
            description={t('mission.referralOverdueDaysHelp')}
            readOnly={!editable}
            min={1}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            value={form.values.referralOverdueDays}
            onChange={(v) => form.set('referralOverdueDays', v)}
            error={form.errors.referralOverdueDays}
            data-testid="mission-overdue-days"
          />
          <NumberInput
            label={t('mission.idempotencyKeyHours')}
            description={t('mission.idempotencyKeyHoursHelp')}
            readOnly={!editable}
            min={1}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            value={form.values.idempotencyKeyHours}
            onChange={(v) => form.set('idempotencyKeyHours', v)}
            error={form.errors.idempotencyKeyHours}
            data-testid="mission-idempotency-hours"
          />
          <NumberInput
            label={t('ops.duplicates.threshold')}
            description={t('ops.duplicates.thresholdHelp')}
            readOnly={!editable}
            min={60}
            max={100}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            value={form.values.duplicatePercent}
            onChange={(v) => form.set('duplicatePercent', v)}
            error={form.errors.duplicateThreshold}
            data-testid="mission-duplicate-threshold"
          />
        </Group>
        {editable ? (
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={busy} data-testid="mission-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
