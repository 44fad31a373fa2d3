import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { personQuery } from '../../registry/api.ts';
import { languageName } from '../../registry/codes.ts';
import { latinName } from '../../registry/PersonParts.tsx';
import {
  DEFAULT_TEMPLATE_KEY,
  type Screening,
  type ScreeningTemplate,
  templateQuery,
  useScreening,
} from '../api.ts';
import { FlagBadges, RiskBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';
import { answerText } from './answers.ts';
import { MatchedRules } from './OutcomePreview.tsx';
import { ReferNow } from './ReferNow.tsx';

/** One screening: its outcome and why, an override and its reason, and the answers (an audited read). */
export function ScreeningPage() {
  const { id } = useParams({ from: '/app/screenings/$id' });
  return (
    <RequireCapability capability="protection:read">
      <ScreeningView key={id} id={id} />
    </RequireCapability>
  );
}

function ScreeningView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { created } = useSearch({ from: '/app/screenings/$id' });
  const query = useScreening(id);
  const record = query.data;
  const person = useQuery({ ...personQuery(record?.personId ?? ''), enabled: !!record });
  const template = useQuery({
    ...templateQuery(record?.templateKey ?? DEFAULT_TEMPLATE_KEY, record?.templateVersion),
    enabled: !!record,
  });
  const name = person.data ? latinName(person.data) : '';
  const back = record ? (
    <BackLink to="/persons/$id" params={{ id: record.personId }} search={{ tab: 'protection' }}>
      {t('screening.backToPerson')}
    </BackLink>
  ) : null;
  return (
    <RecordFrame back={back} query={query} notice={created ? t('screening.saved') : null} maw={1000}>
      {record ? (
        <Stack data-testid="screening-page">
          <PageHeader
            title={t('screening.title', { name })}
            documentTitle={t('screening.title', { name })}
            subtitle={formatDate(record.screenedOn)}
          />
          <Outcome screening={record} template={template.data} />
          <RecordDetails
            items={[
              { label: t('screening.screenedOn'), value: formatDate(record.screenedOn) },
              {
                label: t('screening.interviewLanguage'),
                value: record.interviewLanguage ? languageName(record.interviewLanguage) : undefined,
              },
              {
                label: t('screening.interpreter'),
                value: record.interpreter ? t('screening.values.yes') : t('screening.values.no'),
              },
              { label: t('screening.screenedBy'), value: record.screenedBy },
              { label: t('screening.recordedAt'), value: formatDateTime(record.createdAt) },
              {
                label: t('screening.template'),
                value: t('screening.templateVersion', { n: record.templateVersion }),
              },
            ]}
          />
          {template.data && record.answers ? (
            <AnswersTable template={template.data} answers={record.answers} />
          ) : null}
        </Stack>
      ) : null}
    </RecordFrame>
  );
}

function Outcome({ screening: s, template }: { screening: Screening; template?: ScreeningTemplate }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="outcome-title"
      data-testid="screening-outcome"
    >
      <Title order={2} size="h4" mb="sm" id="outcome-title">
        {t('screening.outcomeTitle')}
      </Title>
      <Stack gap="sm">
        <Group gap="sm">
          <RiskBadge level={s.riskLevel} size="lg" />
        </Group>
        <FlagBadges flags={s.flags} empty={t('screening.noFlags')} />
        <ReferNow personId={s.personId} flags={s.flags} />
        {s.overrideReason ? (
          <Alert
            color="violet"
            variant="light"
            icon={<IconShieldCheck aria-hidden />}
            title={t('screening.overridden')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('screening.derived')}
                </Text>
                <RiskBadge level={s.computedRisk} size="sm" />
                <FlagBadges flags={s.computedFlags} empty={t('screening.noFlags')} />
              </Stack>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('screening.overrideReason')}
                </Text>
                <Text size="sm">
                  <bdi>{s.overrideReason}</bdi>
                </Text>
              </Stack>
            </SimpleGrid>
          </Alert>
        ) : null}
        <Text size="sm" fw={600}>
          {t('screening.why')}
        </Text>
        {template ? <MatchedRules template={template} keys={s.matchedRules} /> : null}
      </Stack>
    </Paper>
  );
}

function AnswersTable({
  template,
  answers,
}: {
  template: ScreeningTemplate;
  answers: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="answers-title"
      data-testid="screening-answers"
    >
      <Title order={2} size="h4" mb="sm" id="answers-title">
        {t('screening.answers')}
      </Title>
      {template.sections.map((s) => {
        const asked = s.questions.filter((q) => Object.hasOwn(answers, q.key));
        if (asked.length === 0) return null;
        return (
          <Stack key={s.key} gap={4} mb="md">
            <Title order={3} size="h5">
              {l.text(s.title)}
            </Title>
            <ScrollTable minWidth={480} label={l.text(s.title)}>
              <Table verticalSpacing={6} striped>
                <Table.Tbody>
                  {asked.map((q) => (
                    <Table.Tr key={q.key} data-testid={`answer-${q.key}`}>
                      <Table.Td w="65%">
                        <Text size="sm">{l.text(q.label)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          <bdi>{answerText(q, answers[q.key], t, l)}</bdi>
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        );
      })}
    </Paper>
  );
}
