import { Group, Stack, Text } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Detail, RecordDetails } from '../../components/RecordDetails.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { useRecord } from '../../components/record/useRecord.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { countryName } from '../registry/codes.ts';
import { RESOURCE } from './api.ts';
import { CaseArrival } from './CaseArrival.tsx';
import { ExitClearances, TravelDocuments } from './CaseDocuments.tsx';
import { CaseHistory } from './CaseHistory.tsx';
import { CaseSteps } from './CaseSteps.tsx';
import { ConsularInterviews } from './embassy/ConsularInterviews.tsx';
import { ProtectionClearance } from './ProtectionClearance.tsx';
import { DaysInState, ProtectionBadge, placeName, StateBadge } from './parts.tsx';
import { ReturnConsent } from './ReturnConsent.tsx';
import { ReintegrationSection } from './reintegration/ReintegrationSection.tsx';
import type { ReturnCase } from './types.ts';

/**
 * One return case: its state and days in it, the protection gate, the next steps the server
 * offers (or what blocks them), the protection clearance, documents, and the history.
 */
export function ReturnCasePage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/returns/$id' });
  const { created } = useSearch({ from: '/app/returns/$id' });
  const record = useRecord<ReturnCase>(RESOURCE, id);
  const rc = record.record;
  const notice = record.notice ?? (created ? t('returns.created') : null);
  const accept = (u: ReturnCase) =>
    record.accept(u, t('returns.saved', { state: t(`returns.states.${u.state}`) }));
  // a consent or an arrival is saved by another module's route: the case is read again after it
  const refetch = () => void record.query.refetch();
  return (
    <RequireCapability capability="returns:read">
      <RecordFrame
        back={<BackLink to="/returns">{t('returns.back')}</BackLink>}
        query={record.query}
        notice={notice}
        maw={1000}
      >
        {rc ? (
          <>
            <PageHeader
              title={
                <>
                  <span className="sanad-ltr">{rc.reference}</span> · <bdi>{rc.personName}</bdi>
                </>
              }
              documentTitle={`${rc.reference} · ${rc.personName}`}
              subtitle={t(`returns.programmes.${rc.programme}`)}
            />
            <Stack>
              {/* the badges are blocks: beside the title, not inside its subtitle's paragraph */}
              <Group gap="xs" data-testid="return-header">
                <StateBadge state={rc.state} />
                <DaysInState days={rc.daysInState} />
                <ProtectionBadge gate={rc.protection} />
              </Group>
              {can(rc, 'clear_protection') ? <ProtectionClearance rc={rc} onDone={accept} /> : null}
              <ReturnConsent rc={rc} onDone={refetch} />
              <CaseSteps rc={rc} onDone={accept} />
              {can(rc, 'record_arrival') ? <CaseArrival rc={rc} onDone={refetch} /> : null}
              <RecordDetails items={details(rc, t)} testId="return-details" />
              <ConsularInterviews caseId={rc.id} embassyId={rc.embassyOrganisationId} />
              <TravelDocuments rc={rc} onDone={accept} />
              <ExitClearances rc={rc} onDone={accept} />
              {rc.arrivedOn ? <ReintegrationSection caseId={rc.id} /> : null}
              <CaseHistory history={rc.history} />
            </Stack>
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}

function details(rc: ReturnCase, t: (k: string, o?: Record<string, unknown>) => string): Detail[] {
  const items: Detail[] = [
    {
      label: t('returns.fields.person'),
      value: (
        <AnchorLink to="/persons/$id" params={{ id: rc.personId }} search={{ tab: 'returns' }}>
          {rc.personName}
        </AnchorLink>
      ),
    },
    { label: t('returns.fields.nationality'), value: rc.nationality ? countryName(rc.nationality) : null },
    { label: t('returns.fields.programme'), value: t(`returns.programmes.${rc.programme}`) },
    { label: t('returns.fields.origin'), value: t(`returns.origins.${rc.origin}`) },
    { label: t('returns.fields.destination'), value: countryName(rc.destinationCountry) },
    { label: t('returns.fields.embassy'), value: placeName(rc.embassyName, rc.embassyNameAr) },
    { label: t('returns.fields.centre'), value: placeName(rc.centreName, rc.centreNameAr) },
    { label: t('returns.fields.project'), value: rc.projectName },
    { label: t('returns.fields.requestedOn'), value: formatDate(rc.requestedOn) },
    {
      label: t('returns.fields.fitness'),
      value: rc.fitness?.status ? (
        <Text span size="sm" data-testid="return-fitness">
          {t(`returns.fitness.${rc.fitness.status}`, { defaultValue: rc.fitness.status })}
          {rc.fitness.validUntil
            ? ` · ${t('returns.fitness.until', { date: formatDate(rc.fitness.validUntil) })}`
            : ''}
        </Text>
      ) : (
        t('returns.fitness.none')
      ),
    },
  ];
  if (rc.departedOn) items.push({ label: t('returns.fields.departedOn'), value: formatDate(rc.departedOn) });
  if (rc.arrivedOn) items.push({ label: t('returns.fields.arrivedOn'), value: formatDate(rc.arrivedOn) });
  if (rc.reasonClosed) items.push({ label: t('returns.fields.reasonClosed'), value: rc.reasonClosed });
  if (rc.clearedAt)
    items.push({
      label: t('returns.fields.clearance'),
      // each part isolated: a reason in one script beside a date in Arabic would otherwise be
      // reordered by the bidi algorithm (the date's pieces ended up around the reason)
      value: (
        <span data-testid="return-clearance">
          {[rc.clearanceReason, rc.clearedByName, formatDateTime(rc.clearedAt)]
            .filter(Boolean)
            .map((part, i) => (
              <Fragment key={part}>
                {i > 0 ? ' · ' : null}
                <bdi>{part}</bdi>
              </Fragment>
            ))}
        </span>
      ),
    });
  return items;
}
