import type { Actor } from '../../platform/actor';
import { actsAs, definePolicy } from '../../platform/policy';

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
