import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { counsellingSessionUpdate } from '../../../../domain/health/counselling.ts';
import { DISTRESS_ITEMS } from '../../../../domain/health/distress.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useRecord } from '../../../components/record/useRecord.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { type CounsellingSessionView, patchSession, SESSIONS, useCounsellingRefresh } from './api.ts';
import { SessionForm } from './SessionForm.tsx';
import { BandBadge } from './SessionParts.tsx';
import { sessionValues, updatePayload } from './session-form.ts';

/** One counselling session (counsellors only): what was done, the measure, notes; edit when offered. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/counselling/$id' });
  const { created } = useSearch({ from: '/app/counselling/$id' });
  const record = useRecord<CounsellingSessionView>(SESSIONS, id);
  const refresh = useCounsellingRefresh();
  const [editing, setEditing] = useState(false);
  const s = record.record;
  const notice = record.notice ?? (created ? t('counselling.created') : null);
  return (
    <RequireCapability capability="counselling:read">
      <RecordFrame
        back={<BackLink to="/counselling">{t('counselling.back')}</BackLink>}
        query={record.query}
        notice={notice}
      >
        {s ? (
          <>
            <PageHeader
              title={t('counselling.one', { date: formatDate(s.heldOn) })}
              subtitle={
                <>
                  {t(`counselling.kinds.${s.kind}`)} · <bdi>{s.centreName}</bdi> ·{' '}
                  <bdi>{s.counsellor.name}</bdi>
                </>
              }
              actions={
                can(s, 'update') && !editing ? (
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setEditing(true)}
                    data-testid="edit-session"
                  >
                    {t('counselling.edit')}
                  </Button>
                ) : null
              }
            />
            {editing ? (
              <SessionForm
                key={s.version}
                initial={sessionValues(s)}
                submitLabel={t('common.save')}
                schema={counsellingSessionUpdate}
                toPayload={(v) => updatePayload(v, s.version)}
                onCancel={() => setEditing(false)}
                send={async (body) => {
                  record.accept(await patchSession(s.id, body), t('counselling.saved'));
                  await refresh();
                  setEditing(false);
                }}
              />
            ) : (
              <SessionView session={s} />
            )}
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}

function SessionView({ session: s }: { session: CounsellingSessionView }) {
  const { t } = useTranslation();
  const items = s.measure ? DISTRESS_ITEMS[s.measure.instrument] : [];
  return (
    <Stack>
      <RecordDetails
        testId="session-details"
        items={[
          {
            label: t('counselling.fields.people'),
            value: (
              <Stack gap={2} component="span">
                {s.people.map((p) => (
                  <AnchorLink
                    key={p.id}
                    to="/persons/$id"
                    params={{ id: p.id }}
                    search={{ tab: 'counselling' }}
                  >
                    <bdi>{p.name}</bdi> · <span className="sanad-ltr">{p.registrationNumber}</span>
                  </AnchorLink>
                ))}
              </Stack>
            ),
          },
          {
            label: t('counselling.fields.duration'),
            value: t('counselling.minutes', { n: formatNumber(s.durationMinutes) }),
          },
          {
            label: t('counselling.fields.problems'),
            value: s.presentingProblems.map((p) => t(`counselling.problems.${p}`)).join(', '),
          },
          {
            label: t('counselling.fields.interventions'),
            value: s.interventions.map((i) => t(`counselling.interventions.${i}`)).join(', '),
          },
          {
            label: t('counselling.fields.nextSession'),
            value: s.nextSessionOn ? formatDate(s.nextSessionOn) : null,
          },
          {
            label: t('counselling.fields.interpreter'),
            value: s.interpreterUsed ? t('counselling.yes') : t('counselling.no'),
          },
        ]}
      />
      {s.measure ? (
        <Paper withBorder p="lg" data-testid="session-measure">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t(`counselling.instruments.${s.measure.instrument}`)}
              </Title>
              <BandBadge score={s.score} band={s.band} urgent={s.urgent} />
            </Group>
            <List type="ordered" size="sm" spacing={4}>
              {items.map((item, i) => (
                <List.Item key={item.key}>
                  {t(`counselling.items.${s.measure!.instrument}.${item.key}`)} —{' '}
                  <strong>{t(`counselling.answers.${s.measure!.answers[i] ?? 1}`)}</strong>
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              {t('counselling.selfHarm.question')} —{' '}
              <strong>{t(`counselling.selfHarmAnswers.${s.measure.selfHarmThoughts}`)}</strong>
            </Text>
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="xs">
          {t('counselling.fields.notes')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="session-notes-view">
          {s.notes ? <bdi>{s.notes}</bdi> : '—'}
        </Text>
      </Paper>
    </Stack>
  );
}
