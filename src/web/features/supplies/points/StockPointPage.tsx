import { Accordion, Badge, Group, Stack, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../components/BackLink.tsx';
import { ButtonLink } from '../../../components/links.tsx';
import { ActiveBadge } from '../../../components/list/ListParts.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can } from '../../../components/record/record.ts';
import { useCreate, useRecord } from '../../../components/record/useRecord.ts';
import type { StockLine, StockPoint } from '../api.ts';
import { pointLabel } from '../parts.tsx';
import { StockTable } from '../stock/StockTable.tsx';
import { LevelsPanel } from './LevelsPanel.tsx';
import { StockPointForm } from './StockPointForm.tsx';

const RESOURCE = 'stock-points';

function Back() {
  const { t } = useTranslation();
  return <BackLink to="/stock-points">{t('supplies.points.backToList')}</BackLink>;
}

export function StockPointNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreate<StockPoint>(RESOURCE);
  const submit = async (body: object) => {
    const created = await create(body);
    await navigate({ to: '/stock-points/$id', params: { id: created.id }, search: { created: true } });
  };
  return (
    <RequireCapability capability="stock_points:create">
      <Stack maw={900}>
        <Back />
        <PageHeader title={t('supplies.points.new')} />
        <StockPointForm onSubmit={submit} submitLabel={t('common.create')} />
      </Stack>
    </RequireCapability>
  );
}

/** One stock point: what it holds, its levels, and the way to receive, issue or count there. */
export function StockPointPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const { id } = useParams({ from: '/app/stock-points/$id' });
  const { created } = useSearch({ from: '/app/stock-points/$id' });
  const { query, record, notice, patch } = useRecord<StockPoint>(RESOURCE, id);
  const onHand = useCursorList<StockLine>('stock', { stockPointId: id }, 50);
  return (
    <RequireCapability capability="stock_points:read">
      <RecordFrame
        back={<Back />}
        query={query}
        notice={notice ?? (created ? t('directory.created') : null)}
        maw={1100}
      >
        {record ? (
          <>
            <PageHeader
              documentTitle={record.name}
              title={
                <Group gap="sm" component="span">
                  <bdi>{pointLabel(record)}</bdi>
                  <ActiveBadge active={record.active} />
                </Group>
              }
              subtitle={record.centreName ? <bdi>{record.centreName}</bdi> : undefined}
              actions={
                <>
                  <Badge variant="outline">{t(`supplies.pointKinds.${record.kind}`)}</Badge>
                  {has('stock:receive') ? (
                    <ButtonLink to="/stock/receive" search={{ stockPointId: id }} data-testid="point-receive">
                      {t('supplies.receive.title')}
                    </ButtonLink>
                  ) : null}
                  {has('stock:issue') ? (
                    <ButtonLink to="/stock/issue" search={{ stockPointId: id }} variant="default">
                      {t('supplies.issue.title')}
                    </ButtonLink>
                  ) : null}
                  {has('transfers:create') ? (
                    <ButtonLink to="/stock-transfers/new" search={{ from: id }} variant="default">
                      {t('supplies.transfers.new')}
                    </ButtonLink>
                  ) : null}
                  {has('stock_counts:create') ? (
                    <ButtonLink to="/stock-counts" search={{ stockPointId: id }} variant="default">
                      {t('supplies.counts.new')}
                    </ButtonLink>
                  ) : null}
                </>
              }
            />
            {can(record, 'update') ? (
              <Accordion variant="contained">
                <Accordion.Item value="edit">
                  <Accordion.Control>{t('supplies.points.edit')}</Accordion.Control>
                  <Accordion.Panel>
                    <StockPointForm
                      key={record.version}
                      record={record}
                      onSubmit={(changes) => patch(changes, t('directory.saved')).then(() => undefined)}
                      submitLabel={t('common.save')}
                    />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            ) : null}
            {has('stock:read') ? (
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('supplies.points.onHand')}
                </Title>
                <StockTable list={onHand} withPoint={false} testId="point-stock" />
              </Stack>
            ) : null}
            <LevelsPanel stockPointId={id} editable={can(record, 'set_levels')} />
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
