// Code-based route tree. Every page behind sign-in hangs under `appRoute`, whose beforeLoad
// fetches /me once and enforces the forced steps (TOTP enrolment, then password change).
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import type { Me } from '../../domain/auth/schemas.ts';
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from '../../domain/protection/records.ts';
import { isApiError } from '../api/client.ts';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { meQuery } from '../features/auth/api.ts';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { TotpEnrolPage } from '../features/auth/TotpEnrolPage.tsx';
import { CentreEditPage, CentreNewPage } from '../features/directory/centres/CentreEditPage.tsx';
import { CentresPage } from '../features/directory/centres/CentresPage.tsx';
import {
  OrganisationEditPage,
  OrganisationNewPage,
} from '../features/directory/organisations/OrganisationEditPage.tsx';
import { OrganisationsPage } from '../features/directory/organisations/OrganisationsPage.tsx';
import { UserEditPage, UserNewPage } from '../features/directory/users/UserEditPage.tsx';
import { UsersPage } from '../features/directory/users/UsersPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ModulePage } from '../features/home/ModulePage.tsx';
import { CasesPage } from '../features/protection/cases/CasesPage.tsx';
import { ReferralPage } from '../features/protection/referrals/ReferralPage.tsx';
import { ReferralsPage } from '../features/protection/referrals/ReferralsPage.tsx';
import { NewScreeningPage } from '../features/protection/screening/NewScreeningPage.tsx';
import { ScreeningPage } from '../features/protection/screening/ScreeningPage.tsx';
import { MyTasksPage } from '../features/protection/tasks/MyTasksPage.tsx';
import { PersonPage } from '../features/registry/PersonPage.tsx';
import { RegistrationPage } from '../features/registry/RegistrationPage.tsx';
import { RegistryPage } from '../features/registry/RegistryPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { CENTRE_SECTIONS, HOME_PANELS, ORGANISATION_SECTIONS, PERSON_PAGE } from './contributions.tsx';
import { NotFoundPage, PendingPage, RootErrorPage, RootLayout } from './RootLayout.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export const ENROL_PATH = '/enrol-totp';
export const CHANGE_PASSWORD_PATH = '/change-password';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

const signInSearch = z.object({
  reason: z.enum(['expired', 'signed_out']).optional().catch(undefined),
  redirect: z.string().optional().catch(undefined),
});

/** `?created=true` after a create, so the record page can confirm it */
const createdSearch = z.object({ created: z.boolean().optional().catch(undefined) });

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: signInSearch,
  component: SignInPage,
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    let me: Me;
    try {
      me = await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (isApiError(e, 401)) {
        const back = location.href !== '/' ? location.href : undefined;
        throw redirect({ to: '/sign-in', search: { redirect: back } });
      }
      throw e;
    }
    if (me.totpEnrolmentRequired) {
      if (location.pathname !== ENROL_PATH) throw redirect({ to: ENROL_PATH });
    } else if (me.passwordChangeRequired) {
      if (location.pathname !== CHANGE_PASSWORD_PATH) throw redirect({ to: CHANGE_PASSWORD_PATH });
    } else if (location.pathname === ENROL_PATH && me.totpEnabled) {
      throw redirect({ to: '/' });
    }
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: () => <HomePage panels={HOME_PANELS} />,
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
  component: () => <OrganisationEditPage sections={ORGANISATION_SECTIONS} />,
});

const centresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/centres',
  component: CentresPage,
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
  component: () => <CentreEditPage sections={CENTRE_SECTIONS} />,
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
  tab: z.enum(['identity', 'protection']).optional().catch(undefined),
  /** protection: open the referral form with this service (a screening's recommendation) */
  refer: z.enum(REFERRAL_SERVICES).optional().catch(undefined),
});
export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id',
  validateSearch: personSearch,
  component: () => <PersonPage parts={PERSON_PAGE} />,
});

const newScreeningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id/screening',
  component: NewScreeningPage,
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
const tasksRoute = createRoute({ getParentRoute: () => appRoute, path: '/tasks', component: MyTasksPage });

const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
export const moduleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/modules/$module',
  component: ModulePage,
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
    newScreeningRoute,
    screeningRoute,
    referralsRoute,
    referralRoute,
    casesRoute,
    tasksRoute,
    auditRoute,
    moduleRoute,
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
