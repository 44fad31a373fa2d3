import { type Category, canRead } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { accessIn, type Policy } from '../../platform/policy';
import { auditPolicy } from '../audit/audit.policy';
import { centrePolicy } from '../directory/centres.policy';
import { missionPolicy } from '../directory/mission.policy';
import { organisationPolicy } from '../directory/organisations.policy';
import { userPolicy } from '../directory/users.policy';
import {
  referralPolicy,
  screeningPolicy,
  seesProtectionFlags,
  taskPolicy,
} from '../protection/protection.policy';
import { personPolicy } from '../registry/persons.policy';

// biome-ignore lint/suspicious/noExplicitAny: policies of any record type
const RESOURCES: [string, Policy<any, any>, string[]][] = [
  ['organisations', organisationPolicy, ['list', 'create']],
  ['centres', centrePolicy, ['list', 'create']],
  ['users', userPolicy, ['list', 'create']],
  ['audit', auditPolicy, ['list']],
  ['persons', personPolicy, ['list', 'create']],
  ['screenings', screeningPolicy, ['list', 'create', 'override']],
  ['referrals', referralPolicy, ['list', 'create', 'override_consent']],
  ['tasks', taskPolicy, ['list', 'create']],
];

/** Module areas and the data category that opens each (read, or flags-only where noted). */
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
  if (missionPolicy.can(actor, 'update')) out.push('mission:update');
  if (seesProtectionFlags(actor)) out.push('protection:flags');
  for (const [area, category] of MODULES)
    if (accessIn(actor, category).some(canRead)) out.push(`${area}:read`);
  return out;
}
