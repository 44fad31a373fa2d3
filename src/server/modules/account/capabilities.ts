import type { Category } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { mayRead } from '../../platform/policy';
import { auditPolicy } from '../audit/audit.policy';
import { centrePolicy } from '../directory/centres.policy';
import { missionPolicy } from '../directory/mission.policy';
import { organisationPolicy } from '../directory/organisations.policy';
import { userPolicy } from '../directory/users.policy';
import { counsellingPolicy, followUpPolicy } from '../health/counselling.policy';
import {
  alertPolicy,
  clinicSchedulePolicy,
  clinicSessionPolicy,
  consultationPolicy,
  diagnosisPolicy,
  fitnessFlagPolicy,
  surveillancePolicy,
} from '../health/health.policy';
import {
  casePolicy,
  consentPolicy,
  notePolicy,
  protectionSummaryPolicy,
  referralPolicy,
  screeningPolicy,
  sharingProfilePolicy,
  taskPolicy,
} from '../protection/protection.policy';
import { personPolicy } from '../registry/persons.policy';
import { returnsBoardPolicy, returnsFiguresPolicy } from '../returns/board.policy';
import { embassyRequestPolicy } from '../returns/embassy-requests.policy';
import { movementPolicy } from '../returns/movements.policy';
import {
  reintegrationFollowUpPolicy,
  reintegrationPolicy,
  returnsSettingsPolicy,
} from '../returns/reintegration.policy';
import { returnCasePolicy } from '../returns/returns.policy';
import {
  cataloguePolicy,
  countPolicy,
  distributionPolicy,
  stockPointPolicy,
  stockPolicy,
  transferPolicy,
} from '../supplies/stock.policy';

/** A policy asked about the kind of record (no record): what capabilities are. */
interface AsksAboutKind {
  // biome-ignore lint/suspicious/noExplicitAny: every policy has its own closed set of actions
  can(actor: Actor, action: any): boolean;
}

/**
 * Each capability is the resource's own policy answering without a record ("somewhere in my
 * scope"): never a role table of its own, so it cannot drift from what the routes allow.
 */
const RESOURCES: [string, AsksAboutKind, string[]][] = [
  ['organisations', organisationPolicy, ['list', 'create']],
  ['centres', centrePolicy, ['list', 'create']],
  ['users', userPolicy, ['list', 'create']],
  ['audit', auditPolicy, ['list']],
  ['persons', personPolicy, ['list', 'create']],
  ['screenings', screeningPolicy, ['list', 'create', 'override']],
  ['referrals', referralPolicy, ['list', 'create', 'override_consent']],
  ['cases', casePolicy, ['list']],
  ['consents', consentPolicy, ['create']],
  ['notes', notePolicy, ['create']],
  ['tasks', taskPolicy, ['create']],
  ['sharing_profiles', sharingProfilePolicy, ['read', 'update']],
  ['catalogue', cataloguePolicy, ['list', 'create']],
  ['stock_points', stockPointPolicy, ['list', 'create']],
  ['stock', stockPolicy, ['list', 'receive', 'issue']],
  ['transfers', transferPolicy, ['list', 'create', 'receive']],
  ['stock_counts', countPolicy, ['list', 'create']],
  ['distributions', distributionPolicy, ['list', 'create']],
  ['clinic_schedules', clinicSchedulePolicy, ['list', 'create']],
  ['clinic_sessions', clinicSessionPolicy, ['list', 'create']],
  ['consultations', consultationPolicy, ['list', 'create', 'dispense']],
  ['diagnoses', diagnosisPolicy, ['list', 'create']],
  ['fitness', fitnessFlagPolicy, ['read']],
  ['surveillance', surveillancePolicy, ['read', 'export', 'set_rules']],
  ['alerts', alertPolicy, ['list', 'verify', 'respond']],
  ['counselling', counsellingPolicy, ['list', 'create']],
  ['follow_ups', followUpPolicy, ['list']],
  ['embassy_requests', embassyRequestPolicy, ['list', 'create']],
  ['return_cases', returnCasePolicy, ['list', 'create', 'clear_protection']],
  ['movements', movementPolicy, ['list', 'create']],
  ['reintegration', reintegrationPolicy, ['list', 'create']],
  ['reintegration_follow_ups', reintegrationFollowUpPolicy, ['list', 'record_survey']],
  ['returns_settings', returnsSettingsPolicy, ['update']],
  ['returns_board', returnsBoardPolicy, ['read']],
  ['returns_figures', returnsFiguresPolicy, ['read']],
];

/** Module areas and the data category that opens each (modules without a policy of their own yet). */
const MODULES: [string, Category][] = [
  ['registry', 'identity'],
  ['protection', 'protection'],
  ['health', 'medical'],
  ['mhpss', 'mhpss'],
  ['supplies', 'stock'],
  ['assistance', 'assistance'],
  ['returns', 'returns'],
  ['partners', 'partners'],
  ['reporting', 'reporting'],
];

/** What the user may do, for navigation: computed from the same policies the routes use. */
export function capabilities(actor: Actor): string[] {
  const out: string[] = [];
  for (const [name, policy, actions] of RESOURCES) {
    for (const a of actions) if (policy.can(actor, a)) out.push(`${name}:${a === 'list' ? 'read' : a}`);
  }
  // "My tasks" for those who can be given one: a task goes only to someone who may read its
  // person (protection/assignees.ts), so a role that sees no one (a viewer) gets no empty list
  if (taskPolicy.can(actor, 'list') && personPolicy.can(actor, 'list')) out.push('tasks:read');
  if (missionPolicy.can(actor, 'update')) out.push('mission:update');
  if (protectionSummaryPolicy.can(actor, 'read')) out.push('protection:flags');
  for (const [area, category] of MODULES) if (mayRead(actor, category)) out.push(`${area}:read`);
  return out;
}
