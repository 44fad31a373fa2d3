import { Button, Input, Modal, SegmentedControl } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSort } from '../../../../domain/protection/records.ts';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters } from '../../../components/list/ListParts.tsx';
import type { SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { useProtectionAccess } from '../access.ts';
import type { Task } from '../api.ts';
import { TaskForm } from './TaskForm.tsx';
import { TaskTable } from './TaskTable.tsx';

type Shown = 'open' | 'done' | 'all';

/** Everyone's own follow-up tasks: open first, earliest due at the top, late ones marked. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const access = useProtectionAccess();
  const [shown, setShown] = useState<Shown>('open');
  const [creating, setCreating] = useState(false);
  const [sort, setSort] = useState<SortState<TaskSort> | undefined>(undefined);
  const filters = {
    mine: 'true',
    status: shown === 'all' ? undefined : shown,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<Task>('tasks', filters);
  return (
    <RequireCapability capability="tasks:read">
      <PageHeader
        title={t('task.myTitle')}
        subtitle={t('task.mySubtitle')}
        actions={
          <>
            <ExportMenu resource="tasks" filters={filters} />
            {access.createsTasks ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="new-task"
              >
                {t('task.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Filters>
        <Input.Wrapper label={t('task.status')}>
          <SegmentedControl
            display="flex"
            aria-label={t('task.status')}
            value={shown}
            onChange={(v) => setShown(v as Shown)}
            data={[
              { value: 'open', label: t('protection.taskStatuses.open') },
              { value: 'done', label: t('protection.taskStatuses.done') },
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="task-filter"
          />
        </Input.Wrapper>
      </Filters>
      <TaskTable list={list} testId="tasks-table" sorting={{ state: sort, onSort: setSort }} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('task.new')}>
        {creating ? <TaskForm onDone={() => setCreating(false)} onCancel={() => setCreating(false)} /> : null}
      </Modal>
    </RequireCapability>
  );
}
