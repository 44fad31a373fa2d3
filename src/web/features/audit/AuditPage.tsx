import { Badge, Code, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEvent, type AuditSort } from '../../../domain/audit/schemas.ts';
import { ExportMenu } from '../../components/list/ExportMenu.tsx';
import { Filters, ListTable } from '../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../components/list/SortHeader.tsx';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { EntityLink } from './EntityLink.tsx';

const ENTITY_TYPES = ['organisation', 'centre', 'user', 'mission', 'person', 'episode', 'headcount'];
const ACTION_COLORS: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  deactivate: 'orange',
  reactivate: 'teal',
  delete: 'red',
  login_failed: 'red',
  export: 'grape',
  share: 'grape',
};

export function AuditPage() {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actorQ] = useDebouncedValue(actor.trim(), 300);
  const [entityIdQ] = useDebouncedValue(entityId.trim(), 300);
  const [sort, setSort] = useState<SortState<AuditSort>>({ sort: 'at', order: 'desc' });
  const th = (column: AuditSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );
  const filters = {
    actor: actorQ || undefined,
    entityType: entityType ?? undefined,
    entityId: entityIdQ || undefined,
    action: action ?? undefined,
    from: from || undefined,
    to: to || undefined,
    ...sort,
  };
  const list = useCursorList<AuditEvent>('audit', filters, 50);

  return (
    <RequireCapability capability="audit:read">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={<ExportMenu resource="audit" filters={filters} />}
      />
      <Filters>
        <TextInput
          label={t('audit.actor')}
          value={actor}
          onChange={(e) => setActor(e.currentTarget.value)}
          dir="ltr"
          w={180}
          data-testid="audit-actor"
        />
        <Select
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          clearable
          data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          value={entityType}
          onChange={setEntityType}
          w={180}
          data-testid="audit-entity-type"
        />
        <TextInput
          label={t('audit.entityId')}
          value={entityId}
          onChange={(e) => setEntityId(e.currentTarget.value)}
          dir="ltr"
          w={200}
          data-testid="audit-entity-id"
        />
        <Select
          label={t('audit.action')}
          placeholder={t('common.all')}
          clearable
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          value={action}
          onChange={setAction}
          w={190}
          data-testid="audit-action"
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
          data-testid="audit-from"
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
          data-testid="audit-to"
        />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="audit-total" />
      <ListTable
        testId="audit-table"
        minWidth={960}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        head={
          <Table.Tr>
            {th('at', t('audit.at'))}
            {th('actor', t('audit.actor'))}
            {th('action', t('audit.action'))}
            {th('entityType', t('audit.entity'))}
            <Table.Th>{t('audit.changedFields')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((e) => (
          <Table.Tr key={e.id} data-testid="audit-row">
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(e.at)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" className="sanad-ltr">
                {e.actorUsername ?? t('audit.system')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={ACTION_COLORS[e.action] ?? 'gray'} tt="none">
                {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
              </Badge>
            </Table.Td>
            <Table.Td>
              <EntityLink type={e.entityType} id={e.entityId} />
            </Table.Td>
            <Table.Td>
              {e.changedFields.length ? (
                <Code className="sanad-ltr">{e.changedFields.join(', ')}</Code>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed" className="sanad-ltr">
                {e.ip ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </RequireCapability>
  );
}
