// Returns' movements: the list, planning one, and one movement's page.
import { createRoute } from '@tanstack/react-router';
import { MovementPage, MovementsPage, NewMovementPage } from './pages.ts';
import { appRoute } from './route-base.tsx';

const movementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/movements',
  component: MovementsPage,
});
const movementNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/movements/new',
  component: NewMovementPage,
});
const movementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/movements/$id',
  component: MovementPage,
});

/** Every movements route, for the tree in routes.tsx. */
export const movementsRoutes = () => [movementsRoute, movementNewRoute, movementRoute] as const;
