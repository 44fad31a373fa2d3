import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDoorExit, IconLock, IconLockOpen, IconStethoscope } from '@tabler/icons-react';
import { useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordDetails } from '../../components/RecordDetails.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { RegistrationNumber } from '../registry/PersonParts.tsx';
import {
  type ClinicSession,
  markLeft,
  type QueueRow,
  setSessionStatus,
  useCentreName,
  useClinicSession,
  useSessionRefresh,
} from './api.ts';
import { QueueCounts } from './parts.tsx';
import { QueueAdd } from './QueueAdd.tsx';

const STATUS_COLOURS: Record<QueueRow['status'], string> = {
  waiting: 'blue',
  seen: 'teal',
  referred: 'grape',
  left: 'gray',
};

/** "09:42": the day is the session's, only the time of arrival says anything. */
const timeOf = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(`${currentLocale()}-u-nu-latn`, { timeStyle: 'short' }).format(d);
};

/** One day's clinic: who is there, the queue, adding patients, closing the day. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/clinic-sessions/$id' });
  const { seen } = useSearch({ from: '/app/clinic-sessions/$id' });
  const query = useClinicSession(id);
  const refresh = useSessionRefresh();
  const [notice, setNotice] = useState<string | null>(seen ? t('health.consult.saved') : null);
  const [error, setError] = useState<unknown>(null);
  const s = query.data;
  const centreName = useCentreName();

  const act = async (run: () => Promise<ClinicSession | unknown>, message: string) => {
    setError(null);
    setNotice(null);
    try {
      const result = await run();
      await refresh(
        result && typeof result === 'object' && 'queue' in result ? (result as ClinicSession) : undefined,
      );
      setNotice(message);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <RequireCapability capability="clinic_sessions:read">
      <RecordFrame
        back={<BackLink to="/clinic">{t('health.session.back')}</BackLink>}
        query={query}
        notice={notice}
        maw={1100}
      >
        {s ? (
          <>
            <PageHeader
              documentTitle={`${centreName(s.centreId, s.centreName)} · ${formatDate(s.heldOn)}`}
              title={
                <Group gap="sm" component="span">
                  <bdi>{centreName(s.centreId, s.centreName)}</bdi>
                  <Badge
                    color={s.status === 'open' ? 'teal' : 'gray'}
                    variant="light"
                    data-testid="session-status"
                  >
                    {t(`health.sessionStatuses.${s.status}`)}
                  </Badge>
                </Group>
              }
              subtitle={formatDate(s.heldOn)}
              actions={
                <>
                  {can(s, 'close') ? (
                    <Button
                      variant="light"
                      color="gray"
                      leftSection={<IconLock size={16} aria-hidden />}
                      onClick={() =>
                        void act(() => setSessionStatus(s, 'closed'), t('health.session.closed'))
                      }
                      data-testid="close-session"
                    >
                      {t('health.session.close')}
                    </Button>
                  ) : null}
                  {can(s, 'reopen') ? (
                    <Button
                      variant="light"
                      leftSection={<IconLockOpen size={16} aria-hidden />}
                      onClick={() =>
                        void act(() => setSessionStatus(s, 'open'), t('health.session.reopened'))
                      }
                      data-testid="reopen-session"
                    >
                      {t('health.session.reopen')}
                    </Button>
                  ) : null}
                </>
              }
            />
            <FormAlert error={error} />
            <RecordDetails
              testId="session-details"
              items={[
                { label: t('health.session.centre'), value: centreName(s.centreId, s.centreName) },
                { label: t('health.session.day'), value: formatDate(s.heldOn) },
                { label: t('health.session.pharmacy'), value: s.stockPointName },
                { label: t('health.session.staff'), value: s.staff.map((x) => x.name).join(', ') },
                { label: t('health.session.note'), value: s.note },
              ]}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="queue-title">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Text fw={700} id="queue-title">
                    {t('health.queue.title')}
                  </Text>
                  <QueueCounts counts={s.counts} />
                </Group>
                {can(s, 'queue') ? (
                  <QueueAdd session={s} onAdded={() => refresh().then(() => setNotice(null))} />
                ) : null}
                <QueueTable
                  session={s}
                  onLeft={(entry) => void act(() => markLeft(s.id, entry), t('health.queue.markedLeft'))}
                />
              </Stack>
            </Paper>
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}

function QueueTable({ session: s, onLeft }: { session: ClinicSession; onLeft: (e: QueueRow) => void }) {
  const { t } = useTranslation();
  const rows = s.queue;
  if (rows.length === 0)
    return (
      <Text c="dimmed" ta="center" p="md" data-testid="empty-queue">
        {t('health.queue.empty')}
      </Text>
    );
  return (
    <ScrollTable minWidth={720} label={t('health.queue.title')}>
      <Table verticalSpacing="xs" striped data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('health.queue.ticket')}</Table.Th>
            <Table.Th>{t('health.queue.patient')}</Table.Th>
            <Table.Th>{t('health.queue.sex')}</Table.Th>
            <Table.Th>{t('health.queue.age')}</Table.Th>
            <Table.Th>{t('health.queue.arrived')}</Table.Th>
            <Table.Th>{t('health.queue.status')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} data-testid="queue-row" data-status={e.status}>
              <Table.Td fw={700}>{e.ticket}</Table.Td>
              <Table.Td>
                <AnchorLink to="/persons/$id" params={{ id: e.personId }} underline="hover">
                  <bdi>{e.personName}</bdi>
                </AnchorLink>
                {e.fullNameOriginal ? (
                  <Text size="sm" c="dimmed">
                    <bdi>{e.fullNameOriginal}</bdi>
                  </Text>
                ) : null}
                <div>
                  <RegistrationNumber value={e.registrationNumber} />
                </div>
              </Table.Td>
              <Table.Td>{t(`person.sexes.${e.sex}`, { defaultValue: e.sex })}</Table.Td>
              <Table.Td>{e.ageYears ?? '—'}</Table.Td>
              <Table.Td className="sanad-nowrap">{timeOf(e.arrivedAt)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[e.status]} variant="light" data-testid="queue-status">
                  {t(`health.queueStatuses.${e.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {can(e, 'consult') ? (
                    <ButtonLink
                      size="xs"
                      to="/clinic-sessions/$id/consult/$entryId"
                      params={{ id: s.id, entryId: e.id }}
                      leftSection={<IconStethoscope size={14} aria-hidden />}
                      data-testid="consult"
                    >
                      {t('health.queue.consult')}
                    </ButtonLink>
                  ) : null}
                  {e.consultationId ? (
                    <AnchorLink
                      to="/consultations/$id"
                      params={{ id: e.consultationId }}
                      size="sm"
                      data-testid="open-consultation"
                    >
                      {t('health.queue.record')}
                    </AnchorLink>
                  ) : null}
                  {can(e, 'leave') ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      leftSection={<IconDoorExit size={14} aria-hidden />}
                      onClick={() => onLeft(e)}
                      data-testid="mark-left"
                    >
                      {t('health.queue.left')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
