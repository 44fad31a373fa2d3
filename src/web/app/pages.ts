// The route tree's pages, each its own chunk (fetched when first opened): kept apart from
// routes.tsx so the tree reads as paths and guards. A page names the string bundles its code uses
// (i18n/bundles.ts), fetched beside its code; page-strings.test.ts checks none is left out.
import { lazyRouteComponent } from '@tanstack/react-router';
import { withStrings } from '../i18n/bundles.ts';

export const AuditPage = lazyRouteComponent(
  withStrings(['audit'], () => import('../features/audit/AuditPage.tsx')),
  'AuditPage',
);
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
  withStrings(['directory'], () => import('../features/directory/centres/CentreEditPage.tsx')),
  'CentreNewPage',
);
export const ComposedCentresPage = lazyRouteComponent(
  withStrings(
    ['directory', 'home', 'audit', 'registry', 'protection'],
    () => import('./contributions/directory.tsx'),
  ),
  'ComposedCentresPage',
);
export const OrganisationNewPage = lazyRouteComponent(
  withStrings(['directory'], () => import('../features/directory/organisations/OrganisationEditPage.tsx')),
  'OrganisationNewPage',
);
export const OrganisationsPage = lazyRouteComponent(
  withStrings(['directory'], () => import('../features/directory/organisations/OrganisationsPage.tsx')),
  'OrganisationsPage',
);
export const UserEditPage = lazyRouteComponent(
  withStrings(['directory'], () => import('../features/directory/users/UserEditPage.tsx')),
  'UserEditPage',
);
export const UserNewPage = lazyRouteComponent(
  withStrings(['directory'], () => import('../features/directory/users/UserEditPage.tsx')),
  'UserNewPage',
);
export const UsersPage = lazyRouteComponent(
  withStrings(['directory'], () => import('../features/directory/users/UsersPage.tsx')),
  'UsersPage',
);
export const CaseSummary = lazyRouteComponent(
  withStrings(['protection'], () => import('../features/protection/cases/CaseSummary.tsx')),
  'CaseSummary',
);
export const RegistrationSlip = lazyRouteComponent(
  withStrings(['registry'], () => import('../features/registry/RegistrationSlip.tsx')),
  'RegistrationSlip',
);
export const ScreeningsPage = lazyRouteComponent(
  withStrings(
    ['registry', 'protection'],
    () => import('../features/protection/screening/ScreeningsPage.tsx'),
  ),
  'ScreeningsPage',
);
export const CasesPage = lazyRouteComponent(
  withStrings(['registry', 'protection'], () => import('../features/protection/cases/CasesPage.tsx')),
  'CasesPage',
);
export const ReferralPage = lazyRouteComponent(
  withStrings(['registry', 'protection'], () => import('../features/protection/referrals/ReferralPage.tsx')),
  'ReferralPage',
);
export const ReferralsPage = lazyRouteComponent(
  withStrings(['registry', 'protection'], () => import('../features/protection/referrals/ReferralsPage.tsx')),
  'ReferralsPage',
);
export const NewScreeningPage = lazyRouteComponent(
  withStrings(
    ['registry', 'protection'],
    () => import('../features/protection/screening/NewScreeningPage.tsx'),
  ),
  'NewScreeningPage',
);
export const ScreeningPage = lazyRouteComponent(
  withStrings(['registry', 'protection'], () => import('../features/protection/screening/ScreeningPage.tsx')),
  'ScreeningPage',
);
export const MyTasksPage = lazyRouteComponent(
  withStrings(['registry', 'protection'], () => import('../features/protection/tasks/MyTasksPage.tsx')),
  'MyTasksPage',
);
export const RegistrationPage = lazyRouteComponent(
  withStrings(['home', 'registry'], () => import('../features/registry/RegistrationPage.tsx')),
  'RegistrationPage',
);
export const RegistryPage = lazyRouteComponent(
  withStrings(['registry'], () => import('../features/registry/RegistryPage.tsx')),
  'RegistryPage',
);
export const ItemsPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/items/ItemsPage.tsx')),
  'ItemsPage',
);
export const ItemPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/items/ItemPage.tsx')),
  'ItemPage',
);
export const ItemNewPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/items/ItemPage.tsx')),
  'ItemNewPage',
);
export const StockPointsPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/points/StockPointsPage.tsx')),
  'StockPointsPage',
);
export const StockPointPage = lazyRouteComponent(
  withStrings(
    ['directory', 'home', 'audit', 'supplies'],
    () => import('../features/supplies/points/StockPointPage.tsx'),
  ),
  'StockPointPage',
);
export const StockPointNewPage = lazyRouteComponent(
  withStrings(
    ['directory', 'home', 'audit', 'supplies'],
    () => import('../features/supplies/points/StockPointPage.tsx'),
  ),
  'StockPointNewPage',
);
export const StockPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/stock/StockPage.tsx')),
  'StockPage',
);
export const StockCardPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/stock/StockCardPage.tsx')),
  'StockCardPage',
);
export const ReceivePage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/stock/ReceivePage.tsx')),
  'ReceivePage',
);
export const IssuePage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/stock/IssuePage.tsx')),
  'IssuePage',
);
export const TransfersPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/transfers/TransfersPage.tsx')),
  'TransfersPage',
);
export const NewTransferPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/transfers/NewTransferPage.tsx')),
  'NewTransferPage',
);
export const TransferPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/transfers/TransferPage.tsx')),
  'TransferPage',
);
export const CountsPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/counts/CountsPage.tsx')),
  'CountsPage',
);
export const CountPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/counts/CountPage.tsx')),
  'CountPage',
);
export const StockReportsPage = lazyRouteComponent(
  withStrings(['supplies'], () => import('../features/supplies/reports/StockReportsPage.tsx')),
  'StockReportsPage',
);
export const DistributionsPage = lazyRouteComponent(
  withStrings(['assistance'], () => import('../features/assistance/DistributionsPage.tsx')),
  'DistributionsPage',
);
export const NewDistributionPage = lazyRouteComponent(
  withStrings(['assistance'], () => import('../features/assistance/NewDistributionPage.tsx')),
  'NewDistributionPage',
);
export const DistributionPage = lazyRouteComponent(
  withStrings(['registry', 'assistance'], () => import('../features/assistance/DistributionPage.tsx')),
  'DistributionPage',
);
export const DistributionReportPage = lazyRouteComponent(
  withStrings(['assistance'], () => import('../features/assistance/ReportPage.tsx')),
  'ReportPage',
);
export const SuppliesSettingsPage = lazyRouteComponent(
  withStrings(['assistance'], () => import('../features/assistance/SettingsPage.tsx')),
  'SettingsPage',
);
export const SurveillancePage = lazyRouteComponent(
  withStrings(['surveillance'], () => import('../features/health/surveillance/SurveillancePage.tsx')),
  'SurveillancePage',
);
export const AlertsPage = lazyRouteComponent(
  withStrings(['surveillance'], () => import('../features/health/surveillance/AlertsPage.tsx')),
  'AlertsPage',
);
export const AlertPage = lazyRouteComponent(
  withStrings(['surveillance'], () => import('../features/health/surveillance/AlertPage.tsx')),
  'AlertPage',
);
export const CounsellingPage = lazyRouteComponent(
  withStrings(['counselling'], () => import('../features/health/counselling/CounsellingPage.tsx')),
  'CounsellingPage',
);
export const NewCounsellingSessionPage = lazyRouteComponent(
  withStrings(['registry', 'counselling'], () => import('../features/health/counselling/NewSessionPage.tsx')),
  'NewSessionPage',
);
export const CounsellingSessionPage = lazyRouteComponent(
  withStrings(['registry', 'counselling'], () => import('../features/health/counselling/SessionPage.tsx')),
  'SessionPage',
);
export const ClinicPage = lazyRouteComponent(
  withStrings(['health'], () => import('../features/health/TodayClinic.tsx')),
  'ClinicPage',
);
export const ClinicSessionPage = lazyRouteComponent(
  withStrings(['registry', 'health'], () => import('../features/health/SessionPage.tsx')),
  'SessionPage',
);
export const ConsultPage = lazyRouteComponent(
  withStrings(['registry', 'supplies', 'health'], () => import('../features/health/ConsultPage.tsx')),
  'ConsultPage',
);
export const ReferToHospitalPage = lazyRouteComponent(
  withStrings(
    ['registry', 'protection', 'health'],
    () => import('../features/health/ReferToHospitalPage.tsx'),
  ),
  'ReferToHospitalPage',
);
export const ConsultationPage = lazyRouteComponent(
  withStrings(['registry', 'supplies', 'health'], () => import('../features/health/ConsultationPage.tsx')),
  'ConsultationPage',
);
export const AppLayout = lazyRouteComponent(() => import('./AppLayout.tsx'), 'AppLayout');
export const ComposedHomePage = lazyRouteComponent(
  withStrings(
    [
      'directory',
      'home',
      'audit',
      'registry',
      'protection',
      'supplies',
      'health',
      'surveillance',
      'counselling',
      'returns-board',
    ],
    () => import('./contributions/home.tsx'),
  ),
  'ComposedHomePage',
);
export const ComposedPersonPage = lazyRouteComponent(
  withStrings(
    ['registry', 'protection', 'assistance', 'health', 'counselling', 'returns'],
    () => import('./contributions/person.tsx'),
  ),
  'ComposedPersonPage',
);
export const ComposedCentrePage = lazyRouteComponent(
  withStrings(
    ['directory', 'home', 'audit', 'registry', 'protection'],
    () => import('./contributions/directory.tsx'),
  ),
  'ComposedCentrePage',
);
export const ComposedOrganisationPage = lazyRouteComponent(
  withStrings(
    ['directory', 'home', 'audit', 'registry', 'protection'],
    () => import('./contributions/directory.tsx'),
  ),
  'ComposedOrganisationPage',
);
export const ReturnsPage = lazyRouteComponent(
  withStrings(['registry', 'returns'], () => import('../features/returns/ReturnsPage.tsx')),
  'ReturnsPage',
);
export const NewReturnPage = lazyRouteComponent(
  withStrings(['registry', 'returns'], () => import('../features/returns/NewReturnPage.tsx')),
  'NewReturnPage',
);
export const ReturnCasePage = lazyRouteComponent(
  withStrings(
    ['registry', 'returns', 'embassy', 'reintegration', 'protection'],
    () => import('../features/returns/ReturnCasePage.tsx'),
  ),
  'ReturnCasePage',
);
export const EmbassyRequestsPage = lazyRouteComponent(
  withStrings(['embassy'], () => import('../features/returns/embassy/EmbassyRequestsPage.tsx')),
  'EmbassyRequestsPage',
);
export const NewEmbassyRequestPage = lazyRouteComponent(
  withStrings(['embassy'], () => import('../features/returns/embassy/NewEmbassyRequestPage.tsx')),
  'NewEmbassyRequestPage',
);
export const EmbassyRequestPage = lazyRouteComponent(
  withStrings(['embassy'], () => import('../features/returns/embassy/EmbassyRequestPage.tsx')),
  'EmbassyRequestPage',
);
export const MovementsPage = lazyRouteComponent(
  withStrings(['movements'], () => import('../features/returns/movements/MovementsPage.tsx')),
  'MovementsPage',
);
export const NewMovementPage = lazyRouteComponent(
  withStrings(['movements'], () => import('../features/returns/movements/NewMovementPage.tsx')),
  'NewMovementPage',
);
export const MovementPage = lazyRouteComponent(
  withStrings(['movements'], () => import('../features/returns/movements/MovementPage.tsx')),
  'MovementPage',
);
export const ReintegrationFollowUpsPage = lazyRouteComponent(
  withStrings(['reintegration'], () => import('../features/returns/reintegration/FollowUpsDuePage.tsx')),
  'FollowUpsDuePage',
);
export const ReturnsBoardPage = lazyRouteComponent(
  withStrings(['returns-board'], () => import('../features/returns/board/BoardPage.tsx')),
  'BoardPage',
);
