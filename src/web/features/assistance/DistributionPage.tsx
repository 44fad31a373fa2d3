import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { InfoNote } from '../../components/form/Notes.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { can } from '../../components/record/record.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import {
  closeDistribution,
  type Distribution,
  type Item,
  useAssistanceRefresh,
  useDistribution,
} from './api.ts';
import { BulkLineForm } from './BulkLineForm.tsx';
import { CentrePeople } from './CentrePeople.tsx';
import { LinesTable } from './LinesTable.tsx';
import { useAssistanceLabels } from './labels.ts';
import { servedPeople } from './logic.ts';
import { QuickEntry } from './QuickEntry.tsx';

/** One distribution event: its facts, the entry of recipients (or bulk lines), the lines, close. */
export function DistributionPage() {
  const { id } = useParams({ from: '/app/distributions/$id' });
  return <DistributionView key={id} id={id} />;
}

function DistributionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const has = useCapabilities();
  // people are found in the registry: without it, names cannot be entered here
  const findsPeople = has('registry:read');
  const query = useDistribution(id);
  const d = query.data;
  // every item (active or not): an event may name one retired since
  const all = useAllOf<Item>('items', {});
  const items = useMemo(() => new Map((all.data ?? []).map((i) => [i.id, i])), [all.data]);
  const served = useMemo(() => servedPeople(d?.lines ?? []), [d?.lines]);
  const open = d?.status === 'open';
  return (
    <RequireCapability capability="distributions:read">
      <RecordFrame
        back={<BackLink to="/distributions">{t('assistance.list.back')}</BackLink>}
        query={query}
        notice={null}
        maw={1200}
      >
        {d ? (
          <Stack data-testid="distribution-page">
            <PageHeader
              documentTitle={d.reference}
              title={
                <Group gap="sm" component="span">
                  <span className="sanad-ltr" data-testid="distribution-reference">
                    {d.reference}
                  </span>
                  <Badge variant="light" color={open ? 'teal' : 'gray'} data-testid="distribution-status">
                    {l.status(d.status)}
                  </Badge>
                </Group>
              }
              subtitle={`${l.kind(d.kind)} · ${formatDate(d.occurredOn)}`}
              actions={can(d, 'close') && open ? <CloseButton distribution={d} /> : null}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Fact label={t('assistance.fields.centre')} value={d.centreName} />
              <Fact label={t('assistance.fields.stockPoint')} value={d.stockPointName} />
              <Fact
                label={t('assistance.fields.recipients')}
                value={d.kind === 'individual' ? formatNumber(d.recipients) : '—'}
                testId="distribution-recipients"
              />
              <Fact
                label={t('assistance.fields.items')}
                value={d.itemIds.map((x) => (items.get(x) ? l.name(items.get(x) as Item) : '…')).join(' · ')}
              />
              {d.note ? <Fact label={t('assistance.fields.note')} value={d.note} /> : null}
            </SimpleGrid>
            {open && can(d, 'record') ? (
              d.kind === 'individual' ? (
                findsPeople ? (
                  <QuickEntry distribution={d} items={items} served={served} />
                ) : (
                  <InfoNote text={t('assistance.entry.noRegistry')} testId="entry-no-registry" />
                )
              ) : (
                <BulkLineForm distribution={d} items={items} />
              )
            ) : null}
            <LinesTable distribution={d} />
            {d.kind === 'individual' && open && findsPeople ? (
              <CentrePeople centreId={d.centreId} served={served} />
            ) : null}
          </Stack>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text data-testid={testId}>
        <bdi>{value}</bdi>
      </Text>
    </div>
  );
}

/** Closing ends the entry of lines; asked twice, as it cannot be undone here. */
function CloseButton({ distribution }: { distribution: Distribution }) {
  const { t } = useTranslation();
  const refresh = useAssistanceRefresh();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await refresh(await closeDistribution(distribution));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      {confirming ? (
        <Group gap="xs">
          <Text size="sm">{t('assistance.close.confirm')}</Text>
          <Button color="red" loading={busy} onClick={() => void run()} data-testid="close-confirm">
            {t('assistance.close.button')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Button variant="default" onClick={() => setConfirming(true)} data-testid="close-distribution">
          {t('assistance.close.button')}
        </Button>
      )}
      <FormAlert error={error} />
    </Stack>
  );
}
