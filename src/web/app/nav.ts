import {
  type Icon,
  IconBellRinging,
  IconBuildingCommunity,
  IconBuildingWarehouse,
  IconChartBar,
  IconChartHistogram,
  IconChecklist,
  IconClipboardList,
  IconFlag,
  IconFolders,
  IconHeartbeat,
  IconHeartHandshake,
  IconHome,
  IconId,
  IconLayoutKanban,
  IconListCheck,
  IconMessageCircleHeart,
  IconPackage,
  IconPackages,
  IconPlaneDeparture,
  IconSend,
  IconShieldCheck,
  IconShieldHalf,
  IconSitemap,
  IconStethoscope,
  IconTags,
  IconTruckDelivery,
  IconUserCheck,
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
  // only for those who can be given tasks (the server's capability says who)
  { key: 'tasks', to: '/tasks', labelKey: 'nav.tasks', capability: 'tasks:read', icon: IconChecklist },
];

/** Pages inside a module, listed under it in the navigation. */
export interface SubNavItem {
  key: string;
  to:
    | '/cases'
    | '/referrals'
    | '/screenings'
    | '/stock'
    | '/items'
    | '/stock-points'
    | '/stock-transfers'
    | '/stock-counts'
    | '/stock/reports'
    | '/distributions'
    | '/distributions/report'
    | '/surveillance'
    | '/alerts'
    | '/counselling'
    | '/clinic'
    | '/returns'
    | '/returns/board'
    | '/embassy-requests'
    | '/movements'
    | '/reintegration-follow-ups';
  labelKey: string;
  icon: Icon;
  /** listed only when /me grants it, besides the module's own capability */
  capability?: string;
}

/**
 * The modules this release includes; each appears when the server grants its read capability.
 * A module of a later release is added here when it exists, never before (no "coming later" pages).
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
      {
        key: 'screenings',
        to: '/screenings',
        labelKey: 'nav.screenings',
        icon: IconShieldCheck,
        capability: 'screenings:read',
      },
    ] satisfies SubNavItem[],
  },
  {
    // stock readers; the catalogue and stock points have their own capabilities (assistance reads them too)
    key: 'supplies',
    capability: 'supplies:read',
    icon: IconPackages,
    to: '/stock',
    pages: [
      { key: 'stock', to: '/stock', labelKey: 'nav.stock', icon: IconPackages, capability: 'stock:read' },
      { key: 'items', to: '/items', labelKey: 'nav.items', icon: IconTags, capability: 'catalogue:read' },
      {
        key: 'stockPoints',
        to: '/stock-points',
        labelKey: 'nav.stockPoints',
        icon: IconBuildingWarehouse,
        capability: 'stock_points:read',
      },
      {
        key: 'transfers',
        to: '/stock-transfers',
        labelKey: 'nav.transfers',
        icon: IconTruckDelivery,
        capability: 'transfers:read',
      },
      {
        key: 'counts',
        to: '/stock-counts',
        labelKey: 'nav.stockCounts',
        icon: IconClipboardList,
        capability: 'stock_counts:read',
      },
      {
        key: 'reports',
        to: '/stock/reports',
        labelKey: 'nav.stockReports',
        icon: IconChartBar,
        capability: 'stock:read',
      },
    ] satisfies SubNavItem[],
  },
  {
    key: 'assistance',
    capability: 'assistance:read',
    icon: IconPackage,
    to: '/distributions',
    pages: [
      {
        key: 'distributions',
        to: '/distributions',
        labelKey: 'nav.distributions',
        icon: IconPackages,
        capability: 'distributions:read',
      },
      {
        key: 'distributionReport',
        to: '/distributions/report',
        labelKey: 'nav.distributionReport',
        icon: IconChartBar,
        capability: 'distributions:read',
      },
    ] satisfies SubNavItem[],
  },
  {
    // clinicians read it all; managers read surveillance and alerts (no medical data), so the
    // module opens with either of those capabilities too
    key: 'health',
    capability: 'health:read',
    alsoWith: ['surveillance:read', 'alerts:read'],
    icon: IconHeartbeat,
    to: '/clinic',
    pages: [
      {
        key: 'clinic',
        to: '/clinic',
        labelKey: 'nav.clinic',
        icon: IconStethoscope,
        capability: 'clinic_sessions:read',
      },
      {
        key: 'surveillance',
        to: '/surveillance',
        labelKey: 'nav.surveillance',
        icon: IconChartHistogram,
        capability: 'surveillance:read',
      },
      {
        key: 'alerts',
        to: '/alerts',
        labelKey: 'nav.alerts',
        icon: IconBellRinging,
        capability: 'alerts:read',
      },
    ] satisfies SubNavItem[],
  },
  {
    key: 'mhpss',
    capability: 'mhpss:read',
    icon: IconHeartHandshake,
    to: '/counselling',
    pages: [
      {
        key: 'counselling',
        to: '/counselling',
        labelKey: 'nav.counselling',
        icon: IconMessageCircleHeart,
        capability: 'counselling:read',
      },
    ] satisfies SubNavItem[],
  },
  {
    key: 'returns',
    capability: 'returns:read',
    icon: IconPlaneDeparture,
    to: '/returns',
    pages: [
      { key: 'returns', to: '/returns', labelKey: 'nav.returns', icon: IconPlaneDeparture },
      {
        key: 'embassyRequests',
        to: '/embassy-requests',
        labelKey: 'nav.embassyRequests',
        icon: IconFlag,
        capability: 'embassy_requests:read',
      },
      {
        key: 'movements',
        to: '/movements',
        labelKey: 'nav.movements',
        icon: IconPlaneDeparture,
        capability: 'movements:read',
      },
      {
        key: 'reintegrationFollowUps',
        to: '/reintegration-follow-ups',
        labelKey: 'nav.reintegrationFollowUps',
        icon: IconUserCheck,
        capability: 'reintegration_follow_ups:read',
      },
      {
        key: 'board',
        to: '/returns/board',
        labelKey: 'nav.returnsBoard',
        icon: IconLayoutKanban,
        capability: 'returns_board:read',
      },
    ] satisfies SubNavItem[],
  },
] as const;
export type ModuleKey = (typeof MODULES)[number]['key'];

export const visibleNav = (capabilities: readonly string[]) =>
  MAIN_NAV.filter((i) => !i.capability || capabilities.includes(i.capability));

/** A module shows with its read capability, or any of the other capabilities it names (`alsoWith`). */
export const visibleModules = (capabilities: readonly string[]) =>
  MODULES.filter(
    (m) =>
      capabilities.includes(m.capability) ||
      ('alsoWith' in m && (m.alsoWith as readonly string[]).some((c) => capabilities.includes(c))),
  );

/** The pages listed under a module, when it has several (with `capabilities`, those it grants). */
export const modulePages = (
  m: (typeof MODULES)[number],
  capabilities?: readonly string[],
): readonly SubNavItem[] =>
  ('pages' in m ? (m.pages as readonly SubNavItem[]) : []).filter(
    (p) => !capabilities || !p.capability || capabilities.includes(p.capability),
  );
