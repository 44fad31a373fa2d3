// The health area's pages: the clinic, surveillance and alerts, counselling.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { alertsSearch, surveillanceSearch } from '../features/health/surveillance/search.ts';
import {
  AlertPage,
  AlertsPage,
  ClinicPage,
  ClinicSessionPage,
  ConsultationPage,
  ConsultPage,
  CounsellingPage,
  CounsellingSessionPage,
  NewCounsellingSessionPage,
  ReferToHospitalPage,
  SurveillancePage,
} from './pages.ts';
import { appRoute, createdSearch } from './route-base.tsx';

const surveillanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveillance',
  validateSearch: surveillanceSearch,
  component: SurveillancePage,
});
const alertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/alerts',
  validateSearch: alertsSearch,
  component: AlertsPage,
});
const alertRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/alerts/$id',
  component: AlertPage,
});
const counsellingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/counselling',
  component: CounsellingPage,
});
const counsellingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/counselling/new',
  component: NewCounsellingSessionPage,
});
const counsellingSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/counselling/$id',
  validateSearch: createdSearch,
  component: CounsellingSessionPage,
});
const clinicRoute = createRoute({ getParentRoute: () => appRoute, path: '/clinic', component: ClinicPage });
/** `?seen=true` after a consultation was saved, so the queue confirms it */
const clinicSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clinic-sessions/$id',
  validateSearch: z.object({ seen: z.boolean().optional().catch(undefined) }),
  component: ClinicSessionPage,
});
const consultRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clinic-sessions/$id/consult/$entryId',
  component: ConsultPage,
});
const consultationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/consultations/$id',
  component: ConsultationPage,
});
/** `?consultation=` when opened from a consultation, so back and cancel return there */
const referToHospitalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons/$id/refer-to-hospital',
  validateSearch: z.object({ consultation: z.string().uuid().optional().catch(undefined) }),
  component: ReferToHospitalPage,
});

/** Every health route, for the tree in routes.tsx. */
export const healthRoutes = () =>
  [
    surveillanceRoute,
    alertsRoute,
    alertRoute,
    counsellingRoute,
    counsellingNewRoute,
    counsellingSessionRoute,
    clinicRoute,
    clinicSessionRoute,
    consultRoute,
    consultationRoute,
    referToHospitalRoute,
  ] as const;
