import {
  Accordion,
  Badge,
  Button,
  Collapse,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconLock, IconNotes } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_CATEGORIES, noteCreate } from '../../../../domain/protection/records.ts';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useCreate } from '../../../components/record/useRecord.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useTimeline } from '../../registry/api.ts';
import { type Note, useNote, useProtectionRefresh } from '../api.ts';

/** The note's text, fetched when opened: the server records every reading. */
function NoteBody({ id, opened }: { id: string; opened: boolean }) {
  const { t } = useTranslation();
  const note = useNote(id, opened);
  if (!opened) return null;
  if (note.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (note.isError) return <ErrorState error={note.error} onRetry={() => void note.refetch()} />;
  return (
    <Stack gap={4} data-testid="note-body">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
        {note.data.body}
      </Text>
      <Text size="xs" c="dimmed">
        {note.data.author ? <span className="sanad-ltr">{note.data.author}</span> : null}
      </Text>
    </Stack>
  );
}

function NoteForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreate<Note>('notes');
  const refresh = useProtectionRefresh();
  const form = useFormState({ category: 'protection' as string | null, body: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(noteCreate, {
      ...form.values,
      personId,
      category: form.values.category ?? undefined,
    });
    if (!body) return;
    setBusy(true);
    try {
      await create(body);
      await refresh(personId);
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="note-form">
      <Stack gap="sm">
        <Select
          label={t('note.category')}
          allowDeselect={false}
          data={NOTE_CATEGORIES.map((c) => ({ value: c, label: t(`note.categories.${c}`) }))}
          value={form.values.category}
          onChange={(x) => form.set('category', x)}
          error={form.errors.category}
          maw={280}
          data-testid="note-category"
        />
        <Textarea
          label={t('note.body')}
          description={t('note.bodyHelp')}
          required
          autosize
          minRows={3}
          dir="auto"
          value={form.values.body}
          onChange={(e) => form.set('body', e.currentTarget.value)}
          error={form.errors.body}
          data-testid="note-text"
        />
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, ['category', 'body'])} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="note-save">
            {t('note.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Case notes, closed: the list comes from the person's timeline (no text, no read), and a note's
 * text is fetched only when it is opened — an audited read, as the hint says.
 */
export function NotesPanel({ personId, mayWrite }: { personId: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(personId);
  const [opened, setOpened] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const notes = (timeline.data?.items ?? [])
    .filter((i) => i.kind === 'note' && typeof i.detail.noteId === 'string')
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Section
      title={t('note.title')}
      testId="notes-panel"
      actions={
        mayWrite && !adding ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconNotes size={14} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="add-note"
          >
            {t('note.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <Collapse expanded={adding}>
          {adding ? <NoteForm personId={personId} onDone={() => setAdding(false)} /> : null}
        </Collapse>
        {timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : null}
        {timeline.isSuccess && notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('note.none')}
          </Text>
        ) : null}
        {notes.length > 0 ? (
          <>
            <InfoNote text={t('note.openAudited')} testId="note-audit-hint" />
            <Accordion multiple value={opened} onChange={setOpened} variant="separated" data-testid="notes">
              {notes.map((n) => {
                const id = String(n.detail.noteId);
                return (
                  <Accordion.Item key={id} value={id} data-testid="note">
                    <Accordion.Control icon={<IconLock size={16} aria-hidden />}>
                      <Group gap="xs">
                        <Badge variant="light" tt="none">
                          {t(`note.categories.${String(n.detail.category)}`)}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {formatDateTime(n.at)}
                        </Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <NoteBody id={id} opened={opened.includes(id)} />
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
