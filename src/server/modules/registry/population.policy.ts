import { canRead } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { actsAs, definePolicy, grants } from '../../platform/policy';

/** Authority headcounts name no one: managers and monitors record them at centres they hold. */
export const headcountPolicy = definePolicy({
  resource: 'headcount',
  actions: ['create'],
  can(actor: Actor, action, record?: { centreId: string }) {
    return (
      action === 'create' && actsAs(actor, ['manager', 'monitor'], record ? [record.centreId] : undefined)
    );
  },
});

/**
 * A centre's population: every role reads it (centres reach the route through their scope), but
 * exact small counts only those who may see people at that centre; others get suppressed tables.
 */
export const populationPolicy = definePolicy({
  resource: 'population',
  actions: ['read', 'read_exact'],
  onKind: ['read', 'read_exact'],
  can(actor: Actor, action, record?: { centreId: string }) {
    if (action === 'read') return actor.roles.length > 0;
    return action === 'read_exact' && !!record && grants(actor, 'identity', canRead, [record.centreId]);
  },
});
