// Reintegration's pages: the follow-ups due (the plan itself is a section of the return case's page).
import { createRoute } from '@tanstack/react-router';
import { ReintegrationFollowUpsPage } from './pages.ts';
import { appRoute } from './route-base.tsx';

const followUpsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reintegration-follow-ups',
  component: ReintegrationFollowUpsPage,
});

export const reintegrationRoutes = () => [followUpsRoute] as const;
