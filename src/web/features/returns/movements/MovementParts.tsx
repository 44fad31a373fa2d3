import { Alert, Button, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createEscort, ESCORT_KINDS } from '../../../../domain/returns/movements.ts';
import { ApiError, newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { Section } from '../../../components/Section.tsx';
import { caseByReference, type Movement, postEscort, postPassenger, useMovementsRefresh } from './api.ts';
import { refusalReasons } from './refusal.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Books a return case by its reference: the server checks the case against the departure date
 * (travel document, exit visa, fitness to travel) and the seats; a refusal is shown in place.
 */
export function AddPassenger({ m }: { m: Movement }) {
  const { t } = useTranslation();
  const refresh = useMovementsRefresh();
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const reasons = refusalReasons(error, t);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!reference.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const text = reference.trim();
      const caseId = UUID.test(text) ? text : await caseByReference(text);
      if (!caseId)
        throw new ApiError({ status: 422, title: 'Unprocessable', code: 'case_not_found', errors: [] });
      await postPassenger(m.id, caseId, key);
      setReference('');
      setKey(newIdempotencyKey());
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void add(e)} noValidate data-testid="add-passenger">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('movements.addPassenger.label')}
            description={t('movements.addPassenger.help')}
            value={reference}
            onChange={(e) => {
              setReference(e.currentTarget.value);
              setError(null);
            }}
            error={reasons.length ? true : undefined}
            miw={240}
            style={{ flex: 1 }}
            data-testid="passenger-reference"
          />
          <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('movements.addPassenger.submit')}
          </Button>
        </Group>
        {reasons.length ? (
          <Alert
            color="red"
            role="alert"
            title={t('movements.addPassenger.refused')}
            data-testid="booking-refused"
          >
            <List size="sm">
              {reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </Alert>
        ) : error ? (
          <FormAlert error={error} />
        ) : null}
      </Stack>
    </form>
  );
}

/** The escorts, and a line to name one when the movement offers it. */
export function EscortsSection({ m }: { m: Movement }) {
  const { t } = useTranslation();
  const refresh = useMovementsRefresh();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const f = useFormState({ kind: 'medical', name: '' });
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = f.validate(createEscort, f.values);
    if (!body) return;
    setBusy(true);
    try {
      await postEscort(m.id, body, key);
      f.setValues({ kind: f.values.kind, name: '' });
      setKey(newIdempotencyKey());
      await refresh();
    } catch (err) {
      f.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('movements.escorts.title')} testId="escorts">
      <Stack gap="sm">
        {m.escorts.length ? (
          <Table>
            <Table.Tbody>
              {m.escorts.map((e) => (
                <Table.Tr key={e.id} data-testid="escort-row">
                  <Table.Td>
                    <bdi>{e.name}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`movements.escortKinds.${e.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('movements.escorts.none')}
          </Text>
        )}
        {m.allowedActions.includes('add_escort') ? (
          <form onSubmit={(e) => void add(e)} noValidate data-testid="escort-form">
            <Group align="flex-end" gap="xs" wrap="wrap">
              <Select
                label={t('movements.escorts.kind')}
                allowDeselect={false}
                data={ESCORT_KINDS.map((k) => ({ value: k, label: t(`movements.escortKinds.${k}`) }))}
                value={f.values.kind}
                onChange={(v) => f.set('kind', v ?? 'medical')}
                w={220}
              />
              <TextInput
                label={t('movements.escorts.name')}
                {...f.text('name')}
                miw={200}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" loading={busy}>
                {t('movements.escorts.add')}
              </Button>
            </Group>
            <FormAlert error={f.requestError} />
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
