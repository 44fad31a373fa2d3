import { Badge, Group, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationCreate } from '../../../../domain/directory/schemas.ts';
import { api, newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SavedNote } from '../../../components/form/Notes.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { ActiveBadge } from '../shared/ListParts.tsx';
import { can } from '../shared/record.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

const RESOURCE = 'organisations';

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/organisations" size="sm">
      {t('organisation.backToList')}
    </AnchorLink>
  );
}

export function OrganisationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // one key per form: a retry after a lost answer cannot create the record twice
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = async (body: Partial<OrganisationCreate>) => {
    const created = await api.post<Organisation>(`/${RESOURCE}`, body, idempotencyKey);
    await queryClient.invalidateQueries({ queryKey: [RESOURCE] });
    queryClient.setQueryData([RESOURCE, 'one', created.id], created);
    await navigate({ to: '/organisations/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="organisations:create">
      <Stack maw={900}>
        <BackLink />
        <PageHeader title={t('organisation.newTitle')} />
        <OrganisationForm onSubmit={create} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/organisations/$id' });
  const { created } = useSearch({ from: '/app/organisations/$id' });
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const key = [RESOURCE, 'one', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Organisation>(`/${RESOURCE}/${id}`, undefined, signal),
  });
  const record = query.data;

  const accept = (updated: Organisation) => {
    queryClient.setQueryData(key, updated);
    setSaved(true);
  };
  const update = async (changes: Partial<OrganisationCreate>) => {
    if (!record) return;
    setSaved(false);
    const updated = await api.patch<Organisation>(`/${RESOURCE}/${id}`, {
      ...changes,
      version: record.version,
    });
    accept(updated);
    await queryClient.invalidateQueries({ queryKey: [RESOURCE, 'list'] });
    await queryClient.invalidateQueries({ queryKey: [RESOURCE, 'all'] });
  };

  return (
    <RequireCapability capability="organisations:read">
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
                  <Badge variant="outline">{t(`organisation.kinds.${record.kind}`)}</Badge>
                  <StatusActions resource={RESOURCE} record={record} name={record.name} onSaved={accept} />
                </>
              }
            />
            {saved ? (
              <SavedNote text={t('directory.saved')} />
            ) : created ? (
              <SavedNote text={t('directory.created')} />
            ) : null}
            <OrganisationForm
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
