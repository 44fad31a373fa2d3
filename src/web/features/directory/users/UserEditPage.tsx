import { Group, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/directory/schemas.ts';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { meQuery } from '../../auth/api.ts';
import { can } from '../shared/record.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { UserAdminActions } from './UserAdminActions.tsx';
import { UserBadges } from './UserBadges.tsx';
import { type UserBody, UserForm } from './UserForm.tsx';

const RESOURCE = 'users';

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/users" size="sm">
      {t('user.backToList')}
    </AnchorLink>
  );
}

export function UserNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // one key per form: a retry after a lost answer cannot create the record twice
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = async (body: UserBody) => {
    const created = await api.post<User>(`/${RESOURCE}`, body, idempotencyKey);
    await queryClient.invalidateQueries({ queryKey: [RESOURCE] });
    queryClient.setQueryData([RESOURCE, 'one', created.id], created);
    await navigate({ to: '/users/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="users:create">
      <Stack maw={960}>
        <BackLink />
        <PageHeader title={t('user.newTitle')} />
        <UserForm onSubmit={create} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

export function UserEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/users/$id' });
  const { created } = useSearch({ from: '/app/users/$id' });
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const key = [RESOURCE, 'one', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<User>(`/${RESOURCE}/${id}`, undefined, signal),
  });
  const record = query.data;

  const accept = (updated: User, message = t('directory.saved')) => {
    queryClient.setQueryData(key, updated);
    setSaved(message);
    void queryClient.invalidateQueries({ queryKey: [RESOURCE, 'list'] });
    // editing one's own account changes what /me says (name, language, roles)
    if (updated.id === queryClient.getQueryData(meQuery.queryKey)?.id)
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const update = async (body: UserBody) => {
    setSaved(null);
    accept(await api.patch<User>(`/${RESOURCE}/${id}`, body));
  };

  return (
    <RequireCapability capability="users:read">
      <Stack maw={960}>
        <BackLink />
        {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {record ? (
          <>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  <span dir="auto">{record.displayName}</span>
                  <UserBadges user={record} />
                </Group>
              }
              subtitle={<span className="sanad-ltr">{record.username}</span>}
              actions={
                <StatusActions
                  resource={RESOURCE}
                  record={record}
                  name={record.displayName}
                  onSaved={accept}
                />
              }
            />
            {saved ? (
              <SavedNote text={saved} />
            ) : created ? (
              <SavedNote text={t('directory.created')} />
            ) : null}
            <UserAdminActions user={record} onSaved={(u) => accept(u, t('user.adminActionDone'))} />
            <UserForm
              key={record.version}
              record={record}
              readOnly={!can(record, 'update')}
              onSubmit={update}
              submitLabel={t('common.save')}
            />
          </>
        ) : null}
      </Stack>
    </RequireCapability>
  );
}
