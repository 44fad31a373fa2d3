// People now against capacity, for every centre in the reader's scope, from one request: a column
// of the centres list and a panel of the home page (both contributed by the composition root).
import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import type { CentreOccupancy } from '../../../domain/registry/occupancy.ts';
import { api } from '../../api/client.ts';
import { BilingualName } from '../../components/BilingualName.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { Panel } from '../../components/panels.tsx';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { formatNumber } from '../../i18n/format.ts';

export function useOccupancy(enabled = true) {
  return useQuery({
    queryKey: ['centres', 'occupancy'],
    enabled,
    queryFn: ({ signal }) => api.get<{ items: CentreOccupancy[] }>('/centres/occupancy', undefined, signal),
    select: (d) => new Map(d.items.map((x) => [x.centreId, x])),
  });
}

const percent = (x: number) => `${formatNumber(Math.round(x * 100))} %`;

/** "212 / 400 (53 %)", or "under 5, hidden" for a reader who may not see the people there. */
export function OccupancyText({ o }: { o: CentreOccupancy | undefined }) {
  const { t } = useTranslation();
  if (!o) return <>—</>;
  if (o.total === null)
    return (
      <Text span size="sm" c="dimmed">
        {t('occupancy.hidden')}
      </Text>
    );
  const over = o.occupancy !== null && o.occupancy > 1;
  return (
    <Text span size="sm" fw={over ? 700 : undefined} c={over ? 'red.9' : undefined} data-testid="occupancy">
      {formatNumber(o.total)}
      {o.capacity > 0 ? ` / ${formatNumber(o.capacity)}` : ''}
      {o.occupancy !== null ? ` (${percent(o.occupancy)})` : ''}
    </Text>
  );
}

/** The centres list's "people now" column. */
export function useOccupancyColumn(): {
  key: string;
  header: ReactNode;
  cell: (id: string) => ReactNode;
} | null {
  const { t } = useTranslation();
  const has = useCapabilities();
  const found = useOccupancy(has('centres:read'));
  if (!has('centres:read')) return null;
  return {
    key: 'occupancy',
    header: t('occupancy.now'),
    cell: (centreId: string) => <OccupancyText o={found.data?.get(centreId)} />,
  };
}

/** Home: each centre's people now against its capacity, fullest first. */
export function OccupancyPanel() {
  const { t } = useTranslation();
  const found = useOccupancy();
  const centres = useAllOf<Centre>('centres', { active: 'true' });
  const rows = useMemo(() => {
    const byId = new Map((centres.data ?? []).map((c) => [c.id, c]));
    return [...(found.data?.values() ?? [])]
      .filter((o) => byId.has(o.centreId))
      .map((o) => ({ o, c: byId.get(o.centreId) as Centre }))
      .sort((a, b) => (b.o.occupancy ?? -1) - (a.o.occupancy ?? -1));
  }, [found.data, centres.data]);
  const error = found.error ?? centres.error;
  return (
    <Panel title={t('occupancy.title')} testId="occupancy-panel">
      {error ? (
        <ErrorState error={error} onRetry={() => void found.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('centre.name')}</Table.Th>
                <Table.Th>{t('occupancy.now')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ o, c }) => (
                <Table.Tr key={c.id} data-testid="occupancy-row">
                  <Table.Td>
                    <AnchorLink to="/centres/$id" params={{ id: c.id }} underline="hover">
                      <BilingualName name={c.name} nameAr={c.nameAr} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Group gap="xs">
                        <OccupancyText o={o} />
                      </Group>
                      {o.occupancy !== null ? (
                        <Progress
                          value={Math.min(100, o.occupancy * 100)}
                          color={o.occupancy > 1 ? 'red.8' : 'teal.8'}
                          size="sm"
                          aria-label={t('occupancy.of', { name: c.name })}
                        />
                      ) : null}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
