import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowNarrowRight, IconBuildingCommunity, IconSitemap, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../domain/audit/schemas.ts';
import type { Centre } from '../../domain/directory/schemas.ts';
import { api, type Page } from '../api/client.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { BilingualName } from './BilingualName.tsx';
import { ErrorState } from './ErrorState.tsx';
import { AnchorLink } from './links.tsx';

export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export const Forward = () => (
  <IconArrowNarrowRight
    size={14}
    className="sanad-flip-rtl"
    aria-hidden
    style={{ verticalAlign: 'middle' }}
  />
);

const COUNT_LIMIT = 200;

function useCount(resource: 'organisations' | 'centres' | 'users', enabled: boolean) {
  return useQuery({
    queryKey: [resource, 'count'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<Page<unknown>>(`/${resource}`, { limit: COUNT_LIMIT, active: 'true' }, signal),
    select: (p) => ({ n: p.items.length, more: !!p.nextCursor }),
  });
}

const COUNT_CARDS = [
  { resource: 'organisations', to: '/organisations', capability: 'organisations:read', icon: IconSitemap },
  { resource: 'centres', to: '/centres', capability: 'centres:read', icon: IconBuildingCommunity },
  { resource: 'users', to: '/users', capability: 'users:read', icon: IconUsers },
] as const;

export function DirectoryCounts({ has }: { has: (c: string) => boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} data-testid="directory-counts">
      {COUNT_CARDS.filter((c) => has(c.capability)).map((c) => (
        <CountCard key={c.resource} {...c} label={t(`home.count.${c.resource}`)} />
      ))}
    </SimpleGrid>
  );
}

function CountCard({ resource, to, icon, label }: (typeof COUNT_CARDS)[number] & { label: string }) {
  const count = useCount(resource, true);
  return (
    <StatCard
      label={label}
      icon={icon}
      testId={`count-${resource}`}
      value={
        count.data ? `${formatNumber(count.data.n)}${count.data.more ? '+' : ''}` : count.isError ? '—' : '…'
      }
      link={
        <AnchorLink to={to} size="sm">
          {label} <Forward />
        </AnchorLink>
      }
    />
  );
}

/** One figure on the home page, with what it counts and where to see the items. */
export function StatCard({
  label,
  value,
  icon: Icon,
  link,
  testId,
  color,
  detail,
}: {
  label: string;
  value: string;
  icon: typeof IconUsers;
  link?: ReactNode;
  testId: string;
  /** e.g. red when something is late (always with words too) */
  color?: string;
  detail?: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fz={28} fw={700} c={color} data-testid={testId}>
            {value}
          </Text>
          {detail}
        </Stack>
        <ThemeIcon variant="light" size={42} radius="md" color={color}>
          <Icon size={24} aria-hidden />
        </ThemeIcon>
      </Group>
      {link ? <div style={{ marginBlockStart: 'var(--mantine-spacing-xs)' }}>{link}</div> : null}
    </Card>
  );
}

export function RecentAudit() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['audit', 'recent'],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/audit', { limit: 8 }, signal),
  });
  return (
    <Panel title={t('home.recentAudit')} testId="recent-audit">
      {query.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.items.length === 0 ? <Text c="dimmed">{t('home.noAudit')}</Text> : null}
      <Stack gap={6}>
        {query.data?.items.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" truncate>
              <span className="sanad-ltr">{e.actorUsername ?? t('audit.system')}</span> ·{' '}
              {t(`audit.actions.${e.action}`, { defaultValue: e.action })} ·{' '}
              {t(`audit.entities.${e.entityType.replace(/s$/, '')}`, { defaultValue: e.entityType })}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(e.at)}
            </Text>
          </Group>
        ))}
      </Stack>
      <AnchorLink to="/audit" size="sm" mt="sm" display="inline-block">
        {t('home.allAudit')} <Forward />
      </AnchorLink>
    </Panel>
  );
}

export function MyCentres() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['centres', 'mine'],
    queryFn: ({ signal }) => api.get<Page<Centre>>('/centres', { limit: 50, active: 'true' }, signal),
  });
  return (
    <Panel title={t('home.myCentres')} testId="my-centres">
      {query.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.items.length === 0 ? <Text c="dimmed">{t('home.noCentres')}</Text> : null}
      <Stack gap="xs">
        {query.data?.items.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <AnchorLink to="/centres/$id" params={{ id: c.id }} underline="hover">
              <BilingualName name={c.name} nameAr={c.nameAr} nameFr={c.nameFr} />
            </AnchorLink>
            <Badge variant="light" tt="none">
              {t(`centre.types.${c.type}`)} · {t('home.capacity', { n: formatNumber(c.capacity) })}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Panel>
  );
}
