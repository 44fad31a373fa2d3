import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { type Movement, postDeparture, removePassenger, useMovementsRefresh } from './api.ts';

type Choice = 'pending' | 'departed' | 'noShow';
const COLOURS = { booked: 'blue', departed: 'green', no_show: 'orange', removed: 'gray' } as const;

/**
 * The passengers with their status; for those still booked, the departure is confirmed person by
 * person (boarded or did not show, with the reason for no-shows), all at once.
 */
export function Passengers({ m }: { m: Movement }) {
  const { t } = useTranslation();
  const refresh = useMovementsRefresh();
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const confirmable = m.allowedActions.includes('confirm_departure');
  const picked = (c: Choice) => m.passengers.filter((p) => choice[p.caseId] === c).map((p) => p.caseId);
  const departed = picked('departed');
  const noShow = picked('noShow');

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setKey(newIdempotencyKey());
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () =>
    run(async () => {
      await postDeparture(
        m.id,
        { departed, noShow, ...(noShow.length ? { noShowReason: reason } : {}) },
        key,
      );
      setChoice({});
      setReason('');
    });

  if (!m.passengers.length)
    return (
      <Text size="sm" c="dimmed" data-testid="no-passengers">
        {t('movements.noPassengers')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <ScrollTable minWidth={560} label={t('movements.passengers')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('movements.fields.person')}</Table.Th>
              <Table.Th>{t('movements.fields.status')}</Table.Th>
              <Table.Th>{t('movements.fields.departure')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.passengers.map((p) => {
              const can = (a: string) => p.allowedActions.includes(a);
              return (
                <Table.Tr key={p.caseId} data-testid="passenger-row">
                  <Table.Td>
                    <bdi>{p.personName}</bdi>
                    <Text size="xs" c="dimmed">
                      {p.registrationNumber} · {p.caseReference}
                    </Text>
                    {p.needsMedicalEscort ? (
                      <Badge size="xs" color="red" variant="light">
                        {t('movements.needsMedicalEscort')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={COLOURS[p.status]} variant="light" data-testid="passenger-status">
                      {t(`movements.passengerStatuses.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      {confirmable && can('depart') && can('no_show') ? (
                        <SegmentedControl
                          size="xs"
                          aria-label={t('movements.fields.departure')}
                          value={choice[p.caseId] ?? 'pending'}
                          onChange={(v) => setChoice((c) => ({ ...c, [p.caseId]: v as Choice }))}
                          data={[
                            { value: 'pending', label: t('movements.choice.pending') },
                            { value: 'departed', label: t('movements.choice.departed') },
                            { value: 'noShow', label: t('movements.choice.noShow') },
                          ]}
                          data-testid="departure-choice"
                        />
                      ) : null}
                      {can('remove') ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          disabled={busy}
                          onClick={() => void run(() => removePassenger(m.id, p.caseId, key))}
                        >
                          {t('movements.remove')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {departed.length + noShow.length > 0 ? (
        <Stack gap="xs" data-testid="departure-form">
          {noShow.length ? (
            <TextInput
              label={t('movements.noShowReason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="no-show-reason"
            />
          ) : null}
          <Group>
            <Button
              loading={busy}
              disabled={noShow.length > 0 && !reason.trim()}
              onClick={() => void confirm()}
            >
              {t('movements.confirmDeparture', { departed: departed.length, noShow: noShow.length })}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <FormAlert error={error} />
    </Stack>
  );
}
