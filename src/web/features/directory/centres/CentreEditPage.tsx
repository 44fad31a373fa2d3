import { Badge, Group, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../../domain/directory/schemas.ts';
import { BackLink as GoBack } from '../../../components/BackLink.tsx';
import { ActiveBadge } from '../../../components/list/ListParts.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useCreate, useRecord } from '../../../components/record/useRecord.ts';
import type { RecordSection } from '../contributions.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { CentreDetails } from './CentreDetails.tsx';
import { CentreForm } from './CentreForm.tsx';

const RESOURCE = 'centres';

function BackLink() {
  const { t } = useTranslation();
  return <GoBack to="/centres">{t('centre.backToList')}</GoBack>;
}

export function CentreNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<Centre>(RESOURCE);
  const submit = async (body: object) => {
    const created = await create(body);
    await navigate({ to: '/centres/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="centres:create">
      <Stack maw={900}>
        <BackLink />
        <PageHeader title={t('centre.newTitle')} />
        <CentreForm onSubmit={submit} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

/** `sections`: what later modules show below the centre (composition root, via the route). */
export function CentreEditPage({ sections = [] }: { sections?: readonly RecordSection[] }) {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/centres/$id' });
  const { created } = useSearch({ from: '/app/centres/$id' });
  const { query, record, notice, accept, patch } = useRecord<Centre>(RESOURCE, id);
  const saved = t('directory.saved');
  const has = useCapabilities();

  return (
    <RequireCapability capability="centres:read">
      <RecordFrame
        back={<BackLink />}
        query={query}
        notice={notice ?? (created ? t('directory.created') : null)}
        maw={1200}
      >
        {record ? (
          <>
            <PageHeader
              documentTitle={record.name}
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
                  <StatusActions
                    resource={RESOURCE}
                    record={record}
                    name={record.name}
                    onSaved={(u) => accept(u, saved)}
                  />
                </>
              }
            />
            {can(record, 'update') ? (
              <CentreForm
                key={record.version}
                record={record}
                onSubmit={(changes) => patch(changes, saved).then(() => undefined)}
                submitLabel={t('common.save')}
              />
            ) : (
              <CentreDetails centre={record} />
            )}
            {sections
              .filter((x) => !x.capability || has(x.capability))
              .map((x) => (
                <x.Section key={x.key} recordId={record.id} />
              ))}
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
