import { Button, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createMovement, MOVEMENT_KINDS } from '../../../../domain/returns/movements.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { postMovement, useMovementsRefresh } from './api.ts';

/** Plans a movement: kind, date, route, country, carrier, flight number and seats. */
export function NewMovementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useMovementsRefresh();
  // one key per form: a retry after a lost answer cannot plan the movement twice
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const f = useFormState({
    kind: 'charter',
    departsOn: '',
    route: '',
    destinationCountry: '',
    carrier: '',
    flightNumber: '',
    seats: '' as number | '',
  });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = f.values;
    const body = f.validate(createMovement, {
      ...v,
      destinationCountry: v.destinationCountry.trim().toUpperCase(),
      flightNumber: v.flightNumber.trim() || null,
      seats: v.seats === '' ? undefined : v.seats,
    });
    if (!body) return;
    setBusy(true);
    try {
      const created = await postMovement(body, key);
      await refresh();
      await navigate({ to: '/movements/$id', params: { id: created.id } });
    } catch (err) {
      f.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <RequireCapability capability="movements:create">
      <BackLink to="/movements">{t('movements.back')}</BackLink>
      <PageHeader title={t('movements.new')} />
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="movement-form">
          <Stack gap="sm">
            <Select
              label={t('movements.fields.kind')}
              required
              allowDeselect={false}
              data={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`movements.kinds.${k}`) }))}
              value={f.values.kind}
              onChange={(v) => f.set('kind', v ?? 'charter')}
              error={f.errors.kind}
            />
            <TextInput
              type="date"
              label={t('movements.fields.departsOn')}
              required
              {...f.text('departsOn')}
            />
            <TextInput
              label={t('movements.fields.route')}
              description={t('movements.fields.routeHelp')}
              required
              {...f.text('route')}
            />
            <TextInput
              label={t('movements.fields.destinationCountry')}
              description={t('movements.fields.countryHelp')}
              required
              maxLength={3}
              {...f.text('destinationCountry')}
            />
            <Group grow wrap="wrap">
              <TextInput label={t('movements.fields.carrier')} required {...f.text('carrier')} />
              <TextInput label={t('movements.fields.flightNumber')} {...f.text('flightNumber')} />
            </Group>
            <NumberInput
              label={t('movements.fields.seats')}
              required
              min={1}
              allowDecimal={false}
              value={f.values.seats}
              onChange={(v) => f.set('seats', typeof v === 'number' ? v : '')}
              error={f.errors.seats}
            />
            <FormAlert error={f.requestError} />
            <Group>
              <Button type="submit" loading={busy} data-testid="movement-save">
                {t('movements.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </RequireCapability>
  );
}
