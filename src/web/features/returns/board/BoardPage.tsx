import { Grid, Loader, Select, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Filters } from '../../../components/list/ListParts.tsx';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { nationalityOptions } from '../../registry/codes.ts';
import { type Project, useCentres } from '../../supplies/api.ts';
import { useBoard } from './api.ts';
import { FiguresPanel } from './FiguresPanel.tsx';
import { Section } from './Section.tsx';
import { StateBoard } from './StateBoard.tsx';
import { StuckList } from './StuckList.tsx';

/** The pipeline: cases per state with the median days in it, who waits longest, the headline. */
export function BoardPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const search = useSearch({ from: '/app/returns/board' });
  const navigate = useNavigate({ from: '/returns/board' });
  const go = (next: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...next }), replace: true });
  const board = useBoard(search);
  const centres = useCentres();
  // projects are the catalogue's: offered only to those who read it
  const projects = useAllOf<Project>('projects', { active: 'true' }, has('catalogue:read'));
  return (
    <RequireCapability capability="returns_board:read">
      <PageHeader title={t('returnsBoard.title')} subtitle={t('returnsBoard.subtitle')} />
      <Filters>
        <Select
          label={t('returnsBoard.filters.nationality')}
          placeholder={t('returnsBoard.filters.all')}
          clearable
          searchable
          data={nationalityOptions()}
          value={search.nationality ?? null}
          onChange={(v) => go({ nationality: v ?? undefined })}
          nothingFoundMessage={t('common.noResults')}
          w={220}
          data-testid="filter-nationality"
        />
        <Select
          label={t('returnsBoard.filters.centre')}
          placeholder={t('returnsBoard.filters.all')}
          clearable
          searchable
          data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={search.centreId ?? null}
          onChange={(v) => go({ centreId: v ?? undefined })}
          nothingFoundMessage={t('common.noResults')}
          w={220}
          data-testid="filter-centre"
        />
        {has('catalogue:read') ? (
          <Select
            label={t('returnsBoard.filters.project')}
            placeholder={t('returnsBoard.filters.all')}
            clearable
            searchable
            data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
            value={search.projectId ?? null}
            onChange={(v) => go({ projectId: v ?? undefined })}
            nothingFoundMessage={t('common.noResults')}
            w={260}
            data-testid="filter-project"
          />
        ) : null}
      </Filters>
      <Stack>
        {board.isError ? <ErrorState error={board.error} onRetry={() => void board.refetch()} /> : null}
        {board.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
        {board.data ? <StateBoard states={board.data.states} /> : null}
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Section title={t('returnsBoard.stuck.title')} testId="stuck-panel">
              {board.data ? <StuckList stuck={board.data.stuck} /> : null}
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FiguresPanel />
          </Grid.Col>
        </Grid>
      </Stack>
    </RequireCapability>
  );
}
