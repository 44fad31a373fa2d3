import { Badge, Group, Stack } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { localName } from '../../../components/BilingualName.tsx';
import { ActiveBadge } from '../../../components/list/ListParts.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useCreate, useRecord } from '../../../components/record/useRecord.ts';
import type { Item } from '../api.ts';
import { ItemForm } from './ItemForm.tsx';

const RESOURCE = 'items';

function Back() {
  const { t } = useTranslation();
  return <BackLink to="/items">{t('supplies.items.backToList')}</BackLink>;
}

export function ItemNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<Item>(RESOURCE);
  const submit = async (body: object) => {
    const created = await create(body);
    await navigate({ to: '/items/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="catalogue:create">
      <Stack maw={900}>
        <Back />
        <PageHeader title={t('supplies.items.new')} />
        <ItemForm onSubmit={submit} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

/** One item: its form when the server allows an update, else its details. */
export function ItemPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/items/$id' });
  const { created } = useSearch({ from: '/app/items/$id' });
  const { query, record, notice, patch } = useRecord<Item>(RESOURCE, id);
  const saved = t('directory.saved');
  return (
    <RequireCapability capability="catalogue:read">
      <RecordFrame back={<Back />} query={query} notice={notice ?? (created ? t('directory.created') : null)}>
        {record ? (
          <>
            <PageHeader
              documentTitle={record.name}
              title={
                <Group gap="sm" component="span">
                  <bdi>{localName(record)}</bdi>
                  <ActiveBadge active={record.active} />
                </Group>
              }
              subtitle={<span className="sanad-ltr">{record.code}</span>}
              actions={<Badge variant="outline">{t(`supplies.categories.${record.category}`)}</Badge>}
            />
            {can(record, 'update') ? (
              <ItemForm
                key={record.version}
                record={record}
                onSubmit={(changes) => patch(changes, saved).then(() => undefined)}
                submitLabel={t('common.save')}
              />
            ) : (
              <RecordDetails
                testId="item-details"
                items={[
                  { label: t('supplies.items.code'), value: record.code },
                  { label: t('supplies.items.name'), value: record.name },
                  { label: t('supplies.items.nameAr'), value: record.nameAr, lang: 'ar' },
                  { label: t('supplies.items.nameFr'), value: record.nameFr, lang: 'fr' },
                  { label: t('supplies.items.baseUnit'), value: t(`supplies.units.${record.baseUnit}`) },
                  { label: t('supplies.items.packSize'), value: record.packSize },
                  { label: t('supplies.items.activeIngredient'), value: record.activeIngredient },
                  { label: t('supplies.items.strength'), value: record.strength },
                  {
                    label: t('supplies.items.form'),
                    value: record.form ? t(`supplies.forms.${record.form}`) : null,
                  },
                  { label: t('supplies.items.atcCode'), value: record.atcCode },
                ]}
              />
            )}
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
