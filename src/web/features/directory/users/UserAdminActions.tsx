import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLockOpen, IconShieldOff } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, userUpdate } from '../../../../domain/directory/schemas.ts';
import { api } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { can } from '../../../components/record/record.ts';

export const isLocked = (u: Pick<User, 'lockedUntil'>): boolean =>
  !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** Unlock and password reset: administrator help for a user who cannot sign in. */
export function UserAdminActions({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const { t } = useTranslation();
  const [unlockError, setUnlockError] = useState<unknown>(null);
  const [unlocking, setUnlocking] = useState(false);
  if (!can(user, 'unlock') && !can(user, 'reset_password') && !can(user, 'reset_totp')) return null;

  const quick = async (body: { unlock: true } | { resetTotp: true }) => {
    setUnlocking(true);
    setUnlockError(null);
    try {
      onSaved(await api.patch<User>(`/users/${user.id}`, { version: user.version, ...body }));
    } catch (e) {
      setUnlockError(e);
    } finally {
      setUnlocking(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {can(user, 'unlock') ? (
          <Button
            variant="light"
            color="orange"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={unlocking}
            onClick={() => void quick({ unlock: true })}
            data-testid="unlock"
          >
            {t('user.unlock')}
          </Button>
        ) : null}
        {can(user, 'reset_password') ? <ResetPassword user={user} onSaved={onSaved} /> : null}
        {can(user, 'reset_totp') ? (
          <ConfirmButton
            label={t('user.resetTotp')}
            title={t('user.resetTotpTitle')}
            body={t('user.resetTotpBody', { name: user.displayName })}
            busy={unlocking}
            onConfirm={() => quick({ resetTotp: true })}
            testId="reset-totp"
          />
        ) : null}
      </Group>
      <FormAlert error={unlockError} />
    </Stack>
  );
}

function ResetPassword({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useFormState({ password: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(userUpdate, { version: user.version, password: form.values.password });
    if (!body) return;
    setBusy(true);
    try {
      const updated = await api.patch<User>(`/users/${user.id}`, body);
      form.setValues({ password: '' });
      close();
      onSaved(updated);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconKey size={16} aria-hidden />}
        onClick={open}
        data-testid="reset-password"
      >
        {t('user.resetPassword')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('user.resetPasswordTitle')}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Text size="sm">{t('user.resetPasswordBody', { name: user.displayName })}</Text>
            <FormAlert error={form.requestError} />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rules')}
              autoComplete="new-password"
              required
              {...form.text('password')}
              data-testid="reset-password-input"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="reset-password-submit">
                {t('user.resetPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ConfirmButton({
  label,
  title,
  body,
  busy,
  onConfirm,
  testId,
}: {
  label: string;
  title: string;
  body: string;
  busy: boolean;
  onConfirm: () => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconShieldOff size={16} aria-hidden />}
        onClick={open}
        data-testid={testId}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack>
          <Text size="sm">{body}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => void onConfirm().then(close)}
              data-testid={`${testId}-confirm`}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
