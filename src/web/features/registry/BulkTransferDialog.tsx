import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { bulkTransfer } from '../../../domain/registry/schemas.ts';
import { ApiError, api, newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { type Person, RESOURCE } from './api.ts';
import { today } from './identity.ts';
import { latinName } from './PersonParts.tsx';

// the server's reasons for one person, said in the user's language where known
const REASON_KEYS: Record<string, string> = {
  'Person not found': 'ops.bulk.reasons.notFound',
  'Not held in this centre now': 'ops.bulk.reasons.notHere',
  'You may not transfer this person': 'ops.bulk.reasons.notAllowed',
};

/** Transfers the people selected in a centre's list to another centre together: all or none. */
export function BulkTransferDialog({
  fromCentreId,
  people,
  opened,
  onClose,
  onDone,
}: {
  fromCentreId: string;
  people: Person[];
  opened: boolean;
  onClose: () => void;
  onDone: (moved: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ person?: Person; reason: string }[]>([]);
  const centres = useAllOf<Centre>('centres', { active: 'true' }, opened);
  const form = useFormState({ toCentreId: null as string | null, date: today(), reason: '' });
  const v = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefused([]);
    const body = form.validate(bulkTransfer, {
      personIds: people.map((p) => p.id),
      fromCentreId,
      toCentreId: v.toCentreId ?? undefined,
      date: v.date,
      reason: v.reason.trim() || undefined,
    });
    if (!body) return;
    setBusy(true);
    try {
      const res = await api.post<{ items: unknown[] }>('/transfers/bulk', body, key);
      await queryClient.invalidateQueries({ queryKey: [RESOURCE] });
      await queryClient.invalidateQueries({ queryKey: ['population'] });
      setKey(newIdempotencyKey());
      onDone(res.items.length);
    } catch (error) {
      const perPerson =
        error instanceof ApiError ? error.errors.filter((x) => x.path.startsWith('personIds.')) : [];
      if (perPerson.length) {
        setRefused(
          perPerson.map((x) => ({
            person: people[Number(x.path.split('.')[1])],
            reason: REASON_KEYS[x.message] ? t(REASON_KEYS[x.message] as string) : x.message,
          })),
        );
        // a corrected selection is a new request
        setKey(newIdempotencyKey());
      } else form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('ops.bulk.title', { count: people.length })}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="bulk-transfer-form">
        <Stack>
          <Text size="sm">{people.map(latinName).join(', ')}</Text>
          <Select
            label={t('movement.toCentre')}
            required
            searchable
            data={(centres.data ?? [])
              .filter((c) => c.id !== fromCentreId)
              .map((c) => ({ value: c.id, label: c.name }))}
            value={v.toCentreId}
            onChange={(c) => form.set('toCentreId', c)}
            error={form.errors.toCentreId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="bulk-centre"
          />
          <TextInput
            type="date"
            label={t('movement.date')}
            required
            max={today()}
            {...form.text('date')}
            data-testid="bulk-date"
          />
          <Textarea
            label={t('ops.bulk.reason')}
            autosize
            minRows={2}
            maxLength={500}
            value={v.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.errors.reason}
            data-testid="bulk-reason"
          />
          {refused.length ? (
            <Alert color="red" title={t('ops.bulk.refused')} data-testid="bulk-refused">
              <List size="sm">
                {refused.map((r, i) => (
                  <List.Item key={r.person?.id ?? i}>
                    <bdi>{r.person ? latinName(r.person) : '?'}</bdi>: {r.reason}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <FormAlert error={refused.length ? null : form.requestError} />
          <OtherErrors
            messages={unplacedErrors(form.errors, ['toCentreId', 'date', 'reason', 'personIds'])}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="bulk-save">
              {t('ops.bulk.submit', { count: people.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
