import { Badge, Group, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../domain/common/countries.ts';
import type { Organisation } from '../../../../domain/directory/schemas.ts';
import { BackLink as GoBack } from '../../../components/BackLink.tsx';
import { ActiveBadge } from '../../../components/list/ListParts.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useCreate, useRecord } from '../../../components/record/useRecord.ts';
import { currentLocale } from '../../../i18n/index.ts';
import type { RecordSection } from '../contributions.ts';
import { StatusActions } from '../shared/StatusActions.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

const RESOURCE = 'organisations';

function BackLink() {
  const { t } = useTranslation();
  return <GoBack to="/organisations">{t('organisation.backToList')}</GoBack>;
}

export function OrganisationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<Organisation>(RESOURCE);
  const submit = async (body: object) => {
    const created = await create(body);
    await navigate({ to: '/organisations/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="organisations:create">
      <Stack maw={900}>
        <BackLink />
        <PageHeader title={t('organisation.newTitle')} />
        <OrganisationForm onSubmit={submit} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

/** `sections`: what later modules show below the organisation (composition root, via the route). */
export function OrganisationEditPage({ sections = [] }: { sections?: readonly RecordSection[] }) {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/organisations/$id' });
  const { created } = useSearch({ from: '/app/organisations/$id' });
  const { query, record, notice, accept, patch } = useRecord<Organisation>(RESOURCE, id);
  const saved = t('directory.saved');
  const has = useCapabilities();

  return (
    <RequireCapability capability="organisations:read">
      <RecordFrame
        back={<BackLink />}
        query={query}
        notice={notice ?? (created ? t('directory.created') : null)}
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
                  <Badge variant="outline">{t(`organisation.kinds.${record.kind}`)}</Badge>
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
              <OrganisationForm
                key={record.version}
                record={record}
                onSubmit={(changes) => patch(changes, saved).then(() => undefined)}
                submitLabel={t('common.save')}
              />
            ) : (
              <RecordDetails
                testId="organisation-details"
                items={[
                  { label: t('organisation.name'), value: record.name },
                  { label: t('organisation.nameAr'), value: record.nameAr, lang: 'ar' },
                  { label: t('a11y.nameFr'), value: record.nameFr, lang: 'fr' },
                  { label: t('organisation.acronym'), value: record.acronym },
                  { label: t('organisation.kind'), value: t(`organisation.kinds.${record.kind}`) },
                  {
                    label: t('organisation.country'),
                    value: record.countryCode ? countryName(record.countryCode, currentLocale()) : undefined,
                  },
                ]}
              />
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
