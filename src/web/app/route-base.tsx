// The root of the route tree: the router's context, sign-in, and `appRoute`, under which every
// page behind sign-in hangs; its beforeLoad fetches /me once and enforces the forced steps (TOTP
// enrolment, then password change). Each area's routes (routes.tsx, routes-health.tsx) hang here.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import type { Me } from '../../domain/auth/schemas.ts';
import { isApiError } from '../api/client.ts';
import { meQuery } from '../features/auth/api.ts';
import { AppLayout, SignInPage } from './pages.ts';
import { NotFoundPage, RootErrorPage, RootLayout } from './RootLayout.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export const ENROL_PATH = '/enrol-totp';
export const CHANGE_PASSWORD_PATH = '/change-password';

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

const signInSearch = z.object({
  reason: z.enum(['expired', 'signed_out']).optional().catch(undefined),
  redirect: z.string().optional().catch(undefined),
});

/** `?created=true` after a create, so the record page can confirm it */
export const createdSearch = z.object({ created: z.boolean().optional().catch(undefined) });

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
