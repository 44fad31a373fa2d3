import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFlagCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors } from '../../../components/form/fieldErrors.ts';
import { can, opt } from '../../../components/record/record.ts';
import { type AlertView, useAlertTransition } from './api.ts';

/** The policy's action names and the status each moves the alert to. */
const STEPS = [
  {
    action: 'verify',
    status: 'verified',
    icon: IconCircleCheck,
    color: undefined,
    labelKey: 'alerts.actions.verify',
    helpKey: 'alerts.noteHelp.verify',
  },
  {
    action: 'respond',
    status: 'responded',
    icon: IconFlagCheck,
    color: 'teal',
    labelKey: 'alerts.actions.respond',
    helpKey: 'alerts.noteHelp.respond',
  },
  {
    action: 'discard',
    status: 'discarded',
    icon: IconCircleX,
    color: 'gray',
    labelKey: 'alerts.actions.discard',
    helpKey: 'alerts.noteHelp.discard',
  },
] as const;
type Step = (typeof STEPS)[number];

/** Verify, discard or record the response, as `allowedActions` offers, each with a note. */
export function AlertActions({
  alert: a,
  onDone,
}: {
  alert: AlertView;
  onDone: (updated: AlertView) => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const offered = STEPS.filter((s) => can(a, s.action));
  if (offered.length === 0) return null;
  return (
    <>
      <Group gap="xs" data-testid="alert-actions">
        {offered.map((s) => (
          <Button
            key={s.action}
            color={s.color}
            variant={s.action === 'discard' ? 'light' : 'filled'}
            leftSection={<s.icon size={16} aria-hidden />}
            onClick={() => setStep(s)}
            data-testid={`alert-${s.action}`}
          >
            {t(s.labelKey)}
          </Button>
        ))}
      </Group>
      <Modal opened={step !== null} onClose={() => setStep(null)} title={step ? t(step.labelKey) : ''}>
        {step ? (
          <TransitionForm
            alert={a}
            step={step}
            onCancel={() => setStep(null)}
            onDone={(u) => {
              setStep(null);
              onDone(u);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function TransitionForm({
  alert: a,
  step,
  onCancel,
  onDone,
}: {
  alert: AlertView;
  step: Step;
  onCancel: () => void;
  onDone: (u: AlertView) => void;
}) {
  const { t } = useTranslation();
  const transition = useAlertTransition();
  const [key] = useState(newIdempotencyKey);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onDone(await transition(a, { status: step.status, note: opt(note) }, key));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = isApiError(error) ? serverErrors(error.errors, t) : {};
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('alerts.note')}
          description={t(step.helpKey)}
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-autofocus
          data-testid="alert-note"
        />
        <FormAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={step.color} data-testid="alert-confirm">
            {t(step.labelKey)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
