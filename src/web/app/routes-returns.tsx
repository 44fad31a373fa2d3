// The returns area's case pages: the list, a new case, one case. (The embassy, movements,
// reintegration and board pages have their own route files.)
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { iso3, uuid } from '../../domain/common/schemas.ts';
import { RETURN_STATES } from '../../domain/returns/states.ts';
import { NewReturnPage, ReturnCasePage, ReturnsPage } from './pages.ts';
import { appRoute, createdSearch } from './route-base.tsx';

/** The list's filters, in the address so a filtered list can be linked to. */
const returnsSearch = z.object({
  state: z.enum(RETURN_STATES).optional().catch(undefined),
  nationality: iso3.optional().catch(undefined),
  centre: uuid.optional().catch(undefined),
  project: uuid.optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

const returnsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/returns',
  validateSearch: returnsSearch,
  component: ReturnsPage,
});
const returnNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/returns/new',
  component: NewReturnPage,
});
const returnCaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/returns/$id',
  validateSearch: createdSearch,
  component: ReturnCasePage,
});

/** Every return case route, for the tree in routes.tsx. */
export const returnsRoutes = () => [returnsRoute, returnNewRoute, returnCaseRoute] as const;
