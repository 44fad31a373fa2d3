import { Button, Grid, Group, Loader, Paper, Select, Stack, Title } from '@mantine/core';
import { IconBellRinging, IconDownload } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Syndrome } from '../../../../domain/health/syndromes.ts';
import { withQuery } from '../../../api/client.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ButtonLink } from '../../../components/links.tsx';
import { Filters } from '../../../components/list/ListParts.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { useCentreName } from '../api.ts';
import { OpenAlertsList } from './AlertParts.tsx';
import { useSurveillanceWeek, useWeekAlerts } from './api.ts';
import { CurvePanel } from './CurvePanel.tsx';
import { alertCells, currentWeek, isValidWeek } from './logic.ts';
import { WeekPicker } from './WeekPicker.tsx';
import { WeekTable } from './WeekTable.tsx';

/** The week's table of syndromes per centre, the epidemic curve and the open alerts. */
export function SurveillancePage() {
  const { t, i18n } = useTranslation();
  const has = useCapabilities();
  const search = useSearch({ from: '/app/surveillance' });
  const navigate = useNavigate({ from: '/surveillance' });
  const week = isValidWeek(search.week) ? search.week : currentWeek();
  const syndrome: Syndrome = search.syndrome ?? 'scabies';
  const go = (next: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...next }), replace: true });
  // every centre of the reader's scope in one answer: the centre filter narrows it here
  const table = useSurveillanceWeek(week);
  const weekAlerts = useWeekAlerts(week);
  const cells = useMemo(() => alertCells(weekAlerts.data?.items ?? []), [weekAlerts.data]);
  const allRows = table.data?.rows ?? [];
  const centreName = useCentreName();
  const centres = allRows.map((r) => ({ value: r.centreId, label: centreName(r.centreId, r.centreName) }));
  const rows = search.centre ? allRows.filter((r) => r.centreId === search.centre) : allRows;

  return (
    <RequireCapability capability="surveillance:read">
      <PageHeader
        title={t('surveillance.title')}
        subtitle={t('surveillance.subtitle')}
        actions={
          has('alerts:read') ? (
            <ButtonLink
              to="/alerts"
              variant="default"
              leftSection={<IconBellRinging size={16} aria-hidden />}
            >
              {t('alerts.title')}
            </ButtonLink>
          ) : null
        }
      />
      <Filters>
        <WeekPicker value={week} onChange={(w) => go({ week: w })} />
        <Select
          label={t('surveillance.table.centre')}
          placeholder={t('surveillance.allCentres')}
          clearable
          searchable
          data={centres}
          value={search.centre ?? null}
          onChange={(c) => go({ centre: c ?? undefined })}
          nothingFoundMessage={t('common.noResults')}
          w={240}
          data-testid="filter-centre"
        />
        {has('surveillance:export') ? (
          <Button
            component="a"
            variant="default"
            href={withQuery('/api/v1/surveillance', {
              week,
              centreId: search.centre,
              format: 'xlsx',
              lang: i18n.language,
            })}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
            data-testid="xlsx-surveillance"
          >
            {t('surveillance.download')}
          </Button>
        ) : null}
      </Filters>
      <Stack>
        {table.isError ? <ErrorState error={table.error} onRetry={() => void table.refetch()} /> : null}
        {table.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
        {table.data ? <WeekTable rows={rows} alerts={cells} /> : null}
        <Grid>
          <Grid.Col span={{ base: 12, lg: has('alerts:read') ? 8 : 12 }}>
            <CurvePanel
              week={week}
              centres={centres}
              syndrome={syndrome}
              onSyndrome={(s) => go({ syndrome: s })}
            />
          </Grid.Col>
          {has('alerts:read') ? (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Paper withBorder p="md" data-testid="dashboard-alerts">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">
                    {t('alerts.open')}
                  </Title>
                </Group>
                <OpenAlertsList />
              </Paper>
            </Grid.Col>
          ) : null}
        </Grid>
      </Stack>
    </RequireCapability>
  );
}
