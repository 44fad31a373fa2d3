import { Badge, Group, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre, CentreCreate } from '../../../../domain/directory/schemas.ts';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { ActiveBadge } from '../shared/ListParts.tsx';
import { can } from '../shared/record.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { CentreForm } from './CentreForm.tsx';

const RESOURCE = 'centres';

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/centres" size="sm">
      {t('centre.backToList')}
    </AnchorLink>
  );
}

export function CentreNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // one key per form: a retry after a lost answer cannot create the record twice
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = async (body: Partial<CentreCreate>) => {
    const created = await api.post<Centre>(`/${RESOURCE}`, body, idempotencyKey);
    await queryClient.invalidateQueries({ queryKey: [RESOURCE] });
    queryClient.setQueryData([RESOURCE, 'one', created.id], created);
    await navigate({ to: '/centres/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="centres:create">
      <Stack maw={900}>
        <BackLink />
        <PageHeader title={t('centre.newTitle')} />
        <CentreForm onSubmit={create} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

export function CentreEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/centres/$id' });
  const { created } = useSearch({ from: '/app/centres/$id' });
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const key = [RESOURCE, 'one', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Centre>(`/${RESOURCE}/${id}`, undefined, signal),
  });
  const record = query.data;

  const accept = (updated: Centre) => {
    queryClient.setQueryData(key, updated);
    setSaved(true);
  };
  const update = async (changes: Partial<CentreCreate>) => {
    if (!record) return;
    setSaved(false);
    const updated = await api.patch<Centre>(`/${RESOURCE}/${id}`, { ...changes, version: record.version });
    accept(updated);
    await queryClient.invalidateQueries({ queryKey: [RESOURCE, 'list'] });
    await queryClient.invalidateQueries({ queryKey: [RESOURCE, 'all'] });
  };

  return (
    <RequireCapability capability="centres:read">
      <Stack maw={900}>
        <BackLink />
        {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {record ? (
          <>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  <span dir="auto">{record.name}</span>
                  <ActiveBadge active={record.active} />
                </Group>
              }
              subtitle={
                record.nameAr ? (
                  <span dir="rtl" lang="ar">
                    {record.nameAr}
                  </span>
                ) : undefined
              }
              actions={
                <>
                  <Badge variant="outline">{t(`centre.types.${record.type}`)}</Badge>
                  <StatusActions resource={RESOURCE} record={record} name={record.name} onSaved={accept} />
                </>
              }
            />
            {saved ? (
              <SavedNote text={t('directory.saved')} />
            ) : created ? (
              <SavedNote text={t('directory.created')} />
            ) : null}
            <CentreForm
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
