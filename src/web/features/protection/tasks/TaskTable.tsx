import { Button, Group, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSort } from '../../../../domain/protection/records.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { HeaderCell, type Sorting } from '../../../components/list/SortHeader.tsx';
import type { useCursorList } from '../../../components/list/useCursorList.ts';
import { can } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import { patchTask, type Task, useProtectionRefresh } from '../api.ts';
import { OverdueBadge, StatusBadge } from '../Badges.tsx';

/** Done / reopen, as the server allows for this task. */
function TaskStatusButton({ task }: { task: Task }) {
  const { t } = useTranslation();
  const refresh = useProtectionRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const to = can(task, 'complete') ? 'done' : can(task, 'reopen') ? 'open' : null;
  if (!to) return null;
  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      await patchTask(task, { status: to });
      await refresh(task.personId ?? undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="compact-sm"
        variant={to === 'done' ? 'light' : 'subtle'}
        color={to === 'done' ? 'teal' : 'gray'}
        loading={busy}
        leftSection={
          to === 'done' ? (
            <IconCircleCheck size={14} aria-hidden />
          ) : (
            <IconArrowBackUp size={14} aria-hidden />
          )
        }
        onClick={() => void change()}
        aria-label={`${to === 'done' ? t('task.complete') : t('task.reopen')}: ${task.title}`}
        data-testid={to === 'done' ? 'task-complete' : 'task-reopen'}
      >
        {to === 'done' ? t('task.complete') : t('task.reopen')}
      </Button>
      {error ? <ErrorState error={error} /> : null}
    </>
  );
}

/**
 * Follow-up tasks, earliest due first; late ones stand out in red, with an icon and the word.
 * With `sorting` (the tasks page) the headers sort and the total is shown.
 */
export function TaskTable({
  list,
  withPerson = true,
  testId,
  framed,
  sorting,
}: {
  list: ReturnType<typeof useCursorList<Task>>;
  withPerson?: boolean;
  testId: string;
  framed?: boolean;
  sorting?: Sorting<TaskSort>;
}) {
  const { t } = useTranslation();
  const th = (column: TaskSort, label: string) => (
    <HeaderCell column={column} label={label} sorting={sorting} />
  );
  return (
    <>
      {sorting ? (
        <ListTotal first={list.data?.pages[0] as Counted | undefined} testId={`${testId}-total`} />
      ) : null}
      <ListTable
        testId={testId}
        framed={framed}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={760}
        head={
          <Table.Tr>
            {th('title', t('task.task'))}
            {th('dueOn', t('task.dueOn'))}
            {withPerson ? <Table.Th>{t('task.about')}</Table.Th> : null}
            {th('assignee', t('task.assignee'))}
            {th('status', t('task.status'))}
          </Table.Tr>
        }
        rows={list.items.map((task) => (
          <Table.Tr
            key={task.id}
            data-testid="task-row"
            data-overdue={task.overdue ? 'true' : undefined}
            bg={task.overdue ? 'var(--mantine-color-red-light)' : undefined}
          >
            <Table.Td>
              <Text size="sm" fw={500}>
                <bdi>{task.title}</bdi>
              </Text>
              {task.referralId ? (
                <AnchorLink to="/referrals/$id" params={{ id: task.referralId }} size="xs">
                  <span className="sanad-ltr">{task.referralReference}</span>
                </AnchorLink>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 700 : undefined}>
                  {formatDate(task.dueOn)}
                </Text>
                {task.overdue ? <OverdueBadge /> : null}
              </Group>
            </Table.Td>
            {withPerson ? (
              <Table.Td>
                {task.personId ? (
                  <AnchorLink
                    to="/persons/$id"
                    params={{ id: task.personId }}
                    search={{ tab: 'protection' }}
                    size="sm"
                  >
                    <bdi>{task.personName}</bdi>
                  </AnchorLink>
                ) : task.personHidden ? (
                  <Text size="sm" c="dimmed" data-testid="task-person-hidden">
                    {t('task.personHidden')}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            ) : null}
            <Table.Td>
              <span className="sanad-ltr">{task.assigneeUsername ?? '—'}</span>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <StatusBadge kind="task" status={task.status} />
                <TaskStatusButton task={task} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </>
  );
}
