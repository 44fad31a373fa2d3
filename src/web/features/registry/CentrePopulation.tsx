import {
  Alert,
  Button,
  Collapse,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconClipboardList } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCLOSURE_THRESHOLD } from '../../../domain/common/suppression.ts';
import { AGE_GROUPS, SEXES } from '../../../domain/registry/schemas.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { can } from '../../components/record/record.ts';
import { formatNumber } from '../../i18n/format.ts';
import { type Person, type Population, RESOURCE, usePopulation } from './api.ts';
import { BulkTransferDialog } from './BulkTransferDialog.tsx';
import { countryName } from './codes.ts';
import { HeadcountForm } from './HeadcountForm.tsx';
import { HeadcountsTable } from './HeadcountsTable.tsx';
import { today } from './identity.ts';
import { PersonsTable } from './PersonsTable.tsx';

// the charting library is large: loaded only when a centre's page shows a chart
const PopulationChart = lazy(() =>
  import('./PopulationChart.tsx').then((m) => ({ default: m.PopulationChart })),
);

const RANGES = { '30': 29, '90': 89, '365': 364, '730': 729 } as const;
const daysBefore = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function Occupancy({ population: p }: { population: Population }) {
  const { t } = useTranslation();
  const percent = p.occupancy === null ? null : Math.round(p.occupancy * 100);
  const over = percent !== null && percent > 100;
  return (
    <Stack gap={6} data-testid="occupancy">
      <Group justify="space-between" align="baseline">
        <Text size="xl" fw={700} data-testid="population-total">
          {p.total === null ? t('a11y.hiddenCell', { n: DISCLOSURE_THRESHOLD }) : formatNumber(p.total)}
        </Text>
        <Text size="sm" c={over ? 'red' : 'dimmed'} fw={over ? 700 : undefined}>
          {percent === null
            ? t('population.noCapacity')
            : t('population.occupancy', {
                percent: formatNumber(percent),
                capacity: formatNumber(p.capacity),
              })}
        </Text>
      </Group>
      {percent !== null ? (
        <Progress
          value={Math.min(percent, 100)}
          color={over ? 'red' : percent >= 90 ? 'orange' : 'teal'}
          size="lg"
          aria-label={t('population.occupancyLabel')}
          data-over={over || undefined}
        />
      ) : null}
      {over && p.total !== null ? (
        <Text size="sm" c="red" fw={600} data-testid="over-capacity">
          {t('population.overCapacity', { n: formatNumber(p.total - p.capacity) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** One breakdown: a small table whose hidden (small) cells say so. */
function Breakdown({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: [string, number | null][];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Table verticalSpacing={4} data-testid={testId}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          <Text size="sm" fw={600}>
            {title}
          </Text>
        </Table.Caption>
        <Table.Tbody>
          {rows.map(([label, n]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="end">
                {/* null is a small count kept back (never 0, which is a real zero) */}
                {n === null ? (
                  <Text span size="xs" c="dimmed" data-suppressed>
                    {t('a11y.hiddenCell', { n: DISCLOSURE_THRESHOLD })}
                  </Text>
                ) : (
                  formatNumber(n)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** A centre's population now (by sex, age, nationality), over time beside the authority's counts, and who is there. */
export function CentrePopulation({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const [range, setRange] = useState<string>('90');
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(daysBefore(today(), RANGES['90']));
  const [headcountOpen, headcount] = useDisclosure(false);
  const population = usePopulation(centreId, from, to);
  const p = population.data;
  // the server lists whether this user may record the authority's count for this centre
  const mayCount = can(p, 'recordHeadcount');

  const pickRange = (r: string) => {
    setRange(r);
    if (r in RANGES) {
      const end = today();
      setTo(end);
      setFrom(daysBefore(end, RANGES[r as keyof typeof RANGES]));
    }
  };

  return (
    <Stack component="section" aria-labelledby="population-title" data-testid="centre-population">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="population-title">
          {t('population.title')}
        </Title>
        {population.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {population.isError ? (
        <ErrorState error={population.error} onRetry={() => void population.refetch()} />
      ) : null}
      {p ? (
        <>
          <Paper withBorder p="md">
            <Occupancy population={p} />
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Breakdown
              title={t('population.bySex')}
              testId="by-sex"
              rows={SEXES.map((s) => [t(`person.sexes.${s}`), p.bySex[s] ?? null])}
            />
            <Breakdown
              title={t('population.byAge')}
              testId="by-age"
              rows={AGE_GROUPS.map((g) => [t(`population.ageGroups.${g}`), p.byAgeGroup[g] ?? null])}
            />
            <Breakdown
              title={t('population.byNationality')}
              testId="by-nationality"
              rows={p.byNationality.map((n) => [countryName(n.nationality), n.count])}
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Stack>
              <Group justify="space-between" align="flex-end" wrap="wrap">
                <Title order={3} size="h5">
                  {t('population.overTime')}
                </Title>
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <SegmentedControl
                    aria-label={t('population.period')}
                    value={range}
                    onChange={pickRange}
                    data={[
                      ...Object.keys(RANGES).map((r) => ({ value: r, label: t(`population.ranges.d${r}`) })),
                      { value: 'custom', label: t('population.ranges.custom') },
                    ]}
                    data-testid="population-range"
                  />
                  {range === 'custom' ? (
                    <>
                      <TextInput
                        type="date"
                        label={t('population.from')}
                        value={from}
                        max={to}
                        onChange={(e) => setFrom(e.currentTarget.value)}
                        w={160}
                      />
                      <TextInput
                        type="date"
                        label={t('population.to')}
                        value={to}
                        min={from}
                        max={today()}
                        onChange={(e) => setTo(e.currentTarget.value)}
                        w={160}
                      />
                    </>
                  ) : null}
                </Group>
              </Group>
              <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
                <PopulationChart population={p} />
              </Suspense>
              <HeadcountsTable headcounts={p.headcounts} />
              {mayCount ? (
                <>
                  <Group>
                    <Button
                      variant="light"
                      leftSection={<IconClipboardList size={16} aria-hidden />}
                      onClick={headcount.toggle}
                      aria-expanded={headcountOpen}
                      data-testid="headcount-toggle"
                    >
                      {t('population.recordHeadcount')}
                    </Button>
                  </Group>
                  <Collapse expanded={headcountOpen}>
                    {headcountOpen ? <HeadcountForm centreId={centreId} /> : null}
                  </Collapse>
                </>
              ) : null}
            </Stack>
          </Paper>
        </>
      ) : null}
      {has('registry:read') ? <PresentPeople centreId={centreId} /> : null}
    </Stack>
  );
}

function PresentPeople({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const list = useCursorList<Person>(RESOURCE, { centreId, present: 'true' });
  // people ticked for a transfer together; offered only where the server offers a transfer
  const [selected, setSelected] = useState<ReadonlyMap<string, Person>>(new Map());
  const [dialog, setDialog] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const transferable = list.items.some((p) => p.allowedActions.includes('transfer'));
  const toggle = (p: Person) =>
    setSelected((s) => {
      const next = new Map(s);
      if (!next.delete(p.id)) next.set(p.id, p);
      return next;
    });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('population.presentNow')}
        </Title>
        {transferable ? (
          <Button
            variant="light"
            disabled={selected.size === 0}
            onClick={() => setDialog(true)}
            data-testid="bulk-transfer"
          >
            {t('ops.bulk.open', { count: selected.size })}
          </Button>
        ) : null}
      </Group>
      {moved !== null ? (
        <Alert color="teal" withCloseButton onClose={() => setMoved(null)} data-testid="bulk-moved">
          {t('ops.bulk.moved', { count: moved })}
        </Alert>
      ) : null}
      <PersonsTable
        list={list}
        testId="centre-people"
        showLocation={false}
        selection={transferable ? { selected, toggle } : undefined}
      />
      <BulkTransferDialog
        fromCentreId={centreId}
        people={[...selected.values()]}
        opened={dialog}
        onClose={() => setDialog(false)}
        onDone={(n) => {
          setDialog(false);
          setSelected(new Map());
          setMoved(n);
        }}
      />
    </Stack>
  );
}
