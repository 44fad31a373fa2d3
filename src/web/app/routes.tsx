// Code-based route tree. Every page behind sign-in hangs under `appRoute`, whose beforeLoad
// fetches /me once and enforces the forced steps (TOTP enrolment, then password change).
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from '../../domain/protection/statuses.ts';
import {
  AuditPage,
  CaseSummary,
  CasesPage,
  CentreNewPage,
  ChangePasswordPage,
  ComposedCentrePage,
  ComposedCentresPage,
  ComposedHomePage,
  ComposedOrganisationPage,
  ComposedPersonPage,
  CountPage,
  CountsPage,
  DistributionPage,
  DistributionReportPage,
  DistributionsPage,
  IssuePage,
  ItemNewPage,
  ItemPage,
  ItemsPage,
  MyTasksPage,
  NewDistributionPage,
  NewScreeningPage,
  NewTransferPage,
  OrganisationNewPage,
  OrganisationsPage,
  ReceivePage,
  ReferralPage,
  ReferralsPage,
  RegistrationPage,
  RegistrationSlip,
  RegistryPage,
  ScreeningPage,
  ScreeningsPage,
  StockCardPage,
  StockPage,
  StockPointNewPage,
  StockPointPage,
  StockPointsPage,
  StockReportsPage,
  SuppliesSettingsPage,
  TotpEnrolPage,
  TransferPage,
  TransfersPage,
  UserEditPage,
  UserNewPage,
  UsersPage,
} from './pages.ts';
import { PendingPage } from './RootLayout.tsx';
import {
  appRoute,
  CHANGE_PASSWORD_PATH,
  createdSearch,
  ENROL_PATH,
  rootRoute,
  signInRoute,
} from './route-base.tsx';
import { boardRoutes } from './routes-board.tsx';
import { embassyRoutes } from './routes-embassy.tsx';
import { healthRoutes } from './routes-health.tsx';
import { movementsRoutes } from './routes-movements.tsx';
import { reintegrationRoutes } from './routes-reintegration.tsx';
import { returnsRoutes } from './routes-returns.tsx';
import {
  pointItemSearch,
  pointSearch,
  stockCardSearch,
  stockReportsSearch,
  stockSearch,
  transferNewSearch,
} from './supplies-search.ts';

// Each page is its own chunk, fetched when first visited: the first load carries only the shell
// (a weak line pays for every byte of pages the user may never open).

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: ComposedHomePage,
});
const enrolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: ENROL_PATH,
  component: TotpEnrolPage,
});
const changePasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: CHANGE_PASSWORD_PATH,
  component: ChangePasswordPage,
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations',
  component: OrganisationsPage,
});
const organisationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/new',
  component: OrganisationNewPage,
});
export const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id',
  validateSearch: createdSearch,
  component: ComposedOrganisationPage,
});

const centresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/centres',
  component: ComposedCentresPage,
});
const centreNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/centres/new',
  component: CentreNewPage,
});
export const centreRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/centres/$id',
  validateSearch: createdSearch,
  component: ComposedCentrePage,
});

const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', component: UsersPage });
const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/new',
  component: UserNewPage,
});
export const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$id',
  validateSearch: createdSearch,
  component: UserEditPage,
});

export const registryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/registry',
  validateSearch: z.object({ q: z.string().max(200).optional().catch(undefined) }),
  component: RegistryPage,
});
const registrationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/registry/new',
  component: RegistrationPage,
});
/** `?found=true` when the duplicate panel led here instead of a new registration; `?tab=` the open tab */
const personSearch = createdSearch.extend({
  found: z.boolean().optional().catch(undefined),
  tab: z
    .enum(['identity', 'protection', 'assistance', 'health', 'counselling', 'returns'])
    .optional()
    .catch(undefined),
  /** protection: open the referral form with this service (a screening's recommendation) */
  refer: z.enum(REFERRAL_SERVICES).optional().catch(undefined),
});
export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id',
  validateSearch: personSearch,
  component: ComposedPersonPage,
});

const newScreeningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id/screening',
  component: NewScreeningPage,
});
const screeningsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/screenings',
  component: ScreeningsPage,
});
export const screeningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/screenings/$id',
  validateSearch: createdSearch,
  component: ScreeningPage,
});
export const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals',
  validateSearch: z.object({
    status: z.enum(REFERRAL_STATUSES).optional().catch(undefined),
    overdue: z.boolean().optional().catch(undefined),
    recipient: z.string().uuid().optional().catch(undefined),
  }),
  component: ReferralsPage,
});
export const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/$id',
  validateSearch: createdSearch,
  component: ReferralPage,
});
const casesRoute = createRoute({ getParentRoute: () => appRoute, path: '/cases', component: CasesPage });
const caseSummaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$id/summary',
  component: CaseSummary,
});
const slipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id/slip',
  component: RegistrationSlip,
});
const tasksRoute = createRoute({ getParentRoute: () => appRoute, path: '/tasks', component: MyTasksPage });

const distributionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/distributions',
  component: DistributionsPage,
});
const distributionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/distributions/new',
  component: NewDistributionPage,
});
const distributionReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/distributions/report',
  component: DistributionReportPage,
});
export const distributionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/distributions/$id',
  component: DistributionPage,
});
const suppliesSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/supplies/settings',
  component: SuppliesSettingsPage,
});

const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });

// ---- supplies (stock side)
const itemsRoute = createRoute({ getParentRoute: () => appRoute, path: '/items', component: ItemsPage });
const itemNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/items/new',
  component: ItemNewPage,
});
export const itemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/items/$id',
  validateSearch: createdSearch,
  component: ItemPage,
});
const stockPointsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-points',
  component: StockPointsPage,
});
const stockPointNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-points/new',
  component: StockPointNewPage,
});
export const stockPointRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-points/$id',
  validateSearch: createdSearch,
  component: StockPointPage,
});
/** filters in the address: the home panel links to lots expiring within 60 days */
export const stockRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock',
  validateSearch: stockSearch,
  component: StockPage,
});
export const stockCardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock/card',
  validateSearch: stockCardSearch,
  component: StockCardPage,
});
const receiveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock/receive',
  validateSearch: pointSearch,
  component: ReceivePage,
});
const issueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock/issue',
  validateSearch: pointItemSearch,
  component: IssuePage,
});
const stockReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock/reports',
  validateSearch: stockReportsSearch,
  component: StockReportsPage,
});
const transfersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-transfers',
  component: TransfersPage,
});
const transferNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-transfers/new',
  validateSearch: transferNewSearch,
  component: NewTransferPage,
});
export const transferRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-transfers/$id',
  validateSearch: createdSearch,
  component: TransferPage,
});
const countsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-counts',
  validateSearch: pointSearch,
  component: CountsPage,
});
export const countRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stock-counts/$id',
  component: CountPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    enrolRoute,
    changePasswordRoute,
    organisationsRoute,
    organisationNewRoute,
    organisationRoute,
    centresRoute,
    centreNewRoute,
    centreRoute,
    usersRoute,
    userNewRoute,
    userRoute,
    registryRoute,
    registrationRoute,
    personRoute,
    slipRoute,
    newScreeningRoute,
    screeningsRoute,
    screeningRoute,
    referralsRoute,
    referralRoute,
    casesRoute,
    caseSummaryRoute,
    tasksRoute,
    distributionsRoute,
    distributionNewRoute,
    distributionReportRoute,
    distributionRoute,
    suppliesSettingsRoute,
    auditRoute,
    itemsRoute,
    itemNewRoute,
    itemRoute,
    stockPointsRoute,
    stockPointNewRoute,
    stockPointRoute,
    stockRoute,
    stockCardRoute,
    receiveRoute,
    issueRoute,
    stockReportsRoute,
    transfersRoute,
    transferNewRoute,
    transferRoute,
    countsRoute,
    countRoute,
    ...healthRoutes(),
    ...returnsRoutes(),
    ...embassyRoutes(),
    ...movementsRoutes(),
    ...reintegrationRoutes(),
    ...boardRoutes(),
  ]),
]);

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultPendingComponent: PendingPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
