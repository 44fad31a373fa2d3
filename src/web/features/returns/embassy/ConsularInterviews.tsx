import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsularInterview,
  INTERVIEW_MODES,
  INTERVIEW_OUTCOMES,
} from '../../../../domain/returns/embassy.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { can } from '../../../components/record/record.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { postInterview, useEmbassies, useInterviews, useInterviewsRefresh } from './api.ts';

const OUTCOME_COLOURS: Record<string, string> = { confirmed: 'teal', not_confirmed: 'red', pending: 'gray' };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A return case's consular interviews (in person or by video) and, for those who may record one,
 * the form. For the case page: `<ConsularInterviews caseId embassyId />` (the case's embassy is
 * the form's default). Needs the `embassy` string bundle.
 */
export function ConsularInterviews({ caseId, embassyId }: { caseId: string; embassyId?: string | null }) {
  const { t } = useTranslation();
  const query = useInterviews(caseId);
  return (
    <Section title={t('embassy.interviews.title')} testId="consular-interviews">
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      ) : (
        <Stack gap="sm">
          <InterviewList items={query.data.items} />
          {can(query.data, 'record') ? <InterviewForm caseId={caseId} embassyId={embassyId ?? null} /> : null}
        </Stack>
      )}
    </Section>
  );
}

function InterviewList({ items }: { items: ConsularInterview[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="no-interviews">
        {t('embassy.interviews.none')}
      </Text>
    );
  return (
    <ScrollTable label={t('embassy.interviews.title')} minWidth={520}>
      <Table data-testid="interviews-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('embassy.interviews.heldOn')}</Table.Th>
            <Table.Th>{t('embassy.embassy')}</Table.Th>
            <Table.Th>{t('embassy.interviews.mode')}</Table.Th>
            <Table.Th>{t('embassy.interviews.outcome')}</Table.Th>
            <Table.Th>{t('embassy.interviews.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="interview-row">
              <Table.Td className="sanad-nowrap">{formatDate(i.heldOn)}</Table.Td>
              <Table.Td>
                <bdi>{i.embassy.name}</bdi>
              </Table.Td>
              <Table.Td>{t(`embassy.modes.${i.mode}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={OUTCOME_COLOURS[i.outcome] ?? 'gray'}>
                  {t(`embassy.outcomes.${i.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{i.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function InterviewForm({ caseId, embassyId }: { caseId: string; embassyId: string | null }) {
  const { t } = useTranslation();
  const embassies = useEmbassies();
  const refresh = useInterviewsRefresh(caseId);
  const [heldOn, setHeldOn] = useState(today);
  const [mode, setMode] = useState<string>('in_person');
  const [outcome, setOutcome] = useState<string>('pending');
  const [embassy, setEmbassy] = useState<string | null>(embassyId);
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    if (!embassy) return;
    setBusy(true);
    setError(null);
    try {
      await postInterview(
        caseId,
        {
          heldOn,
          mode: mode as ConsularInterview['mode'],
          outcome: outcome as ConsularInterview['outcome'],
          embassyOrganisationId: embassy,
          note: note.trim() || null,
        },
        key,
      );
      setKey(newIdempotencyKey());
      setNote('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="interview-form">
      <Text fw={600} size="sm">
        {t('embassy.interviews.add')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('embassy.interviews.heldOn')}
          value={heldOn}
          onChange={(e) => setHeldOn(e.currentTarget.value)}
          data-testid="interview-held-on"
        />
        <Select
          label={t('embassy.embassy')}
          data={(embassies.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={embassy}
          onChange={setEmbassy}
          w={{ base: '100%', sm: 260 }}
          data-testid="interview-embassy"
        />
        <Select
          label={t('embassy.interviews.mode')}
          allowDeselect={false}
          data={INTERVIEW_MODES.map((m) => ({ value: m, label: t(`embassy.modes.${m}`) }))}
          value={mode}
          onChange={(v) => setMode(v ?? 'in_person')}
          w={{ base: '100%', sm: 180 }}
          data-testid="interview-mode"
        />
        <Select
          label={t('embassy.interviews.outcome')}
          allowDeselect={false}
          data={INTERVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`embassy.outcomes.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome(v ?? 'pending')}
          w={{ base: '100%', sm: 220 }}
          data-testid="interview-outcome"
        />
      </Group>
      <TextInput
        label={t('embassy.interviews.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={1000}
        data-testid="interview-note"
      />
      {outcome === 'confirmed' ? (
        <Text size="xs" c="dimmed">
          {t('embassy.interviews.confirmHelp')}
        </Text>
      ) : null}
      <FormAlert error={error} />
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={!embassy} data-testid="save-interview">
          {t('embassy.interviews.save')}
        </Button>
      </Group>
    </Stack>
  );
}
