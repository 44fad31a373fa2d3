import { Badge, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskCreate } from '../../../../domain/protection/records.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useCreate } from '../../../components/record/useRecord.ts';
import type { Person } from '../../registry/api.ts';
import { today } from '../../registry/identity.ts';
import { latinName } from '../../registry/PersonParts.tsx';
import { PersonPicker } from '../../registry/PersonPicker.tsx';
import { useProtectionAccess } from '../access.ts';
import { type Task, useProtectionRefresh } from '../api.ts';
import { useAssigneeOptions } from '../options.ts';

const PLACED = ['title', 'dueOn', 'assigneeUserId', 'personId', 'referralId'];

/**
 * A follow-up task: what, by when, for whom; about a person (and a referral) when it is. From a
 * referral, the server links the task to the referral's person.
 */
export function TaskForm({
  person: fixed,
  referralId,
  onDone,
  onCancel,
}: {
  person?: Person;
  referralId?: string;
  onDone: (t: Task) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useProtectionAccess();
  const create = useCreate<Task>('tasks');
  const refresh = useProtectionRefresh();
  const [person, setPerson] = useState<Person | undefined>(fixed);
  // about a person: only those who may see them can be chosen
  const assignees = useAssigneeOptions(undefined, person?.id);
  const form = useFormState({ title: '', dueOn: today(), assigneeUserId: me.id as string | null });
  const [busy, setBusy] = useState(false);
  const v = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(taskCreate, {
      ...v,
      assigneeUserId: v.assigneeUserId ?? undefined,
      personId: person?.id,
      referralId,
    });
    if (!body) return;
    setBusy(true);
    try {
      const saved = await create(body);
      await refresh(person?.id);
      onDone(saved);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="task-form">
      <Stack>
        <TextInput
          label={t('task.title')}
          required
          dir="auto"
          {...form.text('title')}
          data-testid="task-title"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('task.dueOn')}
            required
            {...form.text('dueOn')}
            data-testid="task-due"
          />
          <Select
            label={t('task.assignee')}
            required
            searchable
            allowDeselect={false}
            data={assignees}
            value={v.assigneeUserId}
            onChange={(x) => form.set('assigneeUserId', x)}
            error={form.errors.assigneeUserId}
            data-testid="task-assignee"
          />
        </SimpleGrid>
        {fixed || referralId ? null : person ? (
          <Group gap="xs">
            <Badge variant="light" tt="none" size="lg">
              <bdi>{latinName(person)}</bdi>
            </Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => setPerson(undefined)}>
              {t('task.noPerson')}
            </Button>
          </Group>
        ) : (
          <PersonPicker
            label={t('task.about')}
            description={t('task.aboutHelp')}
            onPick={setPerson}
            error={form.errors.personId}
            testId="task-person"
          />
        )}
        <FormAlert error={form.requestError} />
        <OtherErrors messages={unplacedErrors(form.errors, PLACED)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="task-save">
            {t('task.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
