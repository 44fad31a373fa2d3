import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import {
  IconBan,
  IconCircleCheck,
  IconCircleX,
  IconEye,
  IconFlagCheck,
  IconSend,
  IconThumbUp,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES } from '../../../../domain/protection/records.ts';
import { isApiError } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors } from '../../../components/form/fieldErrors.ts';
import { opt } from '../../../components/record/record.ts';
import { postTransition, type Referral, useProtectionRefresh } from '../api.ts';
import { ConsentMissing, ConsentRefused, isConsentRefused } from './ConsentMissing.tsx';

const ICONS: Record<string, typeof IconSend> = {
  sent: IconSend,
  acknowledged: IconEye,
  accepted: IconThumbUp,
  declined: IconCircleX,
  completed: IconFlagCheck,
  cancelled: IconBan,
};
const COLOURS: Record<string, string | undefined> = { declined: 'orange', cancelled: 'red' };

/** The lifecycle steps the server allows now (`to:<status>` in allowedActions), each with an optional note. */
export function ReferralTransitions({
  referral: r,
  onDone,
}: {
  referral: Referral;
  onDone: (updated: Referral, message: string) => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | null>(null);
  // kept while the dialog closes, so its title does not vanish mid-animation
  const [shown, setShown] = useState<string>('sent');
  const steps = REFERRAL_STATUSES.filter((s) => r.allowedActions.includes(`to:${s}`));
  if (steps.length === 0) return null;
  return (
    <>
      <Group gap="xs" data-testid="referral-actions">
        {steps.map((s) => {
          const Icon = ICONS[s] ?? IconCircleCheck;
          return (
            <Button
              key={s}
              variant={s === 'cancelled' || s === 'declined' ? 'light' : 'filled'}
              color={COLOURS[s]}
              leftSection={<Icon size={16} aria-hidden />}
              onClick={() => {
                setShown(s);
                setTo(s);
              }}
              data-testid={`to-${s}`}
            >
              {t(`referral.actions.${s}`)}
            </Button>
          );
        })}
      </Group>
      <Modal
        opened={to !== null}
        onClose={() => setTo(null)}
        title={t('referral.confirmTitle', { status: t(`protection.referralStatuses.${shown}`) })}
      >
        {to ? (
          <TransitionForm
            key={to}
            referral={r}
            to={to}
            onCancel={() => setTo(null)}
            onDone={(u) => {
              setTo(null);
              onDone(u, t('referral.moved', { status: t(`protection.referralStatuses.${u.status}`) }));
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function TransitionForm({
  referral: r,
  to,
  onCancel,
  onDone,
}: {
  referral: Referral;
  to: string;
  onCancel: () => void;
  onDone: (u: Referral) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useProtectionRefresh();
  const [note, setNote] = useState('');
  const [override, setOverride] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState(false);
  const [overrideRefused, setOverrideRefused] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setRefused(false);
    setBusy(true);
    try {
      const updated = await postTransition(r, to, opt(note), override === null ? undefined : override.trim());
      await refresh(r.personId);
      onDone(updated);
    } catch (err) {
      if (isApiError(err, 422) && err.code === 'consent_missing') setMissing(true);
      else if (isConsentRefused(err)) setRefused(true);
      else if (isApiError(err, 403) && override !== null) setOverrideRefused(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = isApiError(error) ? serverErrors(error.errors, t) : {};

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="transition-form">
      <Stack>
        <Text size="sm">{t(`referral.confirmBody.${to}`)}</Text>
        <Textarea
          label={t('referral.note')}
          description={t('referral.noteHelp')}
          autosize
          minRows={2}
          maxLength={1000}
          dir="auto"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldErrors.note}
          data-testid="transition-note"
        />
        {refused ? <ConsentRefused /> : null}
        {missing ? (
          <ConsentMissing
            name={r.personName}
            recipient={r.recipientName}
            overridesConsent={r.allowedActions.includes('override_consent')}
            onRecordConsent={() =>
              void navigate({ to: '/persons/$id', params: { id: r.personId }, search: { tab: 'protection' } })
            }
            override={override}
            onOverride={(x) => {
              setOverride(x);
              setOverrideRefused(false);
            }}
            error={overrideRefused ? t('referral.overrideRefused') : fieldErrors.consentOverrideReason}
          />
        ) : null}
        <FormAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={COLOURS[to]} data-testid="transition-confirm">
            {t(`referral.actions.${to}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
