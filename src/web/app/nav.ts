import {
  type Icon,
  IconBuildingCommunity,
  IconBuildingWarehouse,
  IconChartBar,
  IconChecklist,
  IconFirstAidKit,
  IconFolders,
  IconHeartHandshake,
  IconHome,
  IconId,
  IconListCheck,
  IconMoodHeart,
  IconPackage,
  IconPlaneDeparture,
  IconSend,
  IconShieldHalf,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';

export interface NavItem {
  key: string;
  to: '/' | '/organisations' | '/centres' | '/users' | '/audit' | '/tasks';
  labelKey: string;
  capability?: string;
  icon: Icon;
}

export const MAIN_NAV: NavItem[] = [
  { key: 'home', to: '/', labelKey: 'nav.home', icon: IconHome },
  {
    key: 'organisations',
    to: '/organisations',
    labelKey: 'nav.organisations',
    capability: 'organisations:read',
    icon: IconSitemap,
  },
  {
    key: 'centres',
    to: '/centres',
    labelKey: 'nav.centres',
    capability: 'centres:read',
    icon: IconBuildingCommunity,
  },
  { key: 'users', to: '/users', labelKey: 'nav.users', capability: 'users:read', icon: IconUsers },
  { key: 'audit', to: '/audit', labelKey: 'nav.audit', capability: 'audit:read', icon: IconListCheck },
  // everyone has a "My tasks" list
  { key: 'tasks', to: '/tasks', labelKey: 'nav.tasks', capability: 'tasks:read', icon: IconChecklist },
];

/** Pages inside a module, listed under it in the navigation. */
export interface SubNavItem {
  key: string;
  to: '/cases' | '/referrals';
  labelKey: string;
  icon: Icon;
}

/**
 * The modules; each appears when the server grants its read capability. Those with `to` are
 * built; the others belong to later releases and show an honest "coming later" page.
 */
export const MODULES = [
  { key: 'registry', capability: 'registry:read', icon: IconId, to: '/registry' },
  {
    key: 'protection',
    capability: 'protection:read',
    icon: IconShieldHalf,
    to: '/cases',
    pages: [
      { key: 'cases', to: '/cases', labelKey: 'nav.cases', icon: IconFolders },
      { key: 'referrals', to: '/referrals', labelKey: 'nav.referrals', icon: IconSend },
    ] satisfies SubNavItem[],
  },
  { key: 'health', capability: 'health:read', icon: IconFirstAidKit },
  { key: 'mhpss', capability: 'mhpss:read', icon: IconMoodHeart },
  { key: 'supplies', capability: 'supplies:read', icon: IconPackage },
  { key: 'assistance', capability: 'assistance:read', icon: IconBuildingWarehouse },
  { key: 'returns', capability: 'returns:read', icon: IconPlaneDeparture },
  { key: 'partners', capability: 'partners:read', icon: IconHeartHandshake },
  { key: 'reporting', capability: 'reporting:read', icon: IconChartBar },
] as const;
export type ModuleKey = (typeof MODULES)[number]['key'];

export const isModuleKey = (v: string): v is ModuleKey => MODULES.some((m) => m.key === v);

export const visibleNav = (capabilities: readonly string[]) =>
  MAIN_NAV.filter((i) => !i.capability || capabilities.includes(i.capability));

export const visibleModules = (capabilities: readonly string[]) =>
  MODULES.filter((m) => capabilities.includes(m.capability));

/** The module's page, for a module this release includes. */
export const moduleHome = (m: (typeof MODULES)[number]): '/registry' | '/cases' | undefined =>
  'to' in m ? m.to : undefined;

/** The pages listed under a module, when it has several. */
export const modulePages = (m: (typeof MODULES)[number]): readonly SubNavItem[] =>
  'pages' in m ? m.pages : [];

/** Visible modules of later releases. */
export const comingModules = (capabilities: readonly string[]) =>
  visibleModules(capabilities).filter((m) => !moduleHome(m));
