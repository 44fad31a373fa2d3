import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre, RoleAssignment } from '../../../domain/directory/schemas.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DirectoryCounts, MyCentres, Panel, RecentAudit } from '../../components/panels.tsx';
import { meQuery } from '../auth/api.ts';
import type { HomePanel } from './contributions.ts';
import { MissionPanel } from './MissionPanel.tsx';

/** The landing page: what each user sees depends only on the capabilities the server granted. */
/** `panels`: what the modules add, from the composition root (src/web/app/contributions/). */
export function HomePage({ panels = [] }: { panels?: readonly HomePanel[] }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const has = (c: string) => me.capabilities.includes(c);
  // directory counts are for those who administer the directory (who may list its users)
  const directoryAdmin = has('users:read');
  const shown = (placement: HomePanel['placement']) =>
    panels.filter((p) => p.placement === placement && has(p.capability)).map((p) => <p.Panel key={p.key} />);

  return (
    <Stack data-testid="home">
      <PageHeader
        title={t('home.welcome', { name: me.displayName })}
        subtitle={
          <>
            <bdi>{me.organisation.name}</bdi> · <bdi>{me.mission.name}</bdi>
          </>
        }
      />
      <MyRoles roles={me.roles} canReadCentres={has('centres:read')} />
      {directoryAdmin ? <DirectoryCounts has={has} /> : null}
      {shown('top')}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {shown('grid')}
        {has('audit:read') ? <RecentAudit /> : null}
        {has('centres:read') && !has('centres:create') ? <MyCentres /> : null}
        {has('mission:update') ? <MissionPanel /> : null}
      </SimpleGrid>
      {me.capabilities.length === 0 ? (
        <Text c="dimmed" data-testid="nothing-yet">
          {t('home.nothingYet')}
        </Text>
      ) : null}
    </Stack>
  );
}

function MyRoles({ roles, canReadCentres }: { roles: RoleAssignment[]; canReadCentres: boolean }) {
  const { t } = useTranslation();
  const centres = useAllOf<Centre>(
    'centres',
    {},
    canReadCentres && roles.some((r) => r.centreIds.length > 0),
  );
  const names = useMemo(() => new Map((centres.data ?? []).map((c) => [c.id, c.name])), [centres.data]);
  return (
    <Panel title={t('home.myRoles')} testId="my-roles">
      <Group gap="xs">
        {roles.map((r) => (
          <Badge key={`${r.role}-${r.centreIds.join()}`} size="lg" variant="light" tt="none">
            {t(`roles.${r.role}`)} ·{' '}
            {r.centreIds.length === 0
              ? t('user.wholeMission')
              : r.centreIds.map((id) => names.get(id) ?? t('home.unknownCentre')).join(', ')}
          </Badge>
        ))}
      </Group>
    </Panel>
  );
}
