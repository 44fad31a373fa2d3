// The returns area's embassy pages: requests to embassies to verify nationality.
import { createRoute } from '@tanstack/react-router';
import { EmbassyRequestPage, EmbassyRequestsPage, NewEmbassyRequestPage } from './pages.ts';
import { appRoute } from './route-base.tsx';

const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/embassy-requests',
  component: EmbassyRequestsPage,
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/embassy-requests/new',
  component: NewEmbassyRequestPage,
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/embassy-requests/$id',
  component: EmbassyRequestPage,
});

/** Every embassy route, for the tree in routes.tsx. */
export const embassyRoutes = () => [requestsRoute, newRequestRoute, requestRoute] as const;
