import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconBuildingHospital, IconPill } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VITALS } from '../../../domain/health/consultations.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { localName } from '../../components/BilingualName.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordDetails } from '../../components/RecordDetails.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useProtectionSummary } from '../protection/api.ts';
import { RegistrationNumber } from '../registry/PersonParts.tsx';
import { useItems, useStockRefresh } from '../supplies/api.ts';
import { Quantity } from '../supplies/parts.tsx';
import { type Consultation, dispense, healthKeys, useCentreName, useConsultation } from './api.ts';
import { useDiagnosisNames } from './labels.ts';
import { undispensed } from './logic.ts';
import { hospitalReferralOffer } from './refer.ts';

/** A consultation's record: findings, diagnoses, prescriptions with the lots dispensed. */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/consultations/$id' });
  const query = useConsultation(id);
  const queryClient = useQueryClient();
  const refreshStock = useStockRefresh();
  const names = useDiagnosisNames();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const c = query.data;
  const centreName = useCentreName();
  // whether the reader may refer this patient to hospital is the server's answer, per person
  const summary = useProtectionSummary(c?.personId ?? '', !!c);
  const refer = c ? hospitalReferralOffer(c.outcome, summary.data?.referralServices) : null;

  const dispenseAll = async (x: Consultation) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const updated = await dispense(x, key);
      queryClient.setQueryData(healthKeys.consultation(id), updated);
      setKey(newIdempotencyKey());
      setNotice(t('health.record.dispensed'));
      void refreshStock();
      void queryClient.invalidateQueries({ queryKey: ['clinic-sessions'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const vitals = c ? VITALS.filter((k) => c.vitals[k] !== null && c.vitals[k] !== undefined) : [];
  return (
    <RequireCapability capability="consultations:read">
      <RecordFrame
        back={
          c ? (
            <BackLink to="/clinic-sessions/$id" params={{ id: c.sessionId }}>
              {t('health.consult.back')}
            </BackLink>
          ) : (
            <BackLink to="/clinic">{t('health.session.back')}</BackLink>
          )
        }
        query={query}
        notice={notice}
        maw={1100}
      >
        {c ? (
          <>
            <PageHeader
              documentTitle={`${t('health.record.title')} · ${c.personName}`}
              title={
                <Group gap="sm" component="span">
                  <AnchorLink to="/persons/$id" params={{ id: c.personId }} inherit>
                    <bdi>{c.personName}</bdi>
                  </AnchorLink>
                  <Badge variant="light">{t(`health.outcomes.${c.outcome}`)}</Badge>
                </Group>
              }
              subtitle={
                <>
                  <RegistrationNumber value={c.registrationNumber} /> · {formatDate(c.consultedOn)} ·{' '}
                  <bdi>{centreName(c.centreId, c.centreName)}</bdi>
                </>
              }
              actions={
                refer || (can(c, 'dispense') && undispensed(c)) ? (
                  <>
                    {refer ? (
                      <ButtonLink
                        to="/persons/$id/refer-to-hospital"
                        params={{ id: c.personId }}
                        search={{ consultation: c.id }}
                        // the outcome says the patient needs a hospital: then it is the page's action
                        variant={refer === 'primary' ? 'filled' : 'default'}
                        leftSection={<IconBuildingHospital size={16} aria-hidden />}
                        data-testid="refer-to-hospital"
                        data-emphasis={refer}
                      >
                        {t('health.refer.action')}
                      </ButtonLink>
                    ) : null}
                    {can(c, 'dispense') && undispensed(c) ? (
                      <Button
                        leftSection={<IconPill size={16} aria-hidden />}
                        loading={busy}
                        onClick={() => void dispenseAll(c)}
                        data-testid="dispense"
                      >
                        {t('health.record.dispense')}
                      </Button>
                    ) : null}
                  </>
                ) : null
              }
            />
            <FormAlert error={error} />
            <RecordDetails
              testId="consultation-details"
              items={[
                { label: t('health.record.clinician'), value: c.clinician.name },
                { label: t('health.consult.complaint'), value: c.complaint },
                {
                  label: t('health.consult.vitals'),
                  value: vitals.length
                    ? vitals
                        .map((k) => `${t(`health.vitals.${k}`)}: ${formatNumber(c.vitals[k] as number)}`)
                        .join(' · ')
                    : null,
                },
                { label: t('health.consult.dehydration'), value: t(`health.dehydration.${c.dehydration}`) },
                { label: t('health.consult.treatmentNotes'), value: c.treatmentNotes },
                {
                  label: t('health.consult.followUpOn'),
                  value: c.followUpOn ? formatDate(c.followUpOn) : null,
                },
                {
                  label: t('health.consult.fitness'),
                  value: c.fitness
                    ? `${t(`health.fitness.${c.fitness.status}`)} · ${t('health.consult.validUntil')} ${formatDate(c.fitness.validUntil)}`
                    : null,
                },
              ]}
            />
            <Paper withBorder p="md" component="section" aria-labelledby="diagnoses-title">
              <Text fw={700} id="diagnoses-title" mb="xs">
                {t('health.record.diagnoses')}
              </Text>
              {c.diagnoses.length === 0 ? <Text c="dimmed">—</Text> : null}
              <Stack gap={4} data-testid="record-diagnoses">
                {c.diagnoses.map((d) => (
                  <Group key={d.code} gap="xs">
                    <Text span ff="monospace" fw={700} className="sanad-ltr">
                      {d.code}
                    </Text>
                    <bdi>{names.name(d.code) ?? ''}</bdi>
                    <Badge size="sm" variant="outline" color={d.certainty === 'confirmed' ? 'teal' : 'gray'}>
                      {t(`health.certainty.${d.certainty}`)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </Paper>
            <Prescriptions c={c} />
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}

function Prescriptions({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  // the record names the item in English; the catalogue has its names in the reader's language
  const items = useItems();
  const byId = new Map((items.data ?? []).map((i) => [i.id, i]));
  if (c.prescriptions.length === 0) return null;
  return (
    <Paper withBorder>
      <ScrollTable minWidth={760} label={t('health.rx.title')}>
        <Table verticalSpacing="xs" data-testid="record-prescriptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('health.rx.itemHeader')}</Table.Th>
              <Table.Th>{t('health.rx.dose')}</Table.Th>
              <Table.Th>{t('health.rx.frequency')}</Table.Th>
              <Table.Th>{t('health.rx.days')}</Table.Th>
              <Table.Th>{t('health.rx.quantity')}</Table.Th>
              <Table.Th>{t('health.record.dispensedLots')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.prescriptions.map((p) => {
              const unit = { baseUnit: p.baseUnit, packSize: 1 };
              const item = byId.get(p.itemId);
              return (
                <Table.Tr key={p.id} data-testid="record-prescription">
                  <Table.Td>
                    <bdi>
                      {p.itemCode} · {item ? localName(item) : p.itemName}
                    </bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{p.dose}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`health.frequencies.${p.frequency}`)}</Table.Td>
                  <Table.Td>{formatNumber(p.days)}</Table.Td>
                  <Table.Td>
                    <Quantity value={p.quantity} item={unit} />
                  </Table.Td>
                  <Table.Td>
                    {p.lots.length === 0 ? (
                      <Badge color="orange" variant="light" data-testid="not-dispensed">
                        {t('health.record.notDispensed')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        {p.lots.map((l) => (
                          <Text key={l.lotId} size="sm">
                            <span className="sanad-ltr">{l.lotNumber}</span>
                            {l.expiresOn ? ` · ${formatDate(l.expiresOn)}` : ''} ·{' '}
                            <Quantity value={l.quantity} item={unit} />
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
