// The returns pipeline board (its own bundle, returns-board).
import { createRoute } from '@tanstack/react-router';
import { boardSearch } from '../features/returns/board/search.ts';
import { ReturnsBoardPage } from './pages.ts';
import { appRoute } from './route-base.tsx';

const boardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/returns/board',
  validateSearch: boardSearch,
  component: ReturnsBoardPage,
});

/** The board's routes, for the tree in routes.tsx. */
export const boardRoutes = () => [boardRoute] as const;
