import { Button, Modal } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { Section } from '../../../components/Section.tsx';
import type { Person } from '../../registry/api.ts';
import type { Task } from '../api.ts';
import { TaskForm } from '../tasks/TaskForm.tsx';
import { TaskTable } from '../tasks/TaskTable.tsx';

/** Follow-up tasks about this person, whoever they are assigned to. */
export function TasksPanel({ person, mayCreate }: { person: Person; mayCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Task>('tasks', { personId: person.id, mine: 'false' }, 10);
  return (
    <Section
      title={t('task.forPerson')}
      testId="tasks-panel"
      actions={
        mayCreate ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="new-task"
          >
            {t('task.new')}
          </Button>
        ) : null
      }
    >
      <TaskTable list={list} withPerson={false} testId="person-tasks" framed={false} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('task.new')}>
        {creating ? (
          <TaskForm person={person} onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />
        ) : null}
      </Modal>
    </Section>
  );
}
