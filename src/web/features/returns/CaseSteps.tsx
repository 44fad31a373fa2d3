import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowForward, IconDoorExit } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnState } from '../../../domain/returns/states.ts';
import { isApiError } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { serverErrors } from '../../components/form/fieldErrors.ts';
import { opt } from '../../components/record/record.ts';
import { Section } from '../../components/Section.tsx';
import { postTransition, useReturnsRefresh } from './api.ts';
import { caseSteps, isBlocker, refusal, type Step } from './logic.ts';
import type { ReturnCase } from './types.ts';

/**
 * The next steps: a button for each step the server offers; a blocked step disabled with what
 * blocks it. Withdrawn, ineligible and no-show ask for the reason first; the others confirm.
 */
export function CaseSteps({ rc, onDone }: { rc: ReturnCase; onDone: (updated: ReturnCase) => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<Step | null>(null);
  // kept while the dialog closes, so its title does not vanish mid-animation
  const [shown, setShown] = useState<ReturnState>('counselled');
  const steps = caseSteps(rc);
  if (steps.length === 0) return null;
  return (
    <Section title={t('returns.steps.title')} testId="return-steps">
      <Stack gap="sm">
        {steps.map((s) => (
          <Stack key={s.state} gap={4} data-testid="return-step" data-state={s.state}>
            <Group>
              <Button
                variant={s.exit ? 'light' : 'filled'}
                color={s.exit ? 'orange' : undefined}
                disabled={!s.offered}
                // long state names wrap on a phone rather than run off the screen
                h="auto"
                py={6}
                styles={{ label: { whiteSpace: 'normal' } }}
                leftSection={
                  s.exit ? <IconDoorExit size={16} aria-hidden /> : <IconArrowForward size={16} aria-hidden />
                }
                onClick={() => {
                  setShown(s.state);
                  setTo(s);
                }}
                aria-describedby={s.blockers.length ? `blockers-${s.state}` : undefined}
                data-testid={`to-${s.state}`}
              >
                {t('returns.steps.moveTo', { state: t(`returns.states.${s.state}`) })}
              </Button>
            </Group>
            {s.blockers.length > 0 ? (
              <List size="sm" c="dimmed" id={`blockers-${s.state}`} data-testid="step-blockers">
                {s.blockers.map((b) => (
                  <List.Item key={b} data-blocker={b}>
                    {t(`returns.blockers.${b}`)}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ))}
      </Stack>
      <Modal
        opened={to !== null}
        onClose={() => setTo(null)}
        title={t('returns.steps.confirmTitle', { state: t(`returns.states.${shown}`) })}
      >
        {to ? (
          <StepForm
            key={to.state}
            rc={rc}
            step={to}
            onCancel={() => setTo(null)}
            onDone={(u) => {
              setTo(null);
              onDone(u);
            }}
          />
        ) : null}
      </Modal>
    </Section>
  );
}

function StepForm({
  rc,
  step,
  onCancel,
  onDone,
}: {
  rc: ReturnCase;
  step: Step;
  onCancel: () => void;
  onDone: (u: ReturnCase) => void;
}) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (step.needsReason && !reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const updated = await postTransition(rc, step.state, step.needsReason ? opt(reason) : undefined);
      await refresh();
      onDone(updated);
    } catch (err) {
      // the reason typed stays; a refusal (422 with blockers) or a stale version shows here
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = isApiError(error) ? serverErrors(error.errors, t) : {};
  const refused = isApiError(error, 422) ? refusal(error.errors) : [];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="step-form">
      <Stack>
        <Text size="sm">
          {t(step.needsReason ? 'returns.steps.reasonBody' : 'returns.steps.confirmBody', {
            state: t(`returns.states.${step.state}`),
          })}
        </Text>
        {step.needsReason ? (
          <Textarea
            label={t('returns.steps.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            dir="auto"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : fieldErrors.reason}
            data-testid="step-reason"
          />
        ) : null}
        {refused.length > 0 ? (
          <List size="sm" c="red.8" role="alert" data-testid="step-refused">
            {refused.map((b) => (
              <List.Item key={b}>{isBlocker(b) ? t(`returns.blockers.${b}`) : b}</List.Item>
            ))}
          </List>
        ) : (
          <FormAlert error={error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            color={step.exit ? 'orange' : undefined}
            data-testid="step-confirm"
          >
            {t('returns.steps.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
