import { AppShell, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useIsFetching, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type AnyRoute, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setSignedIn } from '../api/client.ts';
import { useTrackHistory } from '../components/BackLink.tsx';
import { Brand } from '../components/Brand.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { NavLinkLink } from '../components/links.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { authApi, meQuery } from '../features/auth/api.ts';
import { ReauthDialog } from '../features/auth/ReauthDialog.tsx';
import { SessionWarning } from '../features/auth/SessionWarning.tsx';
import { i18n, rememberLocale } from '../i18n/index.ts';
import { modulePages, visibleModules, visibleNav } from './nav.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const forced = me.totpEnrolmentRequired || me.passwordChangeRequired;
  useTrackHistory();

  // the account's language wins when a session starts (or the page is reloaded)
  useEffect(() => {
    if (i18n.language !== me.locale) {
      void i18n.changeLanguage(me.locale);
      rememberLocale(me.locale);
    }
  }, [me.locale]);

  usePreloadNav(me.capabilities, forced);

  // close the phone menu after each navigation
  useEffect(() => {
    void pathname;
    close();
  }, [pathname, close]);

  const isActive = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  const modules = visibleModules(me.capabilities);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={forced ? undefined : { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="sanad-skip">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {forced ? null : (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(opened ? 'nav.close' : 'nav.open')}
                data-testid="nav-burger"
              />
            )}
            <Brand />
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu displayName={me.displayName} username={me.username} allowChangePassword={!forced} />
          </Group>
        </Group>
      </AppShell.Header>
      {forced ? null : (
        <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav" data-testid="main-nav">
          <AppShell.Section grow component={ScrollArea}>
            {visibleNav(me.capabilities).map((item) => (
              <NavLinkLink
                key={item.key}
                to={item.to}
                label={t(item.labelKey)}
                leftSection={<item.icon size={18} aria-hidden />}
                active={isActive(item.to)}
                data-testid={`nav-${item.key}`}
              />
            ))}
            {modules.length > 0 ? (
              <>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {t('nav.modules')}
                </Text>
                {modules.map((m) => {
                  const pages = modulePages(m, me.capabilities);
                  const common = {
                    label: t(`modules.${m.key}`),
                    leftSection: <m.icon size={18} aria-hidden />,
                    'data-testid': `nav-module-${m.key}`,
                  };
                  if (pages.length > 0)
                    return (
                      <NavLink key={m.key} {...common} defaultOpened childrenOffset={12}>
                        {pages.map((p) => (
                          <NavLinkLink
                            key={p.key}
                            to={p.to}
                            label={t(p.labelKey)}
                            leftSection={<p.icon size={16} aria-hidden />}
                            active={isActive(p.to)}
                            data-testid={`nav-${m.key}-${p.key}`}
                          />
                        ))}
                      </NavLink>
                    );
                  return (
                    <NavLinkLink
                      key={m.key}
                      to={m.to}
                      active={isActive(m.to) || isActive('/persons')}
                      {...common}
                    />
                  );
                })}
              </>
            ) : null}
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py={4}>
              <bdi>{me.mission.name}</bdi> · <bdi>{me.organisation.name}</bdi>
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main">
        <OfflineBanner />
        <Outlet />
        <SessionWarning idleTimeoutSeconds={me.session.idleTimeoutSeconds} />
      </AppShell.Main>
      <ReauthDialog me={me} />
    </AppShell>
  );
}

function UserMenu({
  displayName,
  username,
  allowChangePassword,
}: {
  displayName: string;
  username: string;
  allowChangePassword: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone; sign-out continues locally
    }
    setSignedIn(false);
    await navigate({ to: '/sign-in', search: { reason: 'signed_out' } });
    queryClient.clear();
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          data-testid="user-menu"
          aria-label={`${t('user.menu')}: ${displayName}`}
          px="xs"
          py={4}
        >
          <Group gap={6} wrap="nowrap">
            <IconUserCircle size={22} aria-hidden />
            <Text size="sm" visibleFrom="xs" maw={180} truncate>
              <bdi>{displayName}</bdi>
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <bdi>{username}</bdi>
        </Menu.Label>
        {allowChangePassword ? (
          <Menu.Item
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => void navigate({ to: '/change-password' })}
            data-testid="menu-change-password"
          >
            {t('user.changePassword')}
          </Menu.Item>
        ) : null}
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void signOut()}
          data-testid="sign-out"
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * Once the first page has had its turn on the line, the code of the pages in the navigation is
 * fetched in the background (code only, no data), so moving between them is not a round trip
 * per chunk on a high-latency line.
 */
function usePreloadNav(capabilities: readonly string[], forced: boolean) {
  const router = useRouter();
  // only once the page's own data is in: the line is the page's first
  const fetching = useIsFetching();
  const done = useRef(false);
  useEffect(() => {
    if (forced || fetching > 0 || done.current) return;
    const paths = [
      ...visibleNav(capabilities).map((i) => i.to),
      ...visibleModules(capabilities).flatMap((m) => [
        m.to,
        ...modulePages(m, capabilities).map((p) => p.to),
      ]),
    ];
    const timer = setTimeout(() => {
      done.current = true;
      const byPath = router.routesByPath as Record<string, AnyRoute | undefined>;
      for (const to of new Set(paths)) {
        const route = byPath[to];
        if (route) void router.loadRouteChunk(route)?.catch(() => {});
      }
    }, 1500);
    return () => clearTimeout(timer);
  }, [router, capabilities, forced, fetching]);
}
