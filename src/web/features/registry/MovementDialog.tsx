import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { ADMISSION_CIRCUMSTANCES, movement } from '../../../domain/registry/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { type FieldErrors, unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { END_TYPES, type Person, postMovement } from './api.ts';
import { today } from './identity.ts';
import { latinName } from './PersonParts.tsx';

export type MovementKind = 'admission' | 'transfer' | 'end';

/** Admission, transfer, or the end of detention (release, return, deportation, escape, death), dated. */
export function MovementDialog({
  person,
  kind,
  onClose,
  onDone,
}: {
  person: Person;
  kind: MovementKind | null;
  onClose: () => void;
  onDone: (person: Person | null) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t(`movement.titles.${kind}`, { name: latinName(person) }) : ''}
    >
      {kind ? (
        <MovementForm key={kind} person={person} kind={kind} onClose={onClose} onDone={onDone} />
      ) : null}
    </Modal>
  );
}

function MovementForm({
  person,
  kind,
  onClose,
  onDone,
}: {
  person: Person;
  kind: MovementKind;
  onClose: () => void;
  onDone: (person: Person | null) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const centres = useAllOf<Centre>('centres', { active: 'true' }, kind !== 'end');
  const form = useFormState({
    type: (kind === 'end' ? null : kind) as string | null,
    centreId: null as string | null,
    date: today(),
    circumstances: 'unknown' as string | null,
    confirmed: false,
  });
  const v = form.values;
  const death = v.type === 'death';
  const centreOptions = (centres.data ?? [])
    .filter((c) => c.id !== person.current?.centreId)
    .map((c) => ({ value: c.id, label: c.name }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const payload =
      kind === 'admission'
        ? {
            type: 'admission',
            centreId: v.centreId ?? undefined,
            date: v.date,
            circumstances: v.circumstances,
          }
        : kind === 'transfer'
          ? { type: 'transfer', centreId: v.centreId ?? undefined, date: v.date }
          : { type: v.type ?? undefined, date: v.date };
    const unconfirmed: FieldErrors =
      death && !v.confirmed ? { confirmed: t('movement.confirmDeathRequired') } : {};
    const body = form.validate(movement, payload, unconfirmed);
    if (!body) return;
    setBusy(true);
    try {
      const res = await postMovement(person.id, body, key);
      await onDone(res.person);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="movement-form">
      <Stack>
        {person.current ? (
          <Text size="sm">
            {t('person.currentLocation')}: <bdi>{person.current.centreName}</bdi>
          </Text>
        ) : null}
        {kind === 'end' ? (
          <Select
            label={t('movement.endType')}
            required
            allowDeselect={false}
            data={END_TYPES.map((x) => ({ value: x, label: t(`episode.endReasons.${x}`) }))}
            value={v.type}
            onChange={(x) => form.set('type', x)}
            error={form.errors.type}
            data-testid="movement-type"
          />
        ) : (
          <Select
            label={kind === 'transfer' ? t('movement.toCentre') : t('person.centre')}
            required
            searchable
            data={centreOptions}
            value={v.centreId}
            onChange={(c) => form.set('centreId', c)}
            error={form.errors.centreId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="movement-centre"
          />
        )}
        <TextInput
          type="date"
          label={t('movement.date')}
          required
          max={today()}
          {...form.text('date')}
          data-testid="movement-date"
        />
        {kind === 'admission' ? (
          <Select
            label={t('episode.circumstances')}
            allowDeselect={false}
            data={ADMISSION_CIRCUMSTANCES.map((c) => ({
              value: c,
              label: t(`episode.circumstanceTypes.${c}`),
            }))}
            value={v.circumstances}
            onChange={(c) => form.set('circumstances', c)}
            data-testid="movement-circumstances"
          />
        ) : null}
        {death ? (
          <Alert color="red" title={t('movement.deathTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('movement.deathBody')}</Text>
              <Checkbox
                label={t('movement.confirmDeath')}
                checked={v.confirmed}
                onChange={(e) => form.set('confirmed', e.currentTarget.checked)}
                error={form.errors.confirmed}
                data-testid="confirm-death"
              />
            </Stack>
          </Alert>
        ) : null}
        <FormAlert error={form.requestError} />
        <OtherErrors
          messages={unplacedErrors(form.errors, ['type', 'centreId', 'date', 'circumstances', 'confirmed'])}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={death ? 'red' : undefined} data-testid="movement-save">
            {t(`movement.submit.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
