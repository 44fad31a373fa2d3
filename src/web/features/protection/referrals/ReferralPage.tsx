import { Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink as GoBack } from '../../../components/BackLink.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useRecord } from '../../../components/record/useRecord.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import { type Referral, useProtectionSummary } from '../api.ts';
import { FlagBadges, OverdueBadge, StatusBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';
import { PacketDownload } from './PacketDownload.tsx';
import { ReferralTasks } from './ReferralTasks.tsx';
import { ReferralTransitions } from './ReferralTransitions.tsx';

export function ReferralPage() {
  const { id } = useParams({ from: '/app/referrals/$id' });
  return (
    // medical readers (doctors, nurses) read medical referrals without protection:read; the server
    // answers which referral one may read (404/403 → the frame's not-found / not-allowed states)
    <RequireCapability capability="referrals:read">
      <ReferralView key={id} id={id} />
    </RequireCapability>
  );
}

/** Back to the referrals list, or for a reader without protection data (a doctor) to the patient. */
function BackLink({ personId }: { personId?: string }) {
  const { t } = useTranslation();
  const has = useCapabilities();
  if (!has('protection:read') && personId)
    return (
      <GoBack to="/persons/$id" params={{ id: personId }} search={{ tab: 'health' }}>
        {t('referral.backToPerson')}
      </GoBack>
    );
  return <GoBack to="/referrals">{t('referral.backToList')}</GoBack>;
}

function ReferralView({ id }: { id: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const { created } = useSearch({ from: '/app/referrals/$id' });
  const { query, record: r, notice, accept } = useRecord<Referral>('referrals', id);
  // a task about the referral is a task about its person: the person's summary says who may set one
  const person = useProtectionSummary(r?.personId ?? '', !!r);
  const createsTasks = can(person.data, 'tasks:create');
  // the person's page opens on the tab this reader works in: protection, or health for a doctor
  const tab = useCapabilities()('protection:read') ? 'protection' : 'health';
  return (
    <RecordFrame
      back={<BackLink personId={r?.personId} />}
      query={query}
      notice={notice ?? (created ? t('referral.created') : null)}
      maw={1100}
    >
      {r ? (
        <Stack data-testid="referral-page">
          <PageHeader
            documentTitle={r.reference}
            title={
              <Group gap="sm" component="span">
                <span className="sanad-ltr" data-testid="referral-reference">
                  {r.reference}
                </span>
                <StatusBadge kind="referral" status={r.status} />
                {r.overdue ? <OverdueBadge label={t('referral.overdue')} /> : null}
              </Group>
            }
            subtitle={`${l.service(r.service)} · ${r.recipientName}`}
          />
          <ReferralTransitions referral={r} onDone={(u, message) => accept(u, message)} />
          <RecordDetails
            testId="referral-details"
            items={[
              {
                label: t('referral.person'),
                value: (
                  <AnchorLink to="/persons/$id" params={{ id: r.personId }} search={{ tab }}>
                    {r.personName} <RegistrationNumber value={r.registrationNumber} />
                  </AnchorLink>
                ),
              },
              { label: t('referral.recipient'), value: r.recipientName },
              { label: t('referral.service'), value: l.service(r.service) },
              { label: t('referral.urgency'), value: l.urgency(r.urgency) },
              {
                label: t('referral.reason'),
                // a medical referral's reason is withheld from protection readers: say so, not blank
                value: r.reasonWithheld ? (
                  <Text size="sm" c="dimmed" fs="italic" data-testid="reason-withheld">
                    {t('referral.reasonWithheld')}
                  </Text>
                ) : (
                  r.reason
                ),
              },
              {
                label: t('referral.linkedFlags'),
                value: r.linkedFlags.length ? <FlagBadges flags={r.linkedFlags} /> : undefined,
              },
              {
                label: t('referral.consent'),
                value: r.consentOverrideReason
                  ? t('referral.consentOverridden', { reason: r.consentOverrideReason })
                  : r.consentId
                    ? t('referral.consentOnRecord')
                    : t('referral.consentNotChecked'),
              },
              { label: t('referral.createdAt'), value: formatDateTime(r.createdAt) },
            ]}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title={t('referral.events')} testId="referral-events">
              <Timeline bulletSize={14} lineWidth={2} active={r.events.length - 1}>
                {r.events.map((e) => (
                  <Timeline.Item
                    key={`${e.at}-${e.to}`}
                    title={t(`protection.referralStatuses.${e.to}`)}
                    data-testid="referral-event"
                  >
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.at)}
                      {e.by ? (
                        <>
                          {' · '}
                          <span className="sanad-ltr">{e.by}</span>
                        </>
                      ) : null}
                    </Text>
                    {e.note ? (
                      <Text size="sm">
                        <bdi>{e.note}</bdi>
                      </Text>
                    ) : null}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Section>
            {can(r, 'packet') ? <PacketDownload referral={r} /> : null}
          </SimpleGrid>
          <ReferralTasks referral={r} mayCreate={createsTasks} />
        </Stack>
      ) : null}
    </RecordFrame>
  );
}
