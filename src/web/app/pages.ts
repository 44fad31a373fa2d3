// The route tree's pages, each its own chunk (fetched when first opened): kept apart from
// routes.tsx so the tree reads as paths and guards.
import { lazyRouteComponent } from '@tanstack/react-router';

export const AuditPage = lazyRouteComponent(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
export const ChangePasswordPage = lazyRouteComponent(
  () => import('../features/auth/ChangePasswordPage.tsx'),
  'ChangePasswordPage',
);
export const SignInPage = lazyRouteComponent(() => import('../features/auth/SignInPage.tsx'), 'SignInPage');
export const TotpEnrolPage = lazyRouteComponent(
  () => import('../features/auth/TotpEnrolPage.tsx'),
  'TotpEnrolPage',
);
export const CentreNewPage = lazyRouteComponent(
  () => import('../features/directory/centres/CentreEditPage.tsx'),
  'CentreNewPage',
);
export const ComposedCentresPage = lazyRouteComponent(
  () => import('./contributions/directory.tsx'),
  'ComposedCentresPage',
);
export const OrganisationNewPage = lazyRouteComponent(
  () => import('../features/directory/organisations/OrganisationEditPage.tsx'),
  'OrganisationNewPage',
);
export const OrganisationsPage = lazyRouteComponent(
  () => import('../features/directory/organisations/OrganisationsPage.tsx'),
  'OrganisationsPage',
);
export const UserEditPage = lazyRouteComponent(
  () => import('../features/directory/users/UserEditPage.tsx'),
  'UserEditPage',
);
export const UserNewPage = lazyRouteComponent(
  () => import('../features/directory/users/UserEditPage.tsx'),
  'UserNewPage',
);
export const UsersPage = lazyRouteComponent(
  () => import('../features/directory/users/UsersPage.tsx'),
  'UsersPage',
);
export const CaseSummary = lazyRouteComponent(
  () => import('../features/protection/cases/CaseSummary.tsx'),
  'CaseSummary',
);
export const RegistrationSlip = lazyRouteComponent(
  () => import('../features/registry/RegistrationSlip.tsx'),
  'RegistrationSlip',
);
export const ScreeningsPage = lazyRouteComponent(
  () => import('../features/protection/screening/ScreeningsPage.tsx'),
  'ScreeningsPage',
);
export const CasesPage = lazyRouteComponent(
  () => import('../features/protection/cases/CasesPage.tsx'),
  'CasesPage',
);
export const ReferralPage = lazyRouteComponent(
  () => import('../features/protection/referrals/ReferralPage.tsx'),
  'ReferralPage',
);
export const ReferralsPage = lazyRouteComponent(
  () => import('../features/protection/referrals/ReferralsPage.tsx'),
  'ReferralsPage',
);
export const NewScreeningPage = lazyRouteComponent(
  () => import('../features/protection/screening/NewScreeningPage.tsx'),
  'NewScreeningPage',
);
export const ScreeningPage = lazyRouteComponent(
  () => import('../features/protection/screening/ScreeningPage.tsx'),
  'ScreeningPage',
);
export const MyTasksPage = lazyRouteComponent(
  () => import('../features/protection/tasks/MyTasksPage.tsx'),
  'MyTasksPage',
);
export const RegistrationPage = lazyRouteComponent(
  () => import('../features/registry/RegistrationPage.tsx'),
  'RegistrationPage',
);
export const RegistryPage = lazyRouteComponent(
  () => import('../features/registry/RegistryPage.tsx'),
  'RegistryPage',
);
export const ItemsPage = lazyRouteComponent(
  () => import('../features/supplies/items/ItemsPage.tsx'),
  'ItemsPage',
);
export const ItemPage = lazyRouteComponent(
  () => import('../features/supplies/items/ItemPage.tsx'),
  'ItemPage',
);
export const ItemNewPage = lazyRouteComponent(
  () => import('../features/supplies/items/ItemPage.tsx'),
  'ItemNewPage',
);
export const StockPointsPage = lazyRouteComponent(
  () => import('../features/supplies/points/StockPointsPage.tsx'),
  'StockPointsPage',
);
export const StockPointPage = lazyRouteComponent(
  () => import('../features/supplies/points/StockPointPage.tsx'),
  'StockPointPage',
);
export const StockPointNewPage = lazyRouteComponent(
  () => import('../features/supplies/points/StockPointPage.tsx'),
  'StockPointNewPage',
);
export const StockPage = lazyRouteComponent(
  () => import('../features/supplies/stock/StockPage.tsx'),
  'StockPage',
);
export const StockCardPage = lazyRouteComponent(
  () => import('../features/supplies/stock/StockCardPage.tsx'),
  'StockCardPage',
);
export const ReceivePage = lazyRouteComponent(
  () => import('../features/supplies/stock/ReceivePage.tsx'),
  'ReceivePage',
);
export const IssuePage = lazyRouteComponent(
  () => import('../features/supplies/stock/IssuePage.tsx'),
  'IssuePage',
);
export const TransfersPage = lazyRouteComponent(
  () => import('../features/supplies/transfers/TransfersPage.tsx'),
  'TransfersPage',
);
export const NewTransferPage = lazyRouteComponent(
  () => import('../features/supplies/transfers/NewTransferPage.tsx'),
  'NewTransferPage',
);
export const TransferPage = lazyRouteComponent(
  () => import('../features/supplies/transfers/TransferPage.tsx'),
  'TransferPage',
);
export const CountsPage = lazyRouteComponent(
  () => import('../features/supplies/counts/CountsPage.tsx'),
  'CountsPage',
);
export const CountPage = lazyRouteComponent(
  () => import('../features/supplies/counts/CountPage.tsx'),
  'CountPage',
);
export const StockReportsPage = lazyRouteComponent(
  () => import('../features/supplies/reports/StockReportsPage.tsx'),
  'StockReportsPage',
);
export const DistributionsPage = lazyRouteComponent(
  () => import('../features/assistance/DistributionsPage.tsx'),
  'DistributionsPage',
);
export const NewDistributionPage = lazyRouteComponent(
  () => import('../features/assistance/NewDistributionPage.tsx'),
  'NewDistributionPage',
);
export const DistributionPage = lazyRouteComponent(
  () => import('../features/assistance/DistributionPage.tsx'),
  'DistributionPage',
);
export const DistributionReportPage = lazyRouteComponent(
  () => import('../features/assistance/ReportPage.tsx'),
  'ReportPage',
);
export const SuppliesSettingsPage = lazyRouteComponent(
  () => import('../features/assistance/SettingsPage.tsx'),
  'SettingsPage',
);
export const AppLayout = lazyRouteComponent(() => import('./AppLayout.tsx'), 'AppLayout');
export const ComposedHomePage = lazyRouteComponent(
  () => import('./contributions/home.tsx'),
  'ComposedHomePage',
);
export const ComposedPersonPage = lazyRouteComponent(
  () => import('./contributions/person.tsx'),
  'ComposedPersonPage',
);
export const ComposedCentrePage = lazyRouteComponent(
  () => import('./contributions/directory.tsx'),
  'ComposedCentrePage',
);
export const ComposedOrganisationPage = lazyRouteComponent(
  () => import('./contributions/directory.tsx'),
  'ComposedOrganisationPage',
);
