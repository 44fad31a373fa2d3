import { Button, Modal } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { Section } from '../../../components/Section.tsx';
import type { Referral, Task } from '../api.ts';
import { TaskForm } from '../tasks/TaskForm.tsx';
import { TaskTable } from '../tasks/TaskTable.tsx';

/** Follow-up tasks about this referral, e.g. "call UNHCR if there is no answer by Thursday". */
export function ReferralTasks({ referral, mayCreate }: { referral: Referral; mayCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Task>('tasks', { referralId: referral.id, mine: 'false' }, 10);
  return (
    <Section
      title={t('task.forReferral')}
      testId="referral-tasks"
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
      <TaskTable list={list} withPerson={false} testId="referral-task-table" framed={false} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('task.new')}>
        {creating ? (
          <TaskForm
            referralId={referral.id}
            onDone={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        ) : null}
      </Modal>
    </Section>
  );
}
