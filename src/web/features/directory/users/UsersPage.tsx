import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../domain/access/roles.ts';
import type { Centre, Organisation, User, UserSort } from '../../../../domain/directory/schemas.ts';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters, ListTable, SearchBox } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { SortHeader, type SortState } from '../../../components/list/SortHeader.tsx';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { ActiveFilter, type ActiveValue } from '../shared/ActiveFilter.tsx';
import { UserBadges } from './UserBadges.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveValue>('true');
  const [sort, setSort] = useState<SortState<UserSort>>({ sort: 'username', order: 'asc' });
  const filters = {
    q,
    role: role ?? undefined,
    organisationId: organisationId ?? undefined,
    active: active === 'all' ? undefined : active,
    ...sort,
  };
  const list = useCursorList<User>('users', filters);
  const orgs = useAllOf<Organisation>('organisations');
  const centres = useAllOf<Centre>('centres');
  const orgById = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const centreById = useMemo(() => new Map((centres.data ?? []).map((c) => [c.id, c])), [centres.data]);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  const th = (column: UserSort, label: string) => (
    <SortHeader column={column} label={label} state={sort} onSort={setSort} />
  );

  const scopeLabel = (ids: string[]) =>
    ids.length === 0 ? t('user.wholeMission') : ids.map((id) => centreById.get(id)?.name ?? '…').join(', ');

  return (
    <RequireCapability capability="users:read">
      <PageHeader
        title={t('user.title')}
        subtitle={t('user.subtitle')}
        actions={
          <>
            <ExportMenu resource="users" filters={filters} />
            {has('users:create') ? (
              <ButtonLink to="/users/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="new">
                {t('user.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <SearchBox label={t('common.search')} onSearch={onSearch} />
        <Select
          label={t('user.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={setRole}
          w={200}
          data-testid="filter-role"
        />
        <Select
          label={t('user.organisation')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.acronym ?? o.name }))}
          value={organisationId}
          onChange={setOrganisationId}
          w={220}
          data-testid="filter-organisation"
        />
        <ActiveFilter value={active} onChange={setActive} />
      </Filters>
      <ListTotal first={list.data?.pages[0] as Counted | undefined} testId="users-total" />
      <ListTable
        testId="users-table"
        minWidth={1000}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        head={
          <Table.Tr>
            {th('displayName', t('user.displayName'))}
            {th('username', t('user.username'))}
            {th('organisation', t('user.organisation'))}
            <Table.Th>{t('user.roles')}</Table.Th>
            <Table.Th>{t('directory.status')}</Table.Th>
          </Table.Tr>
        }
        rows={list.items.map((u) => {
          const org = orgById.get(u.organisationId);
          return (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Td>
                <AnchorLink to="/users/$id" params={{ id: u.id }} underline="hover" fw={600} size="sm">
                  <span dir="auto">{u.displayName}</span>
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="sanad-ltr">
                  {u.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi>{org ? (org.acronym ?? org.name) : '—'}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge
                      key={`${r.role}-${r.centreIds.join()}`}
                      variant="light"
                      tt="none"
                      title={scopeLabel(r.centreIds)}
                    >
                      {t(`roles.${r.role}`)} · {scopeLabel(r.centreIds)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <UserBadges user={u} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      />
    </RequireCapability>
  );
}
