import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reversalCreate } from '../../../../domain/supplies/movements.ts';
import { ApiError, newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors, zodErrors } from '../../../components/form/fieldErrors.ts';
import { type Movement, reverseMovement } from '../api.ts';
import { quantityText } from '../parts.tsx';

/** Reverse one ledger entry (the only correction): a reason is required; the server refuses if it would go negative. */
export function ReverseDialog({
  movement,
  unit,
  onClose,
  onDone,
}: {
  movement: Movement;
  unit: { baseUnit: string; packSize: number };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [requestError, setRequestError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // one key per dialog: a retry after a lost answer cannot reverse twice
  const [key] = useState(newIdempotencyKey);
  const submit = async () => {
    const parsed = reversalCreate.safeParse({ reasonText: text });
    if (!parsed.success) {
      setError(zodErrors(parsed.error.issues, t).reasonText);
      return;
    }
    setBusy(true);
    setRequestError(null);
    try {
      await reverseMovement(movement.id, parsed.data.reasonText, key);
      onDone();
    } catch (e) {
      setRequestError(e);
      if (e instanceof ApiError) setError(serverErrors(e.errors, t).reasonText);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('supplies.card.reverseTitle')} centered>
      <Stack>
        <Text size="sm">
          {t('supplies.card.reverseBody', {
            quantity: quantityText(-movement.quantity, unit),
            lot: movement.lotNumber,
          })}
        </Text>
        <FormAlert error={requestError} />
        <Textarea
          label={t('supplies.card.reverseReason')}
          required
          autosize
          minRows={2}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-autofocus
          data-testid="reverse-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void submit()} data-testid="reverse-confirm">
            {t('supplies.card.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
