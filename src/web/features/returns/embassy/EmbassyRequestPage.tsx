import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSend } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../domain/common/countries.ts';
import type { Locale } from '../../../../domain/common/schemas.ts';
import { EMBASSY_ANSWERS, type EmbassyAnswer } from '../../../../domain/returns/embassy.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { can } from '../../../components/record/record.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import {
  type EmbassyRequestView,
  exportHref,
  postAnswers,
  sendRequest,
  useEmbassyRefresh,
  useEmbassyRequest,
} from './api.ts';
import { AnswerBadge, PeopleTable, StatusBadge } from './parts.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** One request: who is on it (the embassy's fields only), sending it, its files and the answers. */
export function EmbassyRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/embassy-requests/$id' });
  const query = useEmbassyRequest(id);
  return (
    <RequireCapability capability="embassy_requests:read">
      <BackLink to="/embassy-requests">{t('embassy.back')}</BackLink>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <RequestBody r={query.data} />
      )}
    </RequireCapability>
  );
}

function RequestBody({ r }: { r: EmbassyRequestView }) {
  const { t, i18n } = useTranslation();
  const answering = can(r, 'answer');
  const [answers, setAnswers] = useState<Record<string, EmbassyAnswer>>({});
  return (
    <Stack gap="md">
      <PageHeader
        title={t('embassy.one', { reference: r.reference })}
        documentTitle={r.reference}
        subtitle={`${r.embassy.name} · ${countryName(r.nationality, i18n.language as Locale)} · ${LANGUAGE_NAMES[r.language]}`}
        actions={<StatusBadge status={r.status} />}
      />
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          {t('embassy.sentOn')}: {r.sentOn ? formatDate(r.sentOn) : '—'}
        </Text>
        <Text size="sm">
          {t('embassy.answeredOn')}: {r.answeredOn ? formatDate(r.answeredOn) : '—'}
        </Text>
      </Group>
      {can(r, 'send') ? <SendPanel r={r} /> : null}
      <Section
        title={t('embassy.peopleCount', { count: r.people })}
        testId="request-people"
        actions={
          can(r, 'export')
            ? (['xlsx', 'pdf'] as const).map((f) => (
                <Button
                  key={f}
                  component="a"
                  href={exportHref(r.id, f)}
                  download
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  data-testid={`export-${f}`}
                >
                  {f === 'xlsx' ? t('embassy.export.xlsx') : t('embassy.export.pdf')}
                </Button>
              ))
            : null
        }
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {r.status === 'draft' ? t('embassy.draftHelp') : t('embassy.onlyFields')}
          </Text>
          <PeopleTable
            fields={r.fields}
            people={r.items}
            testId="person"
            extra={{
              head: t('embassy.answer'),
              cell: (p) =>
                answering ? (
                  <Select
                    aria-label={t('embassy.answer')}
                    data={EMBASSY_ANSWERS.map((a) => ({ value: a, label: t(`embassy.answers.${a}`) }))}
                    value={answers[p.caseId] ?? p.answer ?? null}
                    onChange={(v) => setAnswers((x) => ({ ...x, [p.caseId]: v as EmbassyAnswer }))}
                    w={200}
                    data-testid="answer-select"
                  />
                ) : (
                  <AnswerBadge answer={p.answer ?? null} />
                ),
            }}
          />
          {can(r, 'export') ? (
            <Text size="xs" c="dimmed">
              {t('embassy.audited')}
            </Text>
          ) : null}
        </Stack>
      </Section>
      {answering ? <AnswersPanel r={r} answers={answers} onSaved={() => setAnswers({})} /> : null}
    </Stack>
  );
}

function SendPanel({ r }: { r: EmbassyRequestView }) {
  const { t } = useTranslation();
  const refresh = useEmbassyRefresh();
  const [sentOn, setSentOn] = useState(today);
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendRequest(r, sentOn, key);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="blue" title={t('embassy.sendTitle')} data-testid="send-panel">
      <Stack gap="xs">
        <Text size="sm">{t('embassy.sendHelp')}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('embassy.sentOn')}
            value={sentOn}
            onChange={(e) => setSentOn(e.currentTarget.value)}
            data-testid="sent-on"
          />
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={() => void send()}
            loading={busy}
            data-testid="send-request"
          >
            {t('embassy.send')}
          </Button>
        </Group>
        <FormAlert error={error} />
      </Stack>
    </Alert>
  );
}

function AnswersPanel({
  r,
  answers,
  onSaved,
}: {
  r: EmbassyRequestView;
  answers: Record<string, EmbassyAnswer>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useEmbassyRefresh();
  const [answeredOn, setAnsweredOn] = useState(today);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = Object.entries(answers).map(([caseId, answer]) => ({ caseId, answer }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await postAnswers(r, { answeredOn, answers: changed }, key);
      setKey(newIdempotencyKey());
      onSaved();
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('embassy.recordAnswers')} testId="answers-panel">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('embassy.answersHelp')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('embassy.answeredOn')}
            value={answeredOn}
            onChange={(e) => setAnsweredOn(e.currentTarget.value)}
            data-testid="answered-on"
          />
          <Button
            onClick={() => void save()}
            loading={busy}
            disabled={changed.length === 0}
            data-testid="save-answers"
          >
            {t('embassy.saveAnswers', { count: changed.length })}
          </Button>
        </Group>
        <FormAlert error={error} />
      </Stack>
    </Section>
  );
}
