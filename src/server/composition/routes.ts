// Composition root of the server: the one place that knows every module. Modules contribute
// here (routes, person-timeline sources) instead of importing each other, so an earlier module
// (registry) never imports a later one (protection). See ARCHITECTURE.md "Adding a module".
import { accountRoutes } from '../modules/account/account.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { centreRoutes } from '../modules/directory/centres.routes';
import { missionRoutes } from '../modules/directory/mission.routes';
import { organisationRoutes } from '../modules/directory/organisations.routes';
import { userRoutes } from '../modules/directory/users.routes';
import { alertRoutes } from '../modules/health/alerts.routes';
import { clinicSessionRoutes } from '../modules/health/clinic-sessions.routes';
import { consultationRoutes } from '../modules/health/consultations.routes';
import { counsellingRoutes } from '../modules/health/counselling.routes';
import { COUNSELLING_TIMELINE } from '../modules/health/counselling.timeline';
import { diagnosisRoutes } from '../modules/health/diagnoses.routes';
import { fitnessRoutes } from '../modules/health/fitness.routes';
import { followUpRoutes } from '../modules/health/follow-ups.routes';
import { clinicScheduleRoutes } from '../modules/health/schedules.routes';
import { surveillanceRoutes } from '../modules/health/surveillance.routes';
import { HEALTH_TIMELINE } from '../modules/health/timeline';
import { caseRoutes } from '../modules/protection/cases.routes';
import { consentRoutes } from '../modules/protection/consents.routes';
import { figuresRoutes } from '../modules/protection/figures.routes';
import { noteRoutes } from '../modules/protection/notes.routes';
import { packetRoutes } from '../modules/protection/packet.routes';
import { referralRoutes } from '../modules/protection/referrals.routes';
import { screeningRoutes } from '../modules/protection/screenings.routes';
import { sharingRoutes } from '../modules/protection/sharing.routes';
import { summaryRoutes } from '../modules/protection/summary.routes';
import { taskRoutes } from '../modules/protection/tasks.routes';
import { PROTECTION_TIMELINE } from '../modules/protection/timeline';
import { duplicateRoutes } from '../modules/registry/duplicates.routes';
import { episodeRoutes } from '../modules/registry/episodes.routes';
import { mergeRoutes } from '../modules/registry/merges.routes';
import { occupancyRoutes } from '../modules/registry/occupancy.routes';
import { personExportRoutes } from '../modules/registry/persons.export';
import { familyRoutes, personRoutes, timelineRoutes } from '../modules/registry/persons.routes';
import { populationRoutes } from '../modules/registry/population.routes';
import { REGISTRY_TIMELINE, type TimelineSource } from '../modules/registry/timeline.queries';
import { transferRoutes } from '../modules/registry/transfers.routes';
import { returnsBoardRoutes } from '../modules/returns/board.routes';
import { consularInterviewRoutes } from '../modules/returns/consular-interviews.routes';
import { embassyRequestRoutes } from '../modules/returns/embassy-requests.routes';
import { reintegrationFollowUpRoutes } from '../modules/returns/follow-ups.routes';
import { movementRoutes as returnMovementRoutes } from '../modules/returns/movements.routes';
import { reintegrationRoutes } from '../modules/returns/reintegration.routes';
import { returnCaseRoutes } from '../modules/returns/return-cases.routes';
import { RETURNS_TIMELINE } from '../modules/returns/timeline';
import { stockCountRoutes } from '../modules/supplies/counts.routes';
import { distributionReportRoutes } from '../modules/supplies/distribution-report.routes';
import { distributionRoutes } from '../modules/supplies/distributions.routes';
import { itemRoutes } from '../modules/supplies/items.routes';
import { movementRoutes } from '../modules/supplies/movements.routes';
import { projectRoutes } from '../modules/supplies/projects.routes';
import { settingsRoutes } from '../modules/supplies/settings.routes';
import { stockPointRoutes } from '../modules/supplies/stock-points.routes';
import { stockReportRoutes } from '../modules/supplies/stock-reports.routes';
import { SUPPLIES_TIMELINE } from '../modules/supplies/timeline';
import { stockTransferRoutes } from '../modules/supplies/transfers.routes';
import { authRoutes } from '../platform/auth/routes';

/** Every module's items on a person's timeline (GET /persons/:id/timeline), in one explicit list. */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  ...REGISTRY_TIMELINE,
  ...PROTECTION_TIMELINE,
  ...SUPPLIES_TIMELINE,
  ...COUNSELLING_TIMELINE,
  ...HEALTH_TIMELINE,
  ...RETURNS_TIMELINE,
];

/** Every module's routes, in one explicit list (no registration by import side effect). */
export const MODULE_ROUTES = [
  authRoutes,
  accountRoutes,
  missionRoutes,
  organisationRoutes,
  centreRoutes,
  userRoutes,
  auditRoutes,
  personRoutes,
  personExportRoutes,
  duplicateRoutes,
  episodeRoutes,
  transferRoutes,
  mergeRoutes,
  timelineRoutes(TIMELINE_SOURCES),
  familyRoutes,
  occupancyRoutes,
  populationRoutes,
  caseRoutes,
  consentRoutes,
  sharingRoutes,
  referralRoutes,
  noteRoutes,
  taskRoutes,
  summaryRoutes,
  screeningRoutes,
  figuresRoutes,
  packetRoutes,
  stockTransferRoutes,
  stockCountRoutes,
  stockReportRoutes,
  itemRoutes,
  stockPointRoutes,
  projectRoutes,
  settingsRoutes,
  distributionRoutes,
  distributionReportRoutes,
  movementRoutes,
  surveillanceRoutes,
  alertRoutes,
  clinicScheduleRoutes,
  clinicSessionRoutes,
  counsellingRoutes,
  followUpRoutes,
  consultationRoutes,
  diagnosisRoutes,
  fitnessRoutes,
  embassyRequestRoutes,
  consularInterviewRoutes,
  returnCaseRoutes,
  returnMovementRoutes,
  reintegrationRoutes,
  reintegrationFollowUpRoutes,
  returnsBoardRoutes,
];
