import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { Forbidden } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { useProtectionSummary } from '../protection/api.ts';
import { ReferralForm } from '../protection/referrals/ReferralForm.tsx';
import { personQuery } from '../registry/api.ts';
import { RegistrationNumber } from '../registry/PersonParts.tsx';
import { hospitalServices } from './refer.ts';

const FROM = '/app/persons/$id/refer-to-hospital';

/**
 * A doctor or nurse refers a patient to hospital: protection's referral form with the `medical`
 * service fixed, the hospitals that take it as recipients, and the `medical` consent recorded if
 * it is missing. Whether the reader may refer this patient is the server's answer (the person's
 * protection summary lists `medical` among the services), never decided here.
 */
export function ReferToHospitalPage() {
  const { id } = useParams({ from: FROM });
  return (
    <RequireCapability capability="referrals:create">
      <ReferToHospital key={id} personId={id} />
    </RequireCapability>
  );
}

function ReferToHospital({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { consultation } = useSearch({ from: FROM });
  const person = useQuery(personQuery(personId));
  const summary = useProtectionSummary(personId);
  const services = hospitalServices(summary.data?.referralServices);
  const p = person.data;
  const back = () =>
    consultation
      ? navigate({ to: '/consultations/$id', params: { id: consultation } })
      : navigate({ to: '/persons/$id', params: { id: personId }, search: { tab: 'health' } });
  // the person and what the reader may do for them arrive together: one frame for both (a 403 on
  // either is the app's "not allowed" state, a 404 its "not found")
  const failed = person.isError ? person : summary.isError ? summary : null;
  const frame = {
    isPending: person.isPending || summary.isPending,
    isError: !!failed,
    error: failed?.error ?? null,
    refetch: () => Promise.all([person.refetch(), summary.refetch()]),
  };
  return (
    <RecordFrame
      back={
        consultation ? (
          <BackLink to="/consultations/$id" params={{ id: consultation }}>
            {t('health.refer.backToConsultation')}
          </BackLink>
        ) : (
          <BackLink to="/persons/$id" params={{ id: personId }} search={{ tab: 'health' }}>
            {t('health.refer.backToPerson')}
          </BackLink>
        )
      }
      query={frame}
      notice={null}
    >
      {p && summary.data && services.length === 0 ? <Forbidden /> : null}
      {p && summary.data && services.length > 0 ? (
        <Stack data-testid="refer-to-hospital">
          <PageHeader
            documentTitle={t('health.refer.action')}
            title={t('health.refer.title', { name: `${p.givenName} ${p.familyName}` })}
            subtitle={<RegistrationNumber value={p.registrationNumber} />}
          />
          <Text size="sm" c="dimmed">
            {t('health.refer.help')}
          </Text>
          <Paper withBorder p="md">
            <ReferralForm
              person={p}
              // a hospital referral carries the medical reason, not protection flags
              flags={[]}
              overridesConsent={can(summary.data, 'referrals:override_consent')}
              services={services}
              service="medical"
              onDone={(r) =>
                void navigate({ to: '/referrals/$id', params: { id: r.id }, search: { created: true } })
              }
              onCancel={() => void back()}
            />
          </Paper>
        </Stack>
      ) : null}
    </RecordFrame>
  );
}
