import { Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/directory/schemas.ts';
import { BackLink as GoBack } from '../../../components/BackLink.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useCreate, useRecord } from '../../../components/record/useRecord.ts';
import { meQuery } from '../../auth/api.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { UserAdminActions } from './UserAdminActions.tsx';
import { UserBadges } from './UserBadges.tsx';
import { type UserBody, UserForm } from './UserForm.tsx';

const RESOURCE = 'users';

function BackLink() {
  const { t } = useTranslation();
  return <GoBack to="/users">{t('user.backToList')}</GoBack>;
}

export function UserNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<User>(RESOURCE);
  const submit = async (body: UserBody) => {
    const created = await create(body);
    await navigate({ to: '/users/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="users:create">
      <Stack maw={960}>
        <BackLink />
        <PageHeader title={t('user.newTitle')} />
        <UserForm onSubmit={submit} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

export function UserEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/users/$id' });
  const { created } = useSearch({ from: '/app/users/$id' });
  const queryClient = useQueryClient();
  const { query, record, notice, accept: acceptRecord, patch } = useRecord<User>(RESOURCE, id);

  // editing one's own account changes what /me says (name, language, roles)
  const refreshMeIfSelf = (updated: User) => {
    if (updated.id === queryClient.getQueryData(meQuery.queryKey)?.id)
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const accept = (updated: User, message: string) => {
    acceptRecord(updated, message);
    refreshMeIfSelf(updated);
  };

  return (
    <RequireCapability capability="users:read">
      <RecordFrame
        back={<BackLink />}
        query={query}
        notice={notice ?? (created ? t('directory.created') : null)}
        maw={960}
      >
        {record ? (
          <>
            <PageHeader
              documentTitle={record.displayName}
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
                  onSaved={(u) => accept(u, t('directory.saved'))}
                />
              }
            />
            <UserAdminActions user={record} onSaved={(u) => accept(u, t('user.adminActionDone'))} />
            <UserForm
              key={record.version}
              record={record}
              readOnly={!can(record, 'update')}
              onSubmit={async (body) => {
                const { version: _ignored, ...changes } = body;
                refreshMeIfSelf(await patch(changes, t('directory.saved')));
              }}
              submitLabel={t('common.save')}
            />
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
