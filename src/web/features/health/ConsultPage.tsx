import { Alert, Badge, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { formatDate } from '../../i18n/format.ts';
import { RegistrationNumber } from '../registry/PersonParts.tsx';
import { useStockRefresh } from '../supplies/api.ts';
import { type ClinicSession, healthKeys, useCentreName, useClinicSession } from './api.ts';
import { ConsultationForm } from './ConsultationForm.tsx';
import { markSeen } from './logic.ts';

/** The consultation of one patient of the day's queue; saving goes back to the queue. */
export function ConsultPage() {
  const { t } = useTranslation();
  const { id, entryId } = useParams({ from: '/app/clinic-sessions/$id/consult/$entryId' });
  const query = useClinicSession(id);
  const queryClient = useQueryClient();
  const refreshStock = useStockRefresh();
  const navigate = useNavigate();
  const s = query.data;
  const centreName = useCentreName();
  const entry = s?.queue.find((e) => e.id === entryId);
  const back = () => navigate({ to: '/clinic-sessions/$id', params: { id } });

  return (
    <RequireCapability capability="consultations:create">
      <RecordFrame
        back={
          <BackLink to="/clinic-sessions/$id" params={{ id }}>
            {t('health.consult.back')}
          </BackLink>
        }
        query={query}
        notice={null}
        maw={1200}
      >
        {s && !entry ? (
          <Alert color="orange" data-testid="entry-missing">
            {t('health.consult.notInQueue')}
          </Alert>
        ) : null}
        {s && entry ? (
          <>
            <PageHeader
              documentTitle={`${t('health.consult.title')} · ${entry.personName}`}
              title={
                <Group gap="sm" component="span" wrap="wrap">
                  <Badge size="lg" variant="filled" aria-label={t('health.queue.ticket')}>
                    {entry.ticket}
                  </Badge>
                  <bdi>{entry.personName}</bdi>
                  {entry.fullNameOriginal ? (
                    <Text span c="dimmed" size="lg">
                      <bdi>{entry.fullNameOriginal}</bdi>
                    </Text>
                  ) : null}
                </Group>
              }
              subtitle={
                <>
                  <RegistrationNumber value={entry.registrationNumber} /> ·{' '}
                  {t(`person.sexes.${entry.sex}`, { defaultValue: entry.sex })} ·{' '}
                  {entry.ageYears === null ? '—' : t('health.consult.age', { n: entry.ageYears })} ·{' '}
                  <bdi>{centreName(s.centreId, s.centreName)}</bdi> · {formatDate(s.heldOn)}
                </>
              }
            />
            {can(entry, 'consult') ? (
              <ConsultationForm
                session={s}
                entry={entry}
                onCancel={() => void back()}
                onSaved={(c) => {
                  // the queue shows the patient seen at once; the server's answer follows
                  queryClient.setQueryData<ClinicSession>(healthKeys.session(id), (old) =>
                    old ? { ...old, queue: markSeen(old.queue, entryId, c.id, c.outcome) } : old,
                  );
                  queryClient.setQueryData(healthKeys.consultation(c.id), c);
                  void queryClient.invalidateQueries({ queryKey: ['clinic-sessions'] });
                  void queryClient.invalidateQueries({ queryKey: ['consultations'] });
                  if (c.prescriptions.some((p) => p.dispensed > 0)) void refreshStock();
                  void navigate({ to: '/clinic-sessions/$id', params: { id }, search: { seen: true } });
                }}
              />
            ) : (
              <Alert color="blue" data-testid="not-consultable">
                {t('health.consult.notWaiting', { status: t(`health.queueStatuses.${entry.status}`) })}
              </Alert>
            )}
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
